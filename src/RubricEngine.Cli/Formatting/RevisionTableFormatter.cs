using System.Globalization;
using System.Text;
using RubricEngine.Reporting;
using RubricEngine.Revisions;

namespace RubricEngine.Cli.Formatting;

/// <summary>A revision as terminal text: sections, then each changed line with its fields old → new, then the impact per unit.</summary>
internal static class RevisionTableFormatter
{
    /// <summary>Values wider than this (in columns) are shown old above new instead of side by side.</summary>
    private const int SideBySideWidth = 56;

    /// <param name="culture">The language of the units' warnings; English by default.</param>
    public static string Format(RubricDiff diff, RevisionImpact? impact, CultureInfo? culture = null)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{RevisionWords.Side(diff.Old)} → {RevisionWords.Side(diff.New)}");
        text.AppendLine();
        text.AppendLine("考核项目");
        if (diff.Sections.IsEmpty)
        {
            text.AppendLine("  （无变化）");
        }

        var nameWidth = diff.Sections.Select(s => TextWidth.Of(s.Name)).DefaultIfEmpty(0).Max();
        foreach (var section in diff.Sections)
        {
            foreach (var field in section.Fields)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {RevisionWords.Kind(section.Kind)}  {TextWidth.PadRight(section.Name, nameWidth)}  {RevisionWords.Field(field.Field)}  {RevisionWords.Value(field.Old)} → {RevisionWords.Value(field.New)}");
            }
        }

        AppendParts(text, diff.Parts);
        text.AppendLine(diff.Total is { } total
            ? $"总分  {total.Old} → {total.New}"
            : $"总分  {ScoreText.Format(diff.New.Total)}（未变）");
        text.AppendLine();
        text.AppendLine(diff.Changes.IsEmpty ? "考核细则：无变化" : $"考核细则：{diff.Changes.Length} 行有变化");
        var labelWidth = diff.Changes.SelectMany(c => c.Fields).Select(f => TextWidth.Of(RevisionWords.Field(f.Field))).DefaultIfEmpty(0).Max();
        var idWidth = diff.Changes.Select(c => c.Line.Length).DefaultIfEmpty(0).Max();
        foreach (var change in diff.Changes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{RevisionWords.Kind(change.Kind)}  {change.Line.PadRight(idWidth)}  {change.Section}");
            foreach (var field in change.Fields)
            {
                AppendField(text, "      " + TextWidth.PadRight(RevisionWords.Field(field.Field), labelWidth) + "  ", change.Kind, field);
            }
        }

        if (impact is not null)
        {
            text.AppendLine();
            AppendImpact(text, impact, culture ?? CultureInfo.InvariantCulture);
        }

        return text.ToString();
    }

    /// <summary>
    /// Tables, levels, unit types, vetoes and grades, under a heading of their own, only when one changed (a rubric
    /// without them reads as before).
    /// </summary>
    private static void AppendParts(StringBuilder text, IReadOnlyList<PartChange> parts)
    {
        if (parts.Count == 0)
        {
            return;
        }

        text.AppendLine("评分表、级别、单位类型、一票否决与等级");
        var labelWidth = parts.SelectMany(p => p.Fields).Select(f => TextWidth.Of(RevisionWords.Field(f.Field))).DefaultIfEmpty(0).Max();
        foreach (var part in parts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {RevisionWords.Kind(part.Kind)}  {RevisionWords.Part(part)}");
            foreach (var field in part.Fields)
            {
                AppendField(text, "        " + TextWidth.PadRight(RevisionWords.Field(field.Field), labelWidth) + "  ", part.Kind, field);
            }
        }
    }

    /// <summary>One field: its value alone for a whole thing added or removed, else old → new, side by side when short.</summary>
    private static void AppendField(StringBuilder text, string label, ChangeKind kind, FieldChange field)
    {
        var old = RevisionWords.Value(field.Old);
        var @new = RevisionWords.Value(field.New);
        if (kind is ChangeKind.Added or ChangeKind.Removed)
        {
            text.AppendLine(label + (field.New ?? field.Old)); // a whole line added or removed: its values, no arrows
        }
        else if (TextWidth.Of(old) + TextWidth.Of(@new) <= SideBySideWidth)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}{old} → {@new}");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}  {old}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{new string(' ', TextWidth.Of(label))}→ {@new}");
        }
    }

    private static void AppendImpact(StringBuilder text, RevisionImpact impact, CultureInfo culture)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"影响：{impact.Units.Length} 个单位");
        var ranked = impact.Units.Any(u => u.OldRank is not null);
        string[] headers = ["单位", "原总分", "新总分", "变化", .. impact.HasGrades ? ["原等级", "新等级"] : Array.Empty<string>(),
            .. ranked ? ["原排名", "新排名", "名次变化"] : Array.Empty<string>()];
        var rows = impact.Units.Select(u => (string[])[u.Unit, ScoreText.Format(u.OldTotal), ScoreText.Format(u.NewTotal), ScoreText.Signed(u.Delta),
            .. impact.HasGrades ? [RevisionWords.Grade(u.OldGrade), RevisionWords.Grade(u.NewGrade)] : Array.Empty<string>(),
            .. ranked ? [RevisionWords.Rank(u.OldRank), RevisionWords.Rank(u.NewRank), RevisionWords.RankChange(u)] : Array.Empty<string>()]).ToList();
        var widths = headers.Select((h, i) => Math.Max(TextWidth.Of(h), rows.Select(r => TextWidth.Of(r[i])).DefaultIfEmpty(0).Max())).ToArray();
        text.AppendLine(Row(headers, widths));
        foreach (var row in rows)
        {
            text.AppendLine(Row(row, widths));
        }

        text.AppendLine(RevisionWords.Summary(impact));
        foreach (var unit in impact.Units)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{unit.Unit}（{unit.File}）：{ScoreText.Format(unit.OldTotal)} → {ScoreText.Format(unit.NewTotal)}");
            var idWidth = unit.Lines.Select(l => l.Line.Length).DefaultIfEmpty(0).Max();
            foreach (var line in unit.Lines)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {line.Line.PadRight(idWidth)}  {RevisionWords.Score(line.Old)} → {RevisionWords.Score(line.New)}");
            }

            foreach (var warning in unit.Warnings)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  注意：{warning.ToString(culture)}");
            }
        }
    }

    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == 0 ? TextWidth.PadRight(c, widths[i]) : TextWidth.PadLeft(c, widths[i]))).TrimEnd();
}
