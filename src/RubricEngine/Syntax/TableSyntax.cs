using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Syntax;

/// <summary>What a lookup table's rows are keyed on: a measured number (bands), a category, or two categories (a grid).</summary>
internal enum TableMeasure
{
    Count,
    Amount,
    Percent,
    Met,
    Missing,
    Category,
    Grid,
}

/// <summary>
/// A rubric-level lookup table as written (<c>tables:</c>), read by <c>lookup()</c>: band rows for a measured
/// number, category rows for a named choice, or grid rows with one cell per column.
/// </summary>
/// <param name="Unit">The word reasons put after a value (小时, 场), when given.</param>
/// <param name="Span">Where the table's mapping starts.</param>
internal sealed record TableSyntax(
    Located<string> Id,
    TableMeasure Measure,
    string? Unit,
    SourceSpan Span,
    ImmutableArray<BandRowSyntax> Bands,
    ImmutableArray<CategoryRowSyntax> Categories,
    ImmutableArray<GridColumnSyntax> Columns,
    ImmutableArray<GridRowSyntax> GridRows)
{
    /// <summary>True for the measures whose rows are bands on a number.</summary>
    public bool IsBand => Measure is not (TableMeasure.Category or TableMeasure.Grid);
}

/// <summary>What a row gives: fixed points, or a share of the criterion's points (a ratio: 66% is 0.66).</summary>
internal readonly record struct AwardSyntax(decimal? Points, decimal? Share)
{
    /// <summary>The row's score for a criterion worth <paramref name="criterionPoints"/>.</summary>
    public decimal For(decimal criterionPoints) => Points ?? criterionPoints * Share!.Value;
}

/// <summary>
/// A band: values ≥ <paramref name="From"/> (no lower bound when absent) and ≤ <paramref name="To"/> or
/// &lt; <paramref name="Below"/> (no upper bound when neither). Percent tables hold ratios (95% is 0.95).
/// </summary>
/// <param name="Number">The row's position, 1 for the first, as messages name it.</param>
/// <param name="Grade">A short label shown in the reason (A, B, 优秀), when given.</param>
internal sealed record BandRowSyntax(
    int Number,
    SourceSpan Span,
    Located<decimal>? From,
    Located<decimal>? To,
    Located<decimal>? Below,
    AwardSyntax Award,
    string? Grade);

/// <summary>A category: fixed points or a share, or a range within which the inspector chooses (<c>min</c>–<c>max</c>).</summary>
internal sealed record CategoryRowSyntax(
    int Number,
    Located<string> Id,
    string Label,
    AwardSyntax Award,
    decimal? Min,
    decimal? Max)
{
    public bool IsRange => Min is not null;
}

internal sealed record GridColumnSyntax(Located<string> Id, string Label);

/// <summary>A grid row: its points in each column it has; a column it lacks is a combination that does not exist.</summary>
internal sealed record GridRowSyntax(Located<string> Id, string Label, ImmutableDictionary<string, decimal> Cells);
