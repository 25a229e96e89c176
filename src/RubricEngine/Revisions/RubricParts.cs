using System.Collections.Immutable;
using RubricEngine.Syntax;

namespace RubricEngine.Revisions;

/// <summary>
/// Compares what a rubric says beside its lines (tables, levels, unit types, vetoes, grades) and what a criterion says
/// beside its rule (unit, table, own levels, rules by unit type), each as text written the way the rubric writes it.
/// </summary>
internal static class RubricParts
{
    public static ImmutableArray<PartChange> Compare(RubricSyntax old, RubricSyntax @new) =>
    [
        .. Match("table", old.Tables, @new.Tables, t => t.Id.Value, TableFields),
        .. Match("level", old.Levels, @new.Levels, l => l.Id.Value, l => [("label", l.Label)]),
        .. Match("unit_type", old.TotalRules.UnitTypes, @new.TotalRules.UnitTypes, u => u.Id.Value, u => [("label", u.Label)]),
        .. Match("veto", old.TotalRules.Vetoes, @new.TotalRules.Vetoes, v => v.Key.Value, VetoFields),
        .. Match("grade", old.TotalRules.Grades, @new.TotalRules.Grades, g => g.Id.Value, g => [("label", g.Label), ("from", Number(g.From?.Value))]),
    ];

    /// <summary><c>criteria.&lt;key&gt;.rules.&lt;unit type&gt;</c> for each unit type whose rule differs, in the new rubric's order.</summary>
    public static IEnumerable<FieldChange> CompareRules(string name, CriterionSyntax old, CriterionSyntax @new)
    {
        var before = old.Variants.ToDictionary(v => v.UnitType.Value, v => v.Rule.ToString(), StringComparer.Ordinal);
        var after = @new.Variants.ToDictionary(v => v.UnitType.Value, v => v.Rule.ToString(), StringComparer.Ordinal);
        return Fields(
            [.. @new.Variants.Select(v => v.UnitType.Value).Concat(old.Variants.Select(v => v.UnitType.Value).Where(t => !after.ContainsKey(t)))
                .Select(type => ($"{name}.rules.{type}", before.GetValueOrDefault(type), after.GetValueOrDefault(type)))]);
    }

    /// <summary>The criterion's <c>unit</c>, <c>table</c> and own <c>levels</c>.</summary>
    public static IEnumerable<FieldChange> CompareCriterion(string name, CriterionSyntax old, CriterionSyntax @new) => Fields(
    [
        ($"{name}.unit", old.Unit?.Value, @new.Unit?.Value),
        ($"{name}.table", old.Table?.Value, @new.Table?.Value),
        ($"{name}.levels", Levels(old.Levels), Levels(@new.Levels)),
    ]);

    /// <summary>
    /// Parts matched by id: changed and added ones in the new order, then removed ones; an added or removed part lists
    /// its fields with the other side null.
    /// </summary>
    private static IEnumerable<PartChange> Match<T>(string part, ImmutableArray<T> old, ImmutableArray<T> @new, Func<T, string> id,
        Func<T, IEnumerable<(string Field, string? Value)>> fields)
    {
        foreach (var after in @new)
        {
            var before = old.FirstOrDefault(o => id(o) == id(after));
            if (before is null)
            {
                yield return new PartChange(part, id(after), ChangeKind.Added, Fields([.. fields(after).Select(f => (f.Field, (string?)null, f.Value))]));
                continue;
            }

            var beforeFields = fields(before).ToList();
            var afterFields = fields(after).ToList();
            var names = afterFields.Select(f => f.Field).Concat(beforeFields.Select(f => f.Field).Where(n => afterFields.All(a => a.Field != n)));
            var changed = Fields([.. names.Select(n => (n, beforeFields.FirstOrDefault(f => f.Field == n).Value, afterFields.FirstOrDefault(f => f.Field == n).Value))]);
            if (changed.Length > 0)
            {
                yield return new PartChange(part, id(after), ChangeKind.Changed, changed);
            }
        }

        foreach (var before in old.Where(o => !@new.Any(n => id(n) == id(o))))
        {
            yield return new PartChange(part, id(before), ChangeKind.Removed, Fields([.. fields(before).Select(f => (f.Field, f.Value, (string?)null))]));
        }
    }

    private static ImmutableArray<FieldChange> Fields(IEnumerable<(string Field, string? Old, string? New)> fields) =>
        [.. fields.Where(f => f.Old != f.New).Select(f => new FieldChange(f.Field, f.Old, f.New))];

    private static IEnumerable<(string, string?)> TableFields(TableSyntax table)
    {
        yield return ("measure", Measure(table.Measure));
        yield return ("unit", table.Unit);
        if (table.Measure == TableMeasure.Grid)
        {
            yield return ("columns", string.Join(", ", table.Columns.Select(c => $"{{ id: {c.Id.Value}, label: {c.Label} }}")));
        }

        var rows = table.IsBand ? table.Bands.Select(r => Band(r, table.Measure == TableMeasure.Percent))
            : table.Measure == TableMeasure.Category ? table.Categories.Select(Category)
            : table.GridRows.Select(Grid);
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            yield return ($"rows.{Numbers.Format(index + 1)}", row);
        }
    }

    private static IEnumerable<(string, string?)> VetoFields(VetoSyntax veto) =>
        [("label", veto.Label), ("effect", VetoEffectNames.Of(veto.Effect.Value)), ("cap", Number(veto.Cap?.Value))];

    /// <summary>A band row as the rubric writes it: <c>{ from: 150, below: 200, points: 40 }</c>; a percent table's bounds with %.</summary>
    private static string Band(BandRowSyntax row, bool percent)
    {
        string Bound(decimal value) => percent ? PercentText.Format(value) : Numbers.Format(value);
        var parts = new List<string>();
        if (row.From is { } from) parts.Add($"from: {Bound(from.Value)}");
        if (row.To is { } to) parts.Add($"to: {Bound(to.Value)}");
        if (row.Below is { } below) parts.Add($"below: {Bound(below.Value)}");
        parts.AddRange(Award(row.Award));
        if (row.Grade is { } grade) parts.Add($"grade: {grade}");
        return $"{{ {string.Join(", ", parts)} }}";
    }

    private static string Category(CategoryRowSyntax row)
    {
        List<string> parts = [$"id: {row.Id.Value}", $"label: {row.Label}", .. Award(row.Award)];
        if (row.Min is { } min) parts.Add($"min: {Numbers.Format(min)}");
        if (row.Max is { } max) parts.Add($"max: {Numbers.Format(max)}");
        return $"{{ {string.Join(", ", parts)} }}";
    }

    private static string Grid(GridRowSyntax row) =>
        $"{{ id: {row.Id.Value}, label: {row.Label}, cells: {{ {string.Join(", ", row.Cells.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {Numbers.Format(c.Value)}"))} }} }}";

    private static IEnumerable<string> Award(AwardSyntax award) =>
        award.Points is { } points ? [$"points: {Numbers.Format(points)}"]
        : award.Share is { } share ? [$"share: {PercentText.Format(share)}"]
        : [];

    private static string? Levels(ImmutableArray<LevelSyntax> levels) =>
        levels.IsDefaultOrEmpty ? null : string.Join(", ", levels.Select(l => $"{l.Id.Value}（{l.Label}）"));

    private static string Measure(TableMeasure measure) => measure switch
    {
        TableMeasure.Count => "count",
        TableMeasure.Amount => "amount",
        TableMeasure.Percent => "percent",
        TableMeasure.Met => "met",
        TableMeasure.Missing => "missing",
        TableMeasure.Category => "category",
        _ => "grid",
    };

    private static string? Number(decimal? value) => value is { } v ? Numbers.Format(v) : null;
}
