using System.Globalization;
using System.Text;
using RubricEngine.Reporting;

namespace RubricEngine.Cli.Formatting;

/// <summary>A score card as a Markdown table, for reports and pull requests.</summary>
internal static class MarkdownFormatter
{
    public static string Format(ScoreCard card) => Format(card, CultureInfo.InvariantCulture);

    /// <param name="culture">The language warnings are written in.</param>
    public static string Format(ScoreCard card, CultureInfo culture)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {card.Title}");
        text.AppendLine();
        text.AppendLine("单位：" + Escape(card.Unit) + TotalText.UnitType(card, "　") + (card.Year is { } year ? "　年度：" + year.ToString(CultureInfo.InvariantCulture) : "") + Version(card, "　"));
        text.AppendLine();
        text.AppendLine("| 考核项目 | 编号 | 分值 | 得分 | 加分 | 说明 |");
        text.AppendLine("|---|---|--:|--:|--:|---|");
        foreach (var line in card.Lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {Escape(line.Section)} | `{line.Id}` | {ScoreText.Format(line.Points)} | {ScoreText.Format(line.Score)} | {ScoreText.Format(line.Bonus)} | {Escape(string.Join("；", TableFormatter.Unreachable(line) is { } mark ? line.Reasons.Prepend(mark) : line.Reasons))} |");
        }

        text.AppendLine();
        var (sum, vetoes, total) = TotalText.Total(card);
        text.AppendLine(CultureInfo.InvariantCulture, $"**{sum}**");
        if (vetoes.Count > 0)
        {
            text.AppendLine();
            foreach (var veto in vetoes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(veto)}");
            }

            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"**{total}**");
        }

        if (TotalText.Grade(card) is { } grade)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"**{grade}**");
        }

        if (card.Warnings.Length > 0)
        {
            text.AppendLine();
            foreach (var warning in card.Warnings)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- 注意：{Escape(warning.ToString(culture))}");
            }
        }

        return text.ToString();
    }

    private static string Version(ScoreCard card, string separator) => Formatting.Version.Of(card, separator);

    internal static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
