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
/// <param name="Total">Base total plus bonus total, after any veto.</param>
/// <param name="Lines">One entry per rubric line, in rubric order.</param>
public sealed record ScoreNumbers(string RubricId, string Unit, decimal BaseTotal, decimal BonusTotal, decimal Total, ImmutableArray<LineNumbers> Lines)
{
    /// <summary>The grade of <see cref="Total"/>, as on the card; null when the rubric declares no grades or none is reached.</summary>
    public ScoreGrade? Grade { get; init; }

    /// <summary>The keys of the vetoes the evidence raised, in rubric order; empty when none.</summary>
    public ImmutableArray<string> Vetoes { get; init; } = [];
}

/// <summary>One line's numbers: a value, so that scoring a unit allocates one array for all its lines.</summary>
public readonly record struct LineNumbers
{
    // Stored as computed; trailing zeros (3.0) are stripped when read, since most values are never printed.
    private readonly decimal score;
    private readonly decimal bonus;

    /// <summary>A line's numbers.</summary>
    /// <param name="id">The line id.</param>
    /// <param name="score">The rounded score, bonus excluded.</param>
    /// <param name="bonus">The bonus, 0 where none.</param>
    public LineNumbers(string id, decimal score, decimal bonus)
    {
        Id = id;
        this.score = score;
        this.bonus = bonus;
    }

    /// <summary>The line id.</summary>
    public string Id { get; }

    /// <summary>The rounded score, bonus excluded, without trailing zeros.</summary>
    public decimal Score => Numbers.Plain(score);

    /// <summary>The bonus, 0 where none, without trailing zeros.</summary>
    public decimal Bonus => Numbers.Plain(bonus);
}
