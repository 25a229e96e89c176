using System.Globalization;
using System.Text;
using RubricEngine.Reporting;
using RubricEngine.Revisions;

namespace RubricEngine.Cli.Formatting;

/// <summary>A revision as Markdown, for a pull request or a memo: a table of changes, then a table of the impact.</summary>
internal static class RevisionMarkdownFormatter
{
    /// <param name="culture">The language of the units' warnings; English by default.</param>
    public static string Format(RubricDiff diff, RevisionImpact? impact, CultureInfo? culture = null)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {Escape(RevisionWords.Side(diff.Old))} → {Escape(RevisionWords.Side(diff.New))}");
        text.AppendLine();
        text.AppendLine("| 变更 | 考核项目 / 编号 | 项目 | 原 | 新 |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var section in diff.Sections)
        {
            foreach (var field in section.Fields)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {RevisionWords.Kind(section.Kind)} | {Escape(section.Name)} | {RevisionWords.Field(field.Field)} | {Escape(RevisionWords.Value(field.Old))} | {Escape(RevisionWords.Value(field.New))} |");
            }
        }

        foreach (var part in diff.Parts)
        {
            foreach (var field in part.Fields)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {RevisionWords.Kind(part.Kind)} | {Escape(RevisionWords.Part(part))} | {RevisionWords.Field(field.Field)} | {Escape(RevisionWords.Value(field.Old))} | {Escape(RevisionWords.Value(field.New))} |");
            }
        }

        if (diff.Total is { } total)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| 修改 | 总分 | 分值 | {total.Old} | {total.New} |");
        }

        foreach (var change in diff.Changes)
        {
            foreach (var field in change.Fields)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {RevisionWords.Kind(change.Kind)} | `{change.Line}`（{Escape(change.Section)}） | {Escape(RevisionWords.Field(field.Field))} | {Escape(RevisionWords.Value(field.Old))} | {Escape(RevisionWords.Value(field.New))} |");
            }
        }

        if (impact is null)
        {
            return text.ToString();
        }

        text.AppendLine();
        var grades = impact.HasGrades;
        text.AppendLine(grades ? "| 单位 | 原总分 | 新总分 | 变化 | 原等级 | 新等级 | 原排名 | 新排名 | 名次变化 | 变动的行 |" : "| 单位 | 原总分 | 新总分 | 变化 | 原排名 | 新排名 | 名次变化 | 变动的行 |");
        text.AppendLine(grades ? "|---|--:|--:|--:|---|---|--:|--:|:-:|---|" : "|---|--:|--:|--:|--:|--:|:-:|---|");
        foreach (var unit in impact.Units)
        {
            var lines = string.Join("；", unit.Lines.Select(l => $"`{l.Line}` {RevisionWords.Score(l.Old)} → {RevisionWords.Score(l.New)}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {Escape(unit.Unit)} | {ScoreText.Format(unit.OldTotal)} | {ScoreText.Format(unit.NewTotal)} | {ScoreText.Signed(unit.Delta)} | {(grades ? $"{Escape(RevisionWords.Grade(unit.OldGrade))} | {Escape(RevisionWords.Grade(unit.NewGrade))} | " : "")}{RevisionWords.Rank(unit.OldRank)} | {RevisionWords.Rank(unit.NewRank)} | {RevisionWords.RankChange(unit)} | {lines} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**{RevisionWords.Summary(impact)}**");
        foreach (var warning in impact.Units.SelectMany(u => u.Warnings))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- 注意：{Escape(warning.ToString(culture ?? CultureInfo.InvariantCulture))}");
        }

        return text.ToString();
    }

    private static string Escape(string text) => MarkdownFormatter.Escape(text);
}
