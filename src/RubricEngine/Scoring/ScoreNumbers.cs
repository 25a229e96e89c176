using System.Collections.Immutable;

namespace RubricEngine;

/// <summary>
/// Only the numbers of a score card: what a service that scores many units stores. The same values as the
/// <see cref="ScoreCard"/> of the same evidence, without reason texts, criteria, sections or warnings.
/// </summary>
/// <param name="RubricId">The rubric's id.</param>
/// <param name="Unit">The assessed unit.</param>
/// <param name="BaseTotal">The sum of the rounded line scores, bonuses excluded.</param>
/// <param name="BonusTotal">The sum of the bonuses.</param>
/// <param name="Total">Base total plus bonus total.</param>
/// <param name="Lines">One entry per rubric line, in rubric order.</param>
public sealed record ScoreNumbers(string RubricId, string Unit, decimal BaseTotal, decimal BonusTotal, decimal Total, ImmutableArray<LineNumbers> Lines)
{
    internal static ScoreNumbers Of(ScoreCard card) =>
        new(card.RubricId, card.Unit, card.BaseTotal, card.BonusTotal, card.Total, [.. card.Lines.Select(l => new LineNumbers(l.Id, l.Score, l.Bonus))]);
}

/// <summary>One line's numbers.</summary>
/// <param name="Id">The line id.</param>
/// <param name="Score">The rounded score, bonus excluded.</param>
/// <param name="Bonus">The bonus, 0 where none.</param>
public sealed record LineNumbers(string Id, decimal Score, decimal Bonus);
