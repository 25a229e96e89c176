using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text;

namespace RubricEngine.Cli.Reports;

/// <summary>Writes a county report to a file in one format.</summary>
internal interface IReportWriter
{
    void Write(CountyReport report, string path);
}

/// <summary>The formats of <c>rubric report --out</c>: the file's extension picks the writer.</summary>
internal static class ReportWriters
{
    public static readonly FrozenDictionary<string, IReportWriter> ByExtension = Writers().ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, IReportWriter> Writers()
    {
        var writers = new Dictionary<string, IReportWriter>
        {
            [".csv"] = new CsvReportWriter(),
            [".html"] = new HtmlReportWriter(),
            [".md"] = new MarkdownReportWriter(),
        };

        // Not in the Native AOT build: see Forms/ExcelSupport.
        if (RuntimeFeature.IsDynamicCodeSupported)
        {
            writers[".xlsx"] = new ExcelReportWriter();
        }

        return writers;
    }

    public static IReportWriter? For(string path) => ByExtension.GetValueOrDefault(Path.GetExtension(path));
}

/// <summary>The ranking as CSV (RFC 4180), UTF-8 with a byte-order mark so that Excel shows the Chinese headers.</summary>
internal sealed class CsvReportWriter : IReportWriter
{
    public void Write(CountyReport report, string path)
    {
        var table = ReportTables.Ranking(report);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.NewLine = "\r\n";
        writer.WriteLine(string.Join(",", table.Headers.Select(Quote)));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(string.Join(",", row.Select((cell, i) => Quote(table.Kinds[i] == CellKind.Text
                ? Inert(ReportTables.Text(cell, CellKind.Text))
                : ReportTables.Text(cell, table.Kinds[i])))));
        }
    }

    /// <summary>
    /// Text that Excel would run as a formula (a unit or file name starting with =, +, - or @) gets a leading
    /// apostrophe, so that opening the CSV never computes anything from a name an inspector typed.
    /// </summary>
    private static string Inert(string text) => text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}

/// <summary>The report as Markdown: the ranking, the line statistics and the files not scored.</summary>
internal sealed class MarkdownReportWriter : IReportWriter
{
    public void Write(CountyReport report, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.WriteLine($"# {report.Title}：评分汇总");
        writer.WriteLine();
        writer.WriteLine($"已评分 {report.Ranking.Length} 个单位，未评分 {report.Refused.Length} 个文件。");
        foreach (var table in new[] { ReportTables.Ranking(report), ReportTables.Lines(report), ReportTables.Refused(report) })
        {
            writer.WriteLine();
            writer.WriteLine($"## {table.Name}");
            writer.WriteLine();
            if (table.Rows.Count == 0)
            {
                writer.WriteLine("（无）");
                continue;
            }

            writer.WriteLine("| " + string.Join(" | ", table.Headers.Select(Escape)) + " |");
            writer.WriteLine("|" + string.Concat(table.Kinds.Select(k => k == CellKind.Text ? "---|" : "--:|")));
            foreach (var row in table.Rows)
            {
                writer.WriteLine("| " + string.Join(" | ", row.Select((cell, i) => Escape(ReportTables.Text(cell, table.Kinds[i])))) + " |");
            }
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
