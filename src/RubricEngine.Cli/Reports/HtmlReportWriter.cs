using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace RubricEngine.Cli.Reports;

/// <summary>
/// The report as one self-contained HTML page in Chinese: Apache ECharts and the data are inlined (no network, no
/// CDN), the tables are plain HTML (readable without script and printable on A4), and three charts are drawn by
/// ECharts: the distribution of totals, the mean share of points per section, and every unit's section profile.
/// </summary>
internal sealed class HtmlReportWriter : IReportWriter
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public void Write(CountyReport report, string path)
    {
        var page = Resource("report.html")
            .Replace("{{title}}", Html.Encode(report.Title), StringComparison.Ordinal)
            .Replace("{{summary}}", Html.Encode($"已评分 {report.Ranking.Length} 个单位，未评分 {report.Refused.Length} 个文件；满分 {Figures.Plain(report.RubricTotal)} 分。"), StringComparison.Ordinal)
            .Replace("{{ranking}}", Table(ReportTables.Ranking(report), lastColumn: ReportTables.TotalColumns(report) + report.Sections.Length), StringComparison.Ordinal)
            .Replace("{{lines}}", Table(ReportTables.Lines(report), lastColumn: int.MaxValue), StringComparison.Ordinal)
            .Replace("{{refused}}", Table(ReportTables.Refused(report), lastColumn: int.MaxValue), StringComparison.Ordinal);

        // The script parts go in last, so that no placeholder text inside ECharts or the data is ever replaced.
        var parts = page.Split("/*{{script}}*/", StringSplitOptions.None);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(parts[0]);
        writer.Write(Resource("echarts.min.js").Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase));
        writer.WriteLine();
        writer.Write("const REPORT = ");
        writer.Write(Data(report));
        writer.WriteLine(";");
        writer.Write(parts[1]);
    }

    /// <summary>
    /// The numbers the charts need, as JSON. The default encoder escapes '&lt;', '&gt;' and '&amp;', so no unit name
    /// can close the script element.
    /// </summary>
    private static string Data(CountyReport report)
    {
        var shares = report.SectionMeanShares();
        var data = new ChartData(
            report.RubricTotal,
            [.. report.Sections.Select((s, i) => new ChartSection(s.Name, s.Points, shares[i]))],
            [.. report.Ranking.Select(u => new ChartUnit(u.Rank, u.Unit, u.Total, u.SectionScores))]);
        return JsonSerializer.Serialize(data, CliJsonContext.Default.ChartData);
    }

    /// <summary>A table with the columns up to <paramref name="lastColumn"/> (the ranking shows its sections; lines are in the Excel).</summary>
    private static string Table(ReportTable table, int lastColumn)
    {
        if (table.Rows.Count == 0)
        {
            return "<p class=\"none\">（无）</p>";
        }

        var columns = Math.Min(lastColumn, table.Headers.Length);
        var html = new StringBuilder();
        html.Append("<table><thead><tr>");
        foreach (var header in table.Headers.Take(columns))
        {
            html.Append("<th>").Append(Html.Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < columns; i++)
            {
                var kind = table.Kinds[i];
                html.Append(kind == CellKind.Text ? "<td>" : "<td class=\"n\">")
                    .Append(Html.Encode(ReportTables.Text(row[i], kind)))
                    .Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
