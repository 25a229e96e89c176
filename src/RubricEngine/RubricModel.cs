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
    /// <summary>Each evidence key it reads with the value it must hold, in the order of <see cref="Keys"/>.</summary>
    public ImmutableArray<EvidenceField> Fields { get; init; } = [];

    /// <summary>The item ids that can be missing (<c>per_missing</c> and <c>all_of</c>); empty otherwise.</summary>
    public ImmutableArray<string> Items { get; init; } = [];
}

/// <summary>A section (考核项目) and its nominal points.</summary>
/// <param name="Name">The section's name.</param>
/// <param name="Points">Its nominal points: the sum of its lines' points.</param>
public sealed record RubricSection(string Name, decimal Points);

/// <summary>The shape of the value an evidence key takes, as the evidence file writes it.</summary>
public enum EvidenceValueKind
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Flag,

    /// <summary>A list of months, whole numbers 1 to 12.</summary>
    Months,

    /// <summary>A list of quarters, whole numbers 1 to 4.</summary>
    Quarters,

    /// <summary>A whole number within <see cref="EvidenceField.Min"/> and <see cref="EvidenceField.Max"/>.</summary>
    Count,

    /// <summary>A decimal number within <see cref="EvidenceField.Min"/> and <see cref="EvidenceField.Max"/>.</summary>
    Amount,

    /// <summary>A list of <c>{ item, level }</c>, the level among <see cref="EvidenceField.Allowed"/>.</summary>
    Publications,

    /// <summary>A list of ids among <see cref="EvidenceField.Allowed"/>.</summary>
    ItemIds,

    /// <summary>
    /// A percentage written with its % sign, <c>76%</c> or <c>76.5%</c> (a string in JSON), within
    /// <see cref="EvidenceField.Min"/> and <see cref="EvidenceField.Max"/>, which are given in percent (0 and 1000).
    /// </summary>
    Percent,

    /// <summary>
    /// One row id of a category table, among <see cref="EvidenceField.Allowed"/> (<c>excellent</c>); for a row the
    /// inspector scores within a range, a mapping <c>{ category: fail, points: -1.5 }</c>.
    /// </summary>
    Category,

    /// <summary>
    /// A list of <c>{ item, row, column }</c> placing each thing in a cell of a grid table: the row among
    /// <see cref="EvidenceField.Allowed"/>, the column among the table's columns.
    /// </summary>
    Grid,
}

/// <summary>
/// One evidence key a criterion reads and what its value must be: what a tool needs to build an evidence form
/// (an Excel template with one column per key, say) without knowing the scoring functions.
/// <code>
/// foreach (var line in rubric.Lines)
///     foreach (var criterion in line.Criteria)
///         foreach (var field in criterion.Fields)
///             Console.WriteLine($"{line.Id}.{field.Key}: {field.Kind} {field.Description}");   // organization.leading_group: Flag true or false
/// </code>
/// </summary>
/// <param name="Key">The evidence key, under its line.</param>
/// <param name="Kind">The value's shape.</param>
/// <param name="Min">The lowest number allowed (Count, Amount; Percent in percent, 0 for 0%); 0 otherwise.</param>
/// <param name="Max">The highest number allowed (Count, Amount; Percent in percent, 1000 for 1000%), or null for no limit.</param>
/// <param name="Allowed">The allowed level ids (Publications), item ids (ItemIds) or table row ids (Category, Grid); empty otherwise.</param>
/// <param name="AllowedLabels">The labels of <paramref name="Allowed"/> where the rubric gives them (县级 for county); empty otherwise.</param>
/// <param name="Description">What to write, in words, as the evidence messages say it.</param>
public sealed record EvidenceField(
    string Key,
    EvidenceValueKind Kind,
    decimal Min,
    decimal? Max,
    ImmutableArray<string> Allowed,
    ImmutableArray<string> AllowedLabels,
    string Description)
{
    /// <summary>For a <see cref="EvidenceValueKind.Grid"/> field, the column ids an entry may name; empty otherwise.</summary>
    public ImmutableArray<string> Columns { get; init; } = [];

    /// <summary>
    /// For an <see cref="EvidenceValueKind.ItemIds"/> field: true when the list names the items that are met (a
    /// <c>met</c> table's 符合的项目), false when it names the missing ones (缺少的项目), as everywhere else.
    /// </summary>
    public bool ListsMet { get; init; }

    /// <summary>For a <see cref="EvidenceValueKind.Grid"/> field, the labels of <see cref="Columns"/> (头版头条 for front_headline).</summary>
    public ImmutableArray<string> ColumnLabels { get; init; } = [];

    /// <summary>
    /// For a <see cref="EvidenceValueKind.Category"/> or <see cref="EvidenceValueKind.Grid"/> field, the table's rows
    /// (in the order of <see cref="Allowed"/>) with what a form needs to offer only valid values: a category row's
    /// points range, a grid row's columns; empty otherwise.
    /// </summary>
    public ImmutableArray<EvidenceTableRow> Rows { get; init; } = [];
}

/// <summary>A row of the category or grid table an <see cref="EvidenceField"/> names.</summary>
/// <param name="Id">The row id the evidence writes (<c>fail</c>, <c>province</c>).</param>
/// <param name="Label">Its label (不合格, 省).</param>
/// <param name="Min">For a category row the inspector scores within a range, its lowest points (−2); null for a row with fixed points and for grid rows.</param>
/// <param name="Max">Its highest points (−1), with <paramref name="Min"/>.</param>
/// <param name="Columns">For a grid row, the column ids it has a cell in (a missing cell is a combination that does not exist); empty for category rows.</param>
public sealed record EvidenceTableRow(string Id, string Label, decimal? Min, decimal? Max, ImmutableArray<string> Columns);
