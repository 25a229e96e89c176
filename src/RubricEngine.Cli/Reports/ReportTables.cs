using System.Collections.Immutable;
using System.Globalization;

namespace RubricEngine.Cli.Reports;

/// <summary>How a cell is shown where the format has a choice (Excel number formats).</summary>
internal enum CellKind
{
    Text,
    Number,
    Percent,
}

/// <summary>A table of a report: Chinese headers and rows of cells (text, whole numbers, decimals, or empty).</summary>
/// <param name="Name">The sheet or heading name.</param>
/// <param name="Headers">Column headers.</param>
/// <param name="Kinds">How each column is shown.</param>
/// <param name="Rows">The cells, one array per row: string, int, decimal or null.</param>
internal sealed record ReportTable(string Name, ImmutableArray<string> Headers, ImmutableArray<CellKind> Kinds, IReadOnlyList<object?[]> Rows);

/// <summary>
/// The three parts of a county report as tables, built once so that CSV, Markdown and Excel show the same
/// columns and the same numbers.
/// </summary>
internal static class ReportTables
{
    public static ReportTable Ranking(CountyReport report)
    {
        var headers = new List<string> { "名次", "单位", "文件", "年度", "基础分", "加分", "总分" };
        var kinds = new List<CellKind> { CellKind.Number, CellKind.Text, CellKind.Text, CellKind.Number, CellKind.Number, CellKind.Number, CellKind.Number };
        AddTotalRuleColumns(report, headers, kinds);
        headers.AddRange(report.Sections.Select(s => $"{s.Name}（{Figures.Plain(s.Points)}分）"));
        headers.AddRange(report.Lines.Select(LineHeader));
        kinds.AddRange(Enumerable.Repeat(CellKind.Number, headers.Count - kinds.Count));
        var rows = report.Ranking.Select(u => new object?[] { u.Rank, u.Unit, u.Source, u.Year, u.BaseTotal, u.BonusTotal, u.Total }
            .Concat(TotalRuleCells(report, u))
            .Concat(u.SectionScores.Cast<object?>())
            .Concat(u.LineScores.Cast<object?>())
            .ToArray()).ToList();
        return new ReportTable("排名", [.. headers], [.. kinds], rows);
    }

    public static ReportTable Lines(CountyReport report) => new(
        "各项得分",
        ["考核项目", "编号", "考核内容", "分值", "平均分", "最低分", "最高分", "满分单位占比", "全县失分"],
        [CellKind.Text, CellKind.Text, CellKind.Text, CellKind.Number, CellKind.Number, CellKind.Number, CellKind.Number, CellKind.Percent, CellKind.Number],
        [.. report.LineStatistics.Select(s => new object?[]
        {
            s.Line.Section, s.Line.Id, s.Line.Content, s.Line.Points, s.Mean, s.Min, s.Max, s.FullMarksShare, s.PointsLost,
        })]);

    public static ReportTable Refused(CountyReport report) => new(
        "未评分",
        ["文件", "位置", "代码", "问题"],
        [CellKind.Text, CellKind.Text, CellKind.Text, CellKind.Text],
        [.. report.Refused.SelectMany(r => r.Errors.Select(e => new object?[]
        {
            r.Source, string.Create(CultureInfo.InvariantCulture, $"{e.Span.File}({e.Span.Line},{e.Span.Column})"), e.Code, e.Format(report.Language),
        }))]);

    /// <summary>The ranking's columns before the sections: rank to total, then the grade and the veto mark where the rubric has them.</summary>
    public static int TotalColumns(CountyReport report) => 7 + (report.HasGrades ? 1 : 0) + (report.HasVetoes ? 1 : 0);

    private static void AddTotalRuleColumns(CountyReport report, List<string> headers, List<CellKind> kinds)
    {
        if (report.HasGrades)
        {
            headers.Add("等级");
            kinds.Add(CellKind.Text);
        }

        if (report.HasVetoes)
        {
            headers.Add("一票否决");
            kinds.Add(CellKind.Text);
        }
    }

    /// <summary>The grade's label (empty below every grade), and the vetoes that applied as "否决：label；label" (empty when none).</summary>
    private static IEnumerable<object?> TotalRuleCells(CountyReport report, RankedUnit unit)
    {
        if (report.HasGrades)
        {
            yield return unit.Grade;
        }

        if (report.HasVetoes)
        {
            yield return unit.Vetoes.IsEmpty ? null : "否决：" + string.Join("；", unit.Vetoes);
        }
    }

    /// <summary>A line's column header: its section and its id, the id being the rubric's stable name for it.</summary>
    public static string LineHeader(RubricLine line) => $"{line.Section}·{line.Id}";

    /// <summary>A cell as plain invariant text, for CSV and Markdown.</summary>
    public static string Text(object? cell, CellKind kind) => cell switch
    {
        null => "",
        decimal d when kind == CellKind.Percent => Figures.Plain(Math.Round(d * 100, 2, MidpointRounding.AwayFromZero)) + "%",
        decimal d => Figures.Plain(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>Scores as plain invariant text without trailing zeros (75, 3.5), as the score cards show them.</summary>
internal static class Figures
{
    public static string Plain(decimal value) =>
        (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
