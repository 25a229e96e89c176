using System.Collections.Frozen;
using System.Collections.Immutable;
using RubricEngine.Diagnostics;
using RubricEngine.Syntax;

namespace RubricEngine.Binding;

/// <summary>The values a band table's measure can take: whole numbers or any number, from 0 to <paramref name="Max"/>.</summary>
internal readonly record struct BandDomain(bool Whole, decimal Max)
{
    /// <summary>The most a count or an amount may be, as evidence accepts them.</summary>
    public const decimal MostMeasured = 1_000_000m;

    public static BandDomain Of(TableMeasure measure, int? items = null) => measure switch
    {
        TableMeasure.Amount => new(false, MostMeasured),
        TableMeasure.Percent => new(false, PercentText.MaxRatio),
        TableMeasure.Met or TableMeasure.Missing => new(true, items ?? MostMeasured),
        _ => new(true, MostMeasured),
    };
}

/// <summary>
/// The values a band row matches within its domain: from <see cref="Low"/> (inclusive) to <see cref="High"/>,
/// inclusive or not. In a whole-number domain both ends are whole and inclusive.
/// </summary>
internal readonly record struct BandInterval(decimal Low, decimal High, bool HighInclusive)
{
    public bool IsEmpty => Low > High || (Low == High && !HighInclusive);
}

/// <summary>The rubric's tables by id, and the ids of tables that could not be read.</summary>
internal sealed record TableScope(FrozenDictionary<string, TableSyntax> ById, ImmutableHashSet<string> Unreadable);

/// <summary>
/// Checks lookup tables as a policy officer writes them: rows that overlap (an error naming the smallest value both
/// match), gaps between rows and rows no evidence can reach (warnings), repeated ids.
/// </summary>
internal static class TableBinder
{
    public static TableScope Bind(RubricSyntax rubric, Action<IEnumerable<Located<string>>, string, string?> checkDuplicates, List<Diagnostic> diagnostics)
    {
        checkDuplicates(rubric.Tables.Select(t => t.Id), "table id", null);
        foreach (var table in rubric.Tables)
        {
            checkDuplicates(table.Categories.Select(r => r.Id).Concat(table.GridRows.Select(r => r.Id)), "row id", null);
            checkDuplicates(table.Columns.Select(c => c.Id), "column id", null);
            if (table.IsBand)
            {
                CheckBands(table, diagnostics);
            }
        }

        var byId = new Dictionary<string, TableSyntax>(StringComparer.Ordinal);
        foreach (var table in rubric.Tables)
        {
            byId.TryAdd(table.Id.Value, table);
        }

        return new TableScope(byId.ToFrozenDictionary(StringComparer.Ordinal), [.. rubric.UnreadableTables]);
    }

    /// <summary>The values <paramref name="row"/> matches within <paramref name="domain"/>.</summary>
    public static BandInterval Interval(BandRowSyntax row, BandDomain domain)
    {
        var low = Math.Max(row.From?.Value ?? 0m, 0m);
        var (high, inclusive) = row.To is { } to ? (to.Value, true) : row.Below is { } below ? (below.Value, false) : (domain.Max, true);
        if (high > domain.Max)
        {
            (high, inclusive) = (domain.Max, true);
        }

        if (domain.Whole)
        {
            low = decimal.Ceiling(low);
            high = inclusive ? decimal.Floor(high) : decimal.Ceiling(high) - 1m;
            inclusive = true;
        }

        return new BandInterval(low, high, inclusive);
    }

    /// <summary>
    /// The lowest and highest score the table gives a criterion worth <paramref name="points"/>: over the rows evidence can
    /// reach, and 0, which evidence not given (or matching no row) scores.
    /// </summary>
    public static (decimal Min, decimal Max) Range(TableSyntax table, decimal points, int items)
    {
        IEnumerable<decimal> scores = table.Measure switch
        {
            TableMeasure.Category => table.Categories.SelectMany(r => r.IsRange ? [r.Min!.Value, r.Max!.Value] : new[] { r.Award.For(points) }),
            TableMeasure.Grid => [],
            _ => table.Bands.Where(r => !Interval(r, BandDomain.Of(table.Measure, items)).IsEmpty).Select(r => r.Award.For(points)),
        };
        var all = scores.Append(0m).ToList();
        return (all.Min(), all.Max());
    }

    /// <summary>For a <c>met</c> or <c>missing</c> table: rows above the number of the criterion's items can never match.</summary>
    public static void CheckItemRows(TableSyntax table, string key, int items, List<Diagnostic> diagnostics)
    {
        var anywhere = BandDomain.Of(table.Measure);
        foreach (var row in table.Bands)
        {
            if (!Interval(row, anywhere).IsEmpty && Interval(row, BandDomain.Of(table.Measure, items)).IsEmpty)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.TableRowUnreachable, At(row), MessageText.Of("RowNeverMatchesFor",
                    Numbers.Format(row.Number), table.Id.Value, key, Numbers.Format(items),
                    MessageText.Of(table.Measure == TableMeasure.Met ? "NounMet" : "NounMissing"))));
            }
        }
    }

    private static void CheckBands(TableSyntax table, List<Diagnostic> diagnostics)
    {
        var domain = BandDomain.Of(table.Measure);
        var reachable = new List<(BandRowSyntax Row, BandInterval Interval)>();
        foreach (var row in table.Bands)
        {
            var interval = Interval(row, domain);
            if (interval.IsEmpty)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.TableRowUnreachable, At(row),
                    MessageText.Of("RowNeverMatches", Numbers.Format(row.Number), table.Id.Value, WhyEmpty(table, row, domain))));
                continue;
            }

            reachable.Add((row, interval));
        }

        CheckOverlaps(table, reachable, diagnostics);
        CheckGaps(table, reachable, domain, diagnostics);
    }

    private static MessageText WhyEmpty(TableSyntax table, BandRowSyntax row, BandDomain domain)
    {
        var from = row.From?.Value ?? 0m;
        var upper = row.To?.Value ?? row.Below?.Value;
        if (upper is { } top && (top < 0m || (top == 0m && row.Below is not null)))
        {
            return MessageText.Of("NeverNegative");
        }

        if (upper is { } u && (from > u || (from == u && row.Below is not null)))
        {
            return MessageText.Of("BoundsCross", Value(table, from), row.To is not null ? "≤" : "<", Value(table, u));
        }

        if (from > domain.Max)
        {
            return MessageText.Of("AboveMost", Value(table, domain.Max));
        }

        return MessageText.Of("NoWholeNumber", Value(table, from), row.To is not null ? "≤" : "<", Value(table, upper ?? domain.Max));
    }

    /// <summary>Every pair of rows that match a common value: an error at the later-starting row, naming the smallest such value.</summary>
    private static void CheckOverlaps(TableSyntax table, List<(BandRowSyntax Row, BandInterval Interval)> rows, List<Diagnostic> diagnostics)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = i + 1; j < rows.Count; j++)
            {
                var (a, b) = (rows[i].Interval, rows[j].Interval);
                var low = Math.Max(a.Low, b.Low);
                var (high, inclusive) = a.High < b.High ? (a.High, a.HighInclusive)
                    : b.High < a.High ? (b.High, b.HighInclusive)
                    : (a.High, a.HighInclusive && b.HighInclusive);
                if (new BandInterval(low, high, inclusive).IsEmpty)
                {
                    continue;
                }

                // The row that starts first is the one to end earlier; the other starts at the common value.
                var (first, second) = b.Low < a.Low ? (rows[j].Row, rows[i].Row) : (rows[i].Row, rows[j].Row);
                var shown = Value(table, low);
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TableOverlap, second.From?.Span ?? second.Span,
                    MessageText.Of("RowsOverlap", Numbers.Format(first.Number), Numbers.Format(second.Number), table.Id.Value, shown)));
            }
        }
    }

    /// <summary>Values between two rows that no row matches: a warning at the row after the gap, naming where the gap starts.</summary>
    private static void CheckGaps(TableSyntax table, List<(BandRowSyntax Row, BandInterval Interval)> rows, BandDomain domain, List<Diagnostic> diagnostics)
    {
        var ordered = rows.OrderBy(r => r.Interval.Low).ThenBy(r => r.Row.Number).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            // The highest end among the rows before this one: a gap is only a gap if none of them reaches across it.
            var cover = ordered.Take(i).Select(r => r.Interval).OrderByDescending(r => r.High).ThenByDescending(r => r.HighInclusive).First();
            var next = ordered[i].Interval;
            MessageText? gap = null;
            if (domain.Whole && next.Low > cover.High + 1m)
            {
                gap = cover.High + 1m == next.Low - 1m
                    ? MessageText.Of("GapValue", Value(table, cover.High + 1m))
                    : MessageText.Of("GapWhole", Value(table, cover.High + 1m), Value(table, next.Low - 1m));
            }
            else if (!domain.Whole && next.Low > cover.High)
            {
                gap = MessageText.Of(cover.HighInclusive ? "GapAbove" : "GapFrom", Value(table, cover.High), Value(table, next.Low));
            }

            if (gap is not null)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.TableGap, ordered[i].Row.From?.Span ?? ordered[i].Row.Span,
                    MessageText.Of("TableGap", table.Id.Value, gap)));
            }
        }
    }

    /// <summary>A bound as the table writes it: <c>95%</c> in a percent table, a plain number otherwise.</summary>
    public static string Value(TableSyntax table, decimal value) =>
        table.Measure == TableMeasure.Percent ? PercentText.Format(value) : Numbers.Format(value);

    private static SourceSpan At(BandRowSyntax row) => row.Span;
}
