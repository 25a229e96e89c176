using ClosedXML.Excel;

namespace RubricEngine.Cli.Reports;

/// <summary>
/// The report as an Excel workbook written with ClosedXML: sheets 排名, 各项得分 and 未评分, Chinese headers, numbers
/// stored as numbers (so staff can sort and sum them), the header row frozen.
/// </summary>
internal sealed class ExcelReportWriter : IReportWriter
{
    public void Write(CountyReport report, string path)
    {
        using var workbook = new XLWorkbook();
        AddSheet(workbook, ReportTables.Ranking(report), frozenColumns: 2);
        AddSheet(workbook, ReportTables.Lines(report), frozenColumns: 2);
        AddSheet(workbook, ReportTables.Refused(report), frozenColumns: 1);
        workbook.SaveAs(path);
    }

    private static void AddSheet(XLWorkbook workbook, ReportTable table, int frozenColumns)
    {
        var sheet = workbook.AddWorksheet(table.Name);
        for (var column = 0; column < table.Headers.Length; column++)
        {
            var header = sheet.Cell(1, column + 1);
            header.Value = table.Headers[column];
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromArgb(0xDDEBF7);
            header.Style.Alignment.WrapText = true;
            sheet.Column(column + 1).Width = table.Kinds[column] == CellKind.Text ? 24 : 11;
        }

        for (var row = 0; row < table.Rows.Count; row++)
        {
            for (var column = 0; column < table.Headers.Length; column++)
            {
                var cell = sheet.Cell(row + 2, column + 1);
                switch (table.Rows[row][column])
                {
                    case decimal number:
                        cell.Value = number;
                        if (table.Kinds[column] == CellKind.Percent)
                        {
                            cell.Style.NumberFormat.Format = "0.00%";
                        }

                        break;
                    case int whole:
                        cell.Value = whole;
                        break;
                    case string text:
                        // Set as text explicitly, so that a unit named like a number or a date stays as written.
                        cell.SetValue(text);
                        cell.DataType = XLDataType.Text;
                        break;
                }
            }
        }

        sheet.SheetView.Freeze(1, frozenColumns);
    }
}
