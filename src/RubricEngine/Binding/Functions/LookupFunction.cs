using System.Collections.Immutable;
using RubricEngine.Runtime;
using RubricEngine.Syntax;

namespace RubricEngine.Binding.Functions;

/// <summary>
/// <c>lookup()</c>: the score from the row of a rubric-level table (<c>table:</c>) that the evidence matches: a band
/// of a count, amount, percentage or number of items met or missing; a category; or the cells of a grid, summed.
/// The table is data, so a new band or category needs no new function.
/// </summary>
internal sealed class LookupFunction : ScoringFunction
{
    public const string FunctionName = "lookup";

    public override string Name => FunctionName;
    public override string Phrase => "志愿服务时长100–150小时30分，150–200小时40分，200小时以上50分";
    public override string Example => "lookup()";
    public override ImmutableArray<Parameter> Parameters => [];

    /// <summary>True for the tables whose evidence is a list of the criterion's items.</summary>
    public static bool ReadsItems(TableSyntax? table) => table?.Measure is TableMeasure.Met or TableMeasure.Missing;

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context)
    {
        var table = context.Table!;
        var (key, span) = context.Keys[0];
        return table.Measure switch
        {
            TableMeasure.Count => [new EvidenceSlot(key, span, EvidenceKind.Count, 0m, BandDomain.MostMeasured)],
            TableMeasure.Amount => [new EvidenceSlot(key, span, EvidenceKind.Amount, 0m, BandDomain.MostMeasured)],
            TableMeasure.Percent => [new EvidenceSlot(key, span, EvidenceKind.Percent, 0m, PercentText.MaxRatio)],
            TableMeasure.Met or TableMeasure.Missing => [new EvidenceSlot(key, span, EvidenceKind.ItemIds, Allowed: context.Items, AllowedLabels: context.LabelsOfItems,
                ListsMet: table.Measure == TableMeasure.Met)],
            TableMeasure.Category => [new EvidenceSlot(key, span, EvidenceKind.Category,
                Allowed: [.. table.Categories.Select(r => r.Id.Value)], AllowedLabels: [.. table.Categories.Select(r => r.Label)],
                Choices: new ChoiceTable([.. table.Categories.Select(r => new ChoiceRow(r.Id.Value, r.Label, r.Min, r.Max, []))], []))],
            _ => [new EvidenceSlot(key, span, EvidenceKind.Grid,
                Allowed: [.. table.GridRows.Select(r => r.Id.Value)], AllowedLabels: [.. table.GridRows.Select(r => r.Label)],
                Choices: GridShape(table))],
        };
    }

    public override ScoreRange Range(BindContext context)
    {
        var table = context.Table!;
        if (table.Measure == TableMeasure.Grid)
        {
            // Any number of entries may fall in one cell: a positive cell makes the sum unbounded, a negative one too.
            var cells = table.GridRows.SelectMany(r => r.Cells.Values).ToList();
            return new ScoreRange(cells.Any(c => c < 0m) ? null : 0m, cells.Any(c => c > 0m) ? null : 0m);
        }

        var (min, max) = TableBinder.Range(table, context.Points, context.Items.Length);
        return new ScoreRange(min, max);
    }

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots)
    {
        var table = context.Table!;
        return table.Measure switch
        {
            TableMeasure.Category => new CategoryRuntime(new CategorySlot(slots[0]),
                [.. table.Categories.Select(r => r.IsRange ? null : (decimal?)r.Award.For(context.Points))],
                [.. table.Categories.Select(r => CategoryReason(r, context.Points))]),
            TableMeasure.Grid => new GridRuntime(new GridSlot(slots[0]),
                [.. table.GridRows.Select(r => table.Columns.Select(c => r.Cells.TryGetValue(c.Id.Value, out var p) ? p : 0m).ToImmutableArray())],
                [.. table.GridRows.Select(r => r.Label)], [.. table.Columns.Select(c => c.Label)]),
            _ => CompileBands(table, context, slots[0]),
        };
    }

    private static ChoiceTable GridShape(TableSyntax table) => new(
        [.. table.GridRows.Select(r => new ChoiceRow(r.Id.Value, r.Label, null, null,
            [.. table.Columns.Select((c, i) => (c, i)).Where(x => r.Cells.ContainsKey(x.c.Id.Value)).Select(x => x.i)]))],
        [.. table.Columns.Select(c => (c.Id.Value, c.Label))]);

    private static BandRuntime CompileBands(TableSyntax table, BindContext context, int slot)
    {
        var domain = BandDomain.Of(table.Measure, context.Items.Length);
        var rows = table.Bands.Where(r => !TableBinder.Interval(r, domain).IsEmpty).ToList();
        // A percentage carries its own unit, the % sign; a count is of 项 unless the table names what it counts.
        var unit = table.Measure == TableMeasure.Percent ? null
            : table.Unit ?? (table.Measure is TableMeasure.Count or TableMeasure.Met or TableMeasure.Missing ? "项" : null);
        var unitAfter = unit is null ? "" : " " + unit;
        var lowest = rows.Count == 0 ? (decimal?)null : rows.Min(r => r.From?.Value ?? 0m);
        var bands = rows.Select(r => new Band(
            r.From?.Value,
            r.To?.Value ?? r.Below?.Value,
            r.To is not null,
            r.Award.For(context.Points),
            r.Grade is { } grade
                ? ("等级 " + grade + "：", "，" + AwardText(r.Award, context.Points))
                : ("", BandText(table, r, unit) + "，" + AwardText(r.Award, context.Points))))
            .ToImmutableArray();
        var belowLowest = "，未达最低档 " + TableBinder.Value(table, lowest ?? 0m) + unitAfter + "，0 分";
        Func<EvidenceRow, decimal> measure = table.Measure is TableMeasure.Met or TableMeasure.Missing
            ? row => row[new ItemsSlot(slot)].Length
            : row => row[new NumberSlot(slot)];
        var prefix = table.Measure switch { TableMeasure.Met => "符合 ", TableMeasure.Missing => "缺 ", _ => "" };
        Func<decimal, string> valueText = table.Measure == TableMeasure.Percent
            ? value => PercentText.Format(value)
            : value => prefix + Numbers.Format(value) + unitAfter;
        return new BandRuntime(measure, valueText, bands, lowest ?? 0m, belowLowest);
    }

    /// <summary>
    /// The band as written, with the unit: <c>，150–200 小时档</c>, <c>，≥ 200 档</c>, <c>，&lt; 70% 档</c>, <c>，≤ 70 档</c>;
    /// nothing for a row without bounds, which every value matches.
    /// </summary>
    private static string BandText(TableSyntax table, BandRowSyntax row, string? unit)
    {
        var upper = row.To ?? row.Below;
        var band = (row.From, upper) switch
        {
            ({ } from, { } to) => TableBinder.Value(table, from.Value) + "–" + TableBinder.Value(table, to.Value),
            ({ } from, null) => "≥ " + TableBinder.Value(table, from.Value),
            (null, { } to) => (row.To is not null ? "≤ " : "< ") + TableBinder.Value(table, to.Value),
            _ => null,
        };
        return band is null ? "" : "，" + band + (unit is null ? " 档" : " " + unit + "档");
    }

    /// <summary><c>40 分</c> for fixed points; <c>15 × 66% = 9.9</c> for a share of the criterion's points.</summary>
    private static string AwardText(AwardSyntax award, decimal points) => award.Share is { } share
        ? Numbers.Format(points) + " × " + PercentText.Format(share) + " = " + Numbers.Format(points * share)
        : Numbers.Format(award.Points!.Value) + " 分";

    /// <summary>A fixed row's whole reason; a range row's text before and after the points the inspector chose.</summary>
    private static (string Before, string After) CategoryReason(CategoryRowSyntax row, decimal points) => row.IsRange
        ? (row.Label + "，评定 ", " 分（" + Numbers.Format(row.Min!.Value) + " 至 " + Numbers.Format(row.Max!.Value) + "）")
        : (row.Label + "，" + AwardText(row.Award, points), "");

    /// <param name="High">The upper bound, inclusive when <paramref name="HighInclusive"/>; null for none.</param>
    /// <param name="Text">What comes before the value in the reason (the grade), and what follows it.</param>
    private sealed record Band(decimal? Low, decimal? High, bool HighInclusive, decimal Points, (string Lead, string Tail) Text)
    {
        public bool Matches(decimal value) =>
            (Low is not { } low || value >= low) && (High is not { } high || (HighInclusive ? value <= high : value < high));
    }

    /// <param name="lowest">The lowest 'from' of the rows evidence can reach: a value below it has not reached the lowest band.</param>
    private sealed class BandRuntime(
        Func<EvidenceRow, decimal> measure, Func<decimal, string> valueText, ImmutableArray<Band> bands, decimal lowest, string belowLowest)
        : CriterionRuntime
    {
        private const string NoBand = "，无对应档次，0 分";

        private readonly Band[] rows = [.. bands];

        public override decimal Score(EvidenceRow row) => Find(measure(row))?.Points ?? 0m;

        public override string Explain(EvidenceRow row, decimal score)
        {
            var value = measure(row);
            return Find(value) is { } band
                ? band.Text.Lead + valueText(value) + band.Text.Tail
                : valueText(value) + (value < lowest ? belowLowest : NoBand);
        }

        private Band? Find(decimal value)
        {
            foreach (var band in rows)
            {
                if (band.Matches(value))
                {
                    return band;
                }
            }

            return null;
        }
    }

    /// <param name="points">Each fixed row's points; null for a row the inspector scores, whose evidence always gives them.</param>
    /// <param name="reasons">Each row's reason; a range row's is split where the inspector's points go.</param>
    private sealed class CategoryRuntime(CategorySlot slot, ImmutableArray<decimal?> points, ImmutableArray<(string Before, string After)> reasons) : CriterionRuntime
    {
        public override decimal Score(EvidenceRow row)
        {
            var (index, chosen) = row[slot];
            return chosen ?? points[index]!.Value;
        }

        public override string Explain(EvidenceRow row, decimal score)
        {
            var (index, chosen) = row[slot];
            return chosen is { } given ? reasons[index].Before + Numbers.Format(given) + reasons[index].After : reasons[index].Before;
        }
    }

    private sealed class GridRuntime(GridSlot slot, ImmutableArray<ImmutableArray<decimal>> cells, ImmutableArray<string> rowLabels, ImmutableArray<string> columnLabels)
        : CriterionRuntime
    {
        public override decimal Score(EvidenceRow row)
        {
            var sum = 0m;
            foreach (var entry in row[slot])
            {
                sum += cells[entry.Row][entry.Column];
            }

            return sum;
        }

        public override string Explain(EvidenceRow row, decimal score)
        {
            var entries = row[slot];
            return entries.IsEmpty
                ? "无，0 分"
                : string.Join(" + ", entries.Select(e => rowLabels[e.Row] + " " + columnLabels[e.Column] + " " + Numbers.Format(cells[e.Row][e.Column])))
                    + " = " + Numbers.Format(score);
        }
    }
}
