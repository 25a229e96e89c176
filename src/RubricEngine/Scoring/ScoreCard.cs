using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine;

/// <summary>The result of scoring one assessed unit: every line's score and why, section totals, totals and warnings.</summary>
/// <param name="RubricId">The rubric's id.</param>
/// <param name="Title">The rubric's title.</param>
/// <param name="Unit">The assessed unit, as named in the evidence.</param>
/// <param name="Year">The year assessed, when the evidence gives one.</param>
/// <param name="Lines">One entry per rubric line, in rubric order.</param>
/// <param name="Sections">One entry per section, in rubric order.</param>
/// <param name="BaseTotal">The sum of the rounded line scores, bonuses excluded.</param>
/// <param name="BonusTotal">The sum of the bonuses.</param>
/// <param name="Total">Base total plus bonus total (may exceed the rubric's nominal total), after any veto (<see cref="ScoreCard.Vetoes"/>).</param>
/// <param name="Warnings">Warnings about the evidence, such as keys that were not given.</param>
/// <param name="Version">The rubric's version (e.g. <c>2023</c>), or null when it names none.</param>
/// <param name="Effective">The date the rubric's version takes effect, or null.</param>
public sealed record ScoreCard(
    string RubricId,
    string Title,
    string Unit,
    int? Year,
    ImmutableArray<LineScore> Lines,
    ImmutableArray<SectionScore> Sections,
    decimal BaseTotal,
    decimal BonusTotal,
    decimal Total,
    ImmutableArray<Diagnostic> Warnings,
    string? Version = null,
    DateOnly? Effective = null)
{
    /// <summary>The unit's type (<c>unit_type</c>, with its label), or null when the rubric declares no unit types.</summary>
    public RubricUnitType? UnitType { get; init; }

    /// <summary>True when the rubric declares grades: then <see cref="Grade"/> is null only for a total below every grade.</summary>
    public bool HasGrades { get; init; }

    /// <summary>The grade of <see cref="Total"/> (or the lowest, forced by a veto), or null.</summary>
    public ScoreGrade? Grade { get; init; }

    /// <summary>True when the rubric declares vetoes, so that <see cref="Vetoes"/> is part of the card.</summary>
    public bool HasVetoes { get; init; }

    /// <summary>
    /// The vetoes the evidence raised, in rubric order, each with its reason; empty when none. When any applied,
    /// <see cref="Total"/> is the total after them, while <see cref="BaseTotal"/>, <see cref="BonusTotal"/> and the
    /// line scores stay as scored.
    /// </summary>
    public ImmutableArray<AppliedVeto> Vetoes { get; init; } = [];
}

/// <summary>One line's result.</summary>
/// <param name="Id">The line id.</param>
/// <param name="Section">Its section.</param>
/// <param name="Points">Nominal points.</param>
/// <param name="Maximum">The most it can score, bonus aside; null when uncapped.</param>
/// <param name="Score">The rounded score, bonus excluded.</param>
/// <param name="Bonus">The bonus, 0 where none.</param>
/// <param name="Reasons">Why, in words with the arithmetic: one entry per criterion, then the line's sum where it helps.</param>
/// <param name="Criteria">Each criterion's unrounded result.</param>
public sealed record LineScore(
    string Id,
    string Section,
    decimal Points,
    decimal? Maximum,
    decimal Score,
    decimal Bonus,
    ImmutableArray<string> Reasons,
    ImmutableArray<CriterionScore> Criteria);

/// <summary>One criterion's result, before the line's rounding.</summary>
/// <param name="Keys">The evidence key(s) it read.</param>
/// <param name="Label">Its label.</param>
/// <param name="Score">Its exact score (a bonus when <paramref name="IsBonus"/>).</param>
/// <param name="IsBonus">True for a bonus.</param>
/// <param name="Reason">Why, with the arithmetic.</param>
public sealed record CriterionScore(ImmutableArray<string> Keys, string Label, decimal Score, bool IsBonus, string Reason);

/// <summary>A section's totals.</summary>
/// <param name="Name">The section's name.</param>
/// <param name="Points">Its nominal points.</param>
/// <param name="Score">The sum of its lines' rounded scores.</param>
/// <param name="Bonus">The sum of its lines' bonuses.</param>
public sealed record SectionScore(string Name, decimal Points, decimal Score, decimal Bonus);
