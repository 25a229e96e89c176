using System.Collections.Immutable;

namespace RubricEngine;

/// <summary>
/// Only the numbers of a score card: what a service that scores many units stores. The same values as the
/// <see cref="ScoreCard"/> of the same evidence, computed without building any text.
/// </summary>
/// <param name="RubricId">The rubric's id.</param>
/// <param name="Unit">The assessed unit.</param>
/// <param name="BaseTotal">The sum of the rounded line scores, bonuses excluded.</param>
/// <param name="BonusTotal">The sum of the bonuses.</param>
/// <param name="Total">Base total plus bonus total.</param>
/// <param name="Lines">One entry per rubric line, in rubric order.</param>
public sealed record ScoreNumbers(string RubricId, string Unit, decimal BaseTotal, decimal BonusTotal, decimal Total, ImmutableArray<LineNumbers> Lines);

/// <summary>One line's numbers: a value, so that scoring a unit allocates one array for all its lines.</summary>
/// <param name="Id">The line id.</param>
/// <param name="Score">The rounded score, bonus excluded.</param>
/// <param name="Bonus">The bonus, 0 where none.</param>
public readonly record struct LineNumbers(string Id, decimal Score, decimal Bonus);
