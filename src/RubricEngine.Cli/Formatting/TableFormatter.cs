using System.Globalization;
using System.Text;
using RubricEngine.Reporting;

namespace RubricEngine.Cli.Formatting;

/// <summary>A score card as a plain-text table for a terminal, Chinese text aligned by display width.</summary>
internal static class TableFormatter
{
    public static string Format(ScoreCard card) => Format(card, CultureInfo.InvariantCulture);

    /// <param name="culture">The language warnings are written in.</param>
    public static string Format(ScoreCard card, CultureInfo culture)
    {
        var text = new StringBuilder();
        text.AppendLine(card.Title);
        text.AppendLine("单位：" + card.Unit + TotalText.UnitType(card, "    ") + (card.Year is { } year ? "    年度：" + year.ToString(CultureInfo.InvariantCulture) : "") + Version(card, "    "));
        text.AppendLine();

        string[] headers = ["考核项目", "编号", "分值", "得分", "加分"];
        var rows = card.Lines.Select(l => new[] { l.Section, l.Id, Format(l.Points), Format(l.Score), l.Bonus == 0 ? "" : Format(l.Bonus) }).ToList();
        var widths = headers.Select((h, i) => Math.Max(TextWidth.Of(h), rows.Max(r => TextWidth.Of(r[i])))).ToArray();
        text.AppendLine(Row(headers, widths));
        text.AppendLine(new string('-', widths.Sum() + 2 * (widths.Length - 1)));
        for (var i = 0; i < rows.Count; i++)
        {
            text.AppendLine(Row(rows[i], widths));
            if (Unreachable(card.Lines[i]) is { } mark)
            {
                text.AppendLine(new string(' ', widths[0] + 2) + "· " + mark);
            }

            foreach (var reason in card.Lines[i].Reasons)
            {
                text.AppendLine(new string(' ', widths[0] + 2) + "· " + reason);
            }
        }

        text.AppendLine(new string('-', widths.Sum() + 2 * (widths.Length - 1)));
        foreach (var section in card.Sections)
        {
            var bonus = section.Bonus == 0 ? "" : $"  加分 {Format(section.Bonus)}";
            text.AppendLine(CultureInfo.InvariantCulture, $"{TextWidth.PadRight(section.Name, widths[0])}  {Format(section.Score)} / {Format(section.Points)}{bonus}");
        }

        var (sum, vetoes, total) = TotalText.Total(card);
        text.AppendLine(sum);
        foreach (var line in vetoes.Append(total).Append(TotalText.Grade(card)).OfType<string>())
        {
            text.AppendLine(line);
        }

        foreach (var warning in card.Warnings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"注意：{warning.ToString(culture)}");
        }

        return text.ToString();
    }

    /// <summary>
    /// "最高可得 3（分值 5 中 2 分按评分标准无从得到）" for a line whose criteria cannot reach its points (platform theme),
    /// so a reader tells points that cannot be earned from points the unit lost.
    /// </summary>
    internal static string? Unreachable(LineScore line) =>
        line.Maximum is { } most && most < line.Points
            ? $"最高可得 {Format(most)}（分值 {Format(line.Points)} 中 {Format(line.Points - most)} 分按评分标准无从得到）"
            : null;

    private static string Version(ScoreCard card, string separator) => Formatting.Version.Of(card, separator);

    private static string Format(decimal value) => ScoreText.Format(value);

    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i >= 2 ? TextWidth.PadLeft(c, widths[i]) : TextWidth.PadRight(c, widths[i]))).TrimEnd();
}
