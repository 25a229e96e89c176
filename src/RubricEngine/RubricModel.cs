using System.Collections.Immutable;

namespace RubricEngine;

/// <summary>One line of a rubric (a row of the 考核细则 table).</summary>
/// <param name="Id">The line id, e.g. <c>activities</c>.</param>
/// <param name="Section">The section (考核项目) it belongs to.</param>
/// <param name="Content">考核内容, as written in the rubric.</param>
/// <param name="Points">Nominal points (分值).</param>
/// <param name="Maximum">The most its criteria can award, bonus aside; null when the line is uncapped.</param>
/// <param name="Check">检查方式.</param>
/// <param name="Standard">评价标准, as written in the rubric.</param>
/// <param name="Criteria">What is scored, one entry per criterion.</param>
public sealed record RubricLine(
    string Id,
    string Section,
    string Content,
    decimal Points,
    decimal? Maximum,
    string Check,
    string Standard,
    ImmutableArray<RubricCriterion> Criteria);

/// <summary>One criterion of a line.</summary>
/// <param name="Keys">The evidence key (two for a ratio: numerator, denominator).</param>
/// <param name="Label">A short description in the rubric's language.</param>
/// <param name="Points">Nominal points; 0 for a bonus or a deduction.</param>
/// <param name="Rule">The scoring rule in canonical DSL text.</param>
/// <param name="IsBonus">True when the score is a bonus outside the line's points.</param>
public sealed record RubricCriterion(ImmutableArray<string> Keys, string Label, decimal Points, string Rule, bool IsBonus)
{
    /// <summary>The item ids that can be missing (<c>per_missing</c> only); empty otherwise.</summary>
    public ImmutableArray<string> Items { get; init; } = [];
}

/// <summary>A section (考核项目) and its nominal points.</summary>
/// <param name="Name">The section's name.</param>
/// <param name="Points">Its nominal points: the sum of its lines' points.</param>
public sealed record RubricSection(string Name, decimal Points);
