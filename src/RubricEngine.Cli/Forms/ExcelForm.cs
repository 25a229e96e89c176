using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using RubricEngine.Cli.Scoring;
using RubricEngine.Diagnostics;

namespace RubricEngine.Cli.Forms;

/// <summary>One column of an evidence form: an evidence key of a line, and its header.</summary>
/// <param name="Line">The rubric line.</param>
/// <param name="Field">The evidence key and what it must hold.</param>
/// <param name="Header">The Chinese header (the criterion's label, with 分子/分母 for a ratio's two keys).</param>
internal sealed record FormColumn(RubricLine Line, EvidenceField Field, string Header)
{
    /// <summary>The machine header under the Chinese one: <c>line.key</c>, which is how a column is recognised.</summary>
    public string Id => $"{Line.Id}.{Field.Key}";
}

/// <summary>
/// Excel evidence forms: one row per unit, one column per evidence key. <see cref="WriteTemplate"/> writes an empty
/// form with Chinese headers and data validation; <see cref="ReadUnits"/> turns each filled row into the same
/// evidence a YAML file holds and scores it with the library, so every message is the one YAML evidence gets, but
/// positioned at the cell: <c>乡镇.xlsx!村!F7(7,6): error RE0303: 13 is not a month; …（列：每月开展理论宣讲）</c>.
/// </summary>
internal static partial class ExcelForm
{
    /// <summary>Row 1 holds the Chinese headers, row 2 the keys; units start at row 3.</summary>
    private const int HeaderRow = 1;
    private const int KeyRow = 2;
    private const int FirstUnitRow = 3;
    private const string UnitKey = "unit";
    private const string YearKey = "year";
    private const string NotesSheet = "说明";

    private static readonly string[] TrueWords = ["是", "有", "true", "TRUE", "True", "√", "✓"];
    private static readonly string[] FalseWords = ["否", "无", "false", "FALSE", "False", "×", "✗"];
    private static readonly string[] NoneWords = ["无", "没有", "none", "-"];
    private static readonly char[] ListSeparators = [',', '，', '、', ';', '；', ' ', '\n', '\r', '\t'];
    private static readonly char[] PairSeparators = [';', '；', '\n', '\r'];
    private static readonly char[] LevelSeparators = [':', '：'];

    public static bool IsWorkbook(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The form's columns after 单位 and 年度, in rubric order.</summary>
    public static ImmutableArray<FormColumn> Columns(Rubric rubric) =>
        [.. rubric.Lines.SelectMany(line => line.Criteria.SelectMany(criterion => criterion.Fields.Select((field, i) =>
            new FormColumn(line, field, criterion.Fields.Length == 2 ? criterion.Label + (i == 0 ? "（分子）" : "（分母）") : criterion.Label))))];

    /// <summary>Writes an empty form for <paramref name="rubric"/>: headers, keys, validation, notes.</summary>
    public static void WriteTemplate(Rubric rubric, string path, int rows = 1000)
    {
        var columns = Columns(rubric);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("填报");
        var lastRow = FirstUnitRow + rows - 1;
        Header(sheet, 1, "单位", UnitKey, 16);
        Header(sheet, 2, "年度", YearKey, 8);
        var year = sheet.Range(FirstUnitRow, 2, lastRow, 2).SetDataValidation();
        year.WholeNumber.Between(1900, 2999);
        Explain(year, "年度", "四位数的年份，例如 2022");

        var first = WriteTotalRuleColumns(rubric, sheet, 3, lastRow);
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            var number = i + first;
            Header(sheet, number, column.Header, column.Id, column.Field.Kind is EvidenceValueKind.Flag ? 10 : 16);
            var cells = sheet.Range(FirstUnitRow, number, lastRow, number);
            if (column.Field.Kind is EvidenceValueKind.Percent)
            {
                // Formatted as a percentage, Excel reads a typed 76 as 76% (stored 0.76), as the inspector means it.
                cells.Style.NumberFormat.Format = "0.##%";
            }

            var validation = cells.SetDataValidation();
            Validate(validation, column);
        }

        sheet.SheetView.Freeze(KeyRow, 1);
        WriteNotes(workbook.AddWorksheet(NotesSheet), rubric);
        workbook.SaveAs(path);
    }

    /// <summary>
    /// Every filled row of every form sheet, as a unit to score. A workbook that cannot be read at all is one
    /// refused unit with an RE0001/RE0004 error, so a bad file never stops the others.
    /// </summary>
    public static IReadOnlyList<PendingUnit> ReadUnits(Rubric rubric, string path)
    {
        var name = path; // as given, like every other diagnostic: 乡镇.xlsx!村!F7, or 县/乡镇.xlsx!村!F7
        try
        {
            using var workbook = new XLWorkbook(path);
            var rubricId = workbook.TryGetWorksheet(NotesSheet, out var notes) && notes.Cell(2, 1).GetString() == "rubric"
                ? notes.Cell(2, 2).GetString().Trim()
                : rubric.Id;
            var units = new List<PendingUnit>();
            var sheets = 0;
            foreach (var sheet in workbook.Worksheets.Where(s => s.Cell(KeyRow, 1).GetString().Trim() == UnitKey))
            {
                sheets++;
                units.AddRange(ReadSheet(rubric, rubricId, name, sheet));
            }

            return sheets == 0
                ? [Refused(path, DiagnosticCodes.DocumentShape, "FormNoSheet", KeyRow.ToString(CultureInfo.InvariantCulture), UnitKey)]
                : units.Count == 0
                    ? [Refused(path, DiagnosticCodes.DocumentShape, "FormNoUnits", FirstUnitRow.ToString(CultureInfo.InvariantCulture))]
                    : units;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Refused(path, DiagnosticCodes.FileUnreadable, File.Exists(path) ? "WorkbookUnreadable" : "WorkbookNotFound", e.Message)];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ClosedXML and the Open XML SDK throw many kinds of exception on a broken or foreign file; any of them
            // means this file cannot be read, and must not stop the other files.
            return [Refused(path, DiagnosticCodes.Syntax, "NotAWorkbook", e.GetType().Name)];
        }
    }

    private static IEnumerable<PendingUnit> ReadSheet(Rubric rubric, string rubricId, string workbookName, IXLWorksheet sheet)
    {
        var columns = Columns(rubric).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var layout = new Dictionary<int, FormColumn>();
        var totalRuleColumns = new Dictionary<int, string>();
        var problems = new List<Diagnostic>();
        var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 1;
        int unitColumn = 1, yearColumn = 0;
        for (var c = 1; c <= lastColumn; c++)
        {
            var id = sheet.Cell(KeyRow, c).GetString().Trim();
            if (id == UnitKey)
            {
                unitColumn = c;
            }
            else if (id == YearKey)
            {
                yearColumn = c;
            }
            else if (columns.TryGetValue(id, out var column))
            {
                layout[c] = column;
            }
            else if (IsTotalRuleColumn(rubric, id))
            {
                totalRuleColumns[c] = id;
            }
            else if (id.Length > 0)
            {
                problems.Add(CliText.Error(DiagnosticCodes.UnknownKey, CellSpan(workbookName, sheet.Cell(KeyRow, c)),
                    "FormUnknownColumn", id, rubric.Id, KeyRow.ToString(CultureInfo.InvariantCulture)));
            }
        }

        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
        for (var r = FirstUnitRow; r <= lastRow; r++)
        {
            var row = sheet.Row(r);
            if (Enumerable.Range(1, lastColumn).All(c => row.Cell(c).IsEmpty()))
            {
                continue;
            }

            var source = $"{workbookName}!{sheet.Name}!{r.ToString(CultureInfo.InvariantCulture)}";
            if (problems.Count > 0)
            {
                var rowProblems = problems.ToImmutableArray();
                yield return new PendingUnit(source, () => new UnitOutcome(source, null, rowProblems));
                continue;
            }

            var evidence = RowEvidence.Build(rubricId, row, unitColumn, yearColumn, layout, rubric, totalRuleColumns);
            var cells = evidence.Cells.Select(c => (c.Cell is { } cell ? CellSpan(workbookName, cell) : SourceSpan.StartOf(source), c.Header)).ToArray();
            var text = evidence.Text;
            yield return new PendingUnit(source, () => Score(rubric, source, text, cells));
        }
    }

    /// <summary>Scores one row's evidence text, then moves every position from the text to the cell it came from.</summary>
    private static UnitOutcome Score(Rubric rubric, string source, string text, (SourceSpan Span, string Header)[] cells)
    {
        var scored = rubric.TryScoreText(text, source + ".yaml", out var card, out var diagnostics);
        ImmutableArray<Diagnostic> moved = [.. diagnostics.Select(d => AtCell(d, cells))];
        return scored
            ? new UnitOutcome(source, card! with { Warnings = [.. card!.Warnings.Select(d => AtCell(d, cells))] }, moved)
            : new UnitOutcome(source, null, moved);
    }

    private static Diagnostic AtCell(Diagnostic diagnostic, (SourceSpan Span, string Header)[] cells)
    {
        var (span, header) = cells[Math.Clamp(diagnostic.Span.Line - 1, 0, cells.Length - 1)];
        return diagnostic.InColumn(span, header);
    }

    private static SourceSpan CellSpan(string workbookName, IXLCell cell) =>
        new($"{workbookName}!{cell.Worksheet.Name}!{cell.Address.ToStringRelative()}", cell.Address.RowNumber, cell.Address.ColumnNumber);

    private static PendingUnit Refused(string path, string code, string id, params object[] arguments)
    {
        ImmutableArray<Diagnostic> errors = [CliText.Error(code, SourceSpan.StartOf(path), id, arguments)];
        return new PendingUnit(path, () => new UnitOutcome(path, null, errors));
    }

    private static void Header(IXLWorksheet sheet, int column, string header, string id, double width)
    {
        var label = sheet.Cell(HeaderRow, column);
        label.SetValue(header);
        label.Style.Font.Bold = true;
        label.Style.Alignment.WrapText = true;
        label.Style.Fill.BackgroundColor = XLColor.FromArgb(0xDDEBF7);
        var key = sheet.Cell(KeyRow, column);
        key.SetValue(id);
        key.Style.Font.FontColor = XLColor.Gray;
        key.Style.Font.FontSize = 8;
        sheet.Column(column).Width = width;
    }

    /// <summary>Validation where Excel can express it (flags, numbers, ranges); a prompt with the format everywhere.</summary>
    private static void Validate(IXLDataValidation validation, FormColumn column)
    {
        var field = column.Field;
        var max = field.Max is { } m ? m : 1_000_000m;
        switch (field.Kind)
        {
            case EvidenceValueKind.Flag:
                validation.List("\"是,否\"", true);
                Explain(validation, column.Header, "选择 是 或 否");
                break;
            case EvidenceValueKind.Count:
                validation.WholeNumber.Between((int)field.Min, (int)max);
                Explain(validation, column.Header, $"整数，{Reports.Figures.Plain(field.Min)} 到 {Reports.Figures.Plain(max)}");
                break;
            case EvidenceValueKind.Amount:
                validation.Decimal.Between((double)field.Min, (double)max);
                Explain(validation, column.Header, $"数字，{Reports.Figures.Plain(field.Min)} 到 {Reports.Figures.Plain(max)}");
                break;
            case EvidenceValueKind.Percent:
                Explain(validation, column.Header, "百分比，带 % 号，例如 76.5%");
                break;
            case EvidenceValueKind.Months:
                Explain(validation, column.Header, "开展活动的月份（1–12），用逗号分开，例如 1,2,3,5");
                break;
            case EvidenceValueKind.Quarters:
                Explain(validation, column.Header, "开展活动的季度（1–4），用逗号分开，例如 1,3");
                break;
            case EvidenceValueKind.ItemIds when field.ListsMet:
                Explain(validation, column.Header, "符合的项目，用逗号分开，都不符合写“无”；可选：" + string.Join(",", field.Allowed));
                break;
            case EvidenceValueKind.ItemIds:
                Explain(validation, column.Header, "缺少的项目，用逗号分开，没有缺项写“无”；可选：" + string.Join(",", field.Allowed));
                break;
            case EvidenceValueKind.Category:
                validation.List("\"" + string.Join(",", field.Allowed) + "\"", true);
                Explain(validation, column.Header, "类别编号，可选：" + string.Join(",", field.Allowed));
                break;
            case EvidenceValueKind.Publications:
                Explain(validation, column.Header, "每条一行或用分号分开，写 项目:级别，没有写“无”；级别可选："
                    + string.Join("、", field.AllowedLabels.IsEmpty ? field.Allowed : field.AllowedLabels) + "，例如 茶山宣讲:县级");
                break;
        }
    }

    private static void Explain(IXLDataValidation validation, string title, string message)
    {
        validation.InputTitle = Shorten(title, 32);
        validation.InputMessage = Shorten(message, 255);
        validation.ShowInputMessage = true;
        validation.ErrorTitle = "填写有误";
        validation.ErrorMessage = Shorten(message, 255);
        validation.ShowErrorMessage = true;
    }

    private static void WriteNotes(IXLWorksheet notes, Rubric rubric)
    {
        notes.Cell(1, 1).SetValue("考核细则");
        notes.Cell(1, 2).SetValue(rubric.Title);
        notes.Cell(2, 1).SetValue("rubric");
        notes.Cell(2, 2).SetValue(rubric.Id);
        notes.Cell(4, 1).SetValue("填写说明");
        notes.Cell(5, 1).SetValue("“填报”表每行一个单位；第 1 行是中文表头，第 2 行是评分用的编号，请勿修改。可以复制“填报”表为多张表（例如每个镇一张），每张表都会读取。");
        notes.Cell(6, 1).SetValue("是/否：选择 是 或 否。月份、季度：用逗号分开，例如 1,2,3。宣传报道：每条写 项目:级别，用分号或换行分开。空格表示未提供，该项 0 分；清单为空（例如没有缺项）请写“无”。");
        notes.Column(1).Width = 12;
        notes.Column(2).Width = 60;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>
    /// A row as evidence text, one value per text line, so that a diagnostic's line names its cell. Text is
    /// JSON-quoted, which YAML reads as a double-quoted scalar.
    /// </summary>
    private sealed class RowEvidence
    {
        private readonly StringBuilder text = new();
        private readonly List<(IXLCell? Cell, string Header)> cells = [];

        public string Text => text.ToString();

        public IReadOnlyList<(IXLCell? Cell, string Header)> Cells => cells;

        public static RowEvidence Build(string rubricId, IXLRow row, int unitColumn, int yearColumn, Dictionary<int, FormColumn> layout,
            Rubric rubric, Dictionary<int, string> totalRuleColumns)
        {
            var evidence = new RowEvidence();
            var unit = row.Cell(unitColumn);
            evidence.Add($"rubric: {Quote(rubricId)}", unit, "");
            evidence.Add(unit.IsEmpty() ? "unit:" : $"unit: {Scalar(unit)}", unit, "单位");
            if (yearColumn > 0 && !row.Cell(yearColumn).IsEmpty())
            {
                evidence.Add($"year: {Scalar(row.Cell(yearColumn))}", row.Cell(yearColumn), "年度");
            }

            evidence.AddTotalRules(row, rubric, totalRuleColumns);
            evidence.Add("lines:", unit, "");
            foreach (var line in layout.GroupBy(c => c.Value.Line.Id))
            {
                var filled = line.Where(c => !row.Cell(c.Key).IsEmpty()).ToList();
                if (filled.Count == 0)
                {
                    continue; // an absent line: the library warns that it scores 0
                }

                evidence.Add($"  {line.Key}:", row.Cell(line.First().Key), "");
                foreach (var (number, column) in filled)
                {
                    var cell = row.Cell(number);
                    evidence.Add($"    {column.Field.Key}: {Value(cell, column.Field)}", cell, column.Header);
                }
            }

            return evidence;
        }

        /// <summary><c>unit_type</c> (its id, or the label the form's list offers, 开发区 → zone) and the vetoes filled in.</summary>
        private void AddTotalRules(IXLRow row, Rubric rubric, Dictionary<int, string> totalRuleColumns)
        {
            foreach (var (number, id) in totalRuleColumns.Where(c => c.Value == UnitTypeKey && !row.Cell(c.Key).IsEmpty()))
            {
                var cell = row.Cell(number);
                var word = Words(cell).Trim();
                var type = rubric.UnitTypes.FirstOrDefault(t => t.Label == word)?.Id ?? word;
                Add($"unit_type: {Quote(type)}", cell, "单位类型");
            }

            var vetoes = totalRuleColumns.Where(c => c.Value != UnitTypeKey && !row.Cell(c.Key).IsEmpty()).ToList();
            if (vetoes.Count == 0)
            {
                return;
            }

            Add("vetoes:", row.Cell(vetoes[0].Key), "");
            foreach (var (number, id) in vetoes)
            {
                var key = id[VetoPrefix.Length..];
                Add($"  {key}: {Flag(row.Cell(number))}", row.Cell(number), rubric.Vetoes.First(v => v.Key == key).Label);
            }
        }

        private void Add(string yamlLine, IXLCell? cell, string header)
        {
            text.Append(yamlLine).Append('\n');
            cells.Add((cell, header));
        }

        private static string Value(IXLCell cell, EvidenceField field) => field.Kind switch
        {
            EvidenceValueKind.Flag => Flag(cell),
            // An empty cell means "not given" (0 points, with a warning), as an absent key does; so a list that is
            // given but empty (no item missing, no publication) is written 无.
            EvidenceValueKind.Months or EvidenceValueKind.Quarters or EvidenceValueKind.ItemIds or EvidenceValueKind.Publications
                when NoneWords.Contains(Words(cell).Trim()) => "[]",
            EvidenceValueKind.Months or EvidenceValueKind.Quarters or EvidenceValueKind.ItemIds =>
                "[" + string.Join(", ", Words(cell).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries).Select(Token)) + "]",
            EvidenceValueKind.Publications => "[" + string.Join(", ", Words(cell)
                .Split(PairSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(pair => Publication(pair, field))) + "]",
            EvidenceValueKind.Percent => Percent(cell),
            _ => Scalar(cell),
        };

        /// <summary>
        /// A percentage: a number in a cell formatted as one is stored as its ratio (76% as 0.76) and written back as
        /// 76%; a number in a plain cell stays as typed, so the reader can say "write 76%"; text such as 76% is kept.
        /// </summary>
        private static string Percent(IXLCell cell) =>
            cell.DataType == XLDataType.Number && cell.Style.NumberFormat.Format.Contains('%', StringComparison.Ordinal)
                ? Reports.Figures.Plain((decimal)cell.GetDouble() * 100m) + "%"
                : Scalar(cell);

        private static string Flag(IXLCell cell)
        {
            if (cell.DataType == XLDataType.Boolean)
            {
                return cell.GetBoolean() ? "true" : "false";
            }

            var word = Words(cell).Trim();
            return TrueWords.Contains(word) ? "true" : FalseWords.Contains(word) ? "false" : Scalar(cell);
        }

        /// <summary><c>项目:级别</c>, the level written as its id or its Chinese label (县级 → county).</summary>
        private static string Publication(string pair, EvidenceField field)
        {
            var at = pair.LastIndexOfAny(LevelSeparators);
            if (at < 0)
            {
                return $"{{ item: {Quote(pair)} }}";
            }

            var level = pair[(at + 1)..].Trim();
            var byLabel = field.AllowedLabels.IndexOf(level);
            if (byLabel >= 0 && byLabel < field.Allowed.Length)
            {
                level = field.Allowed[byLabel];
            }

            return $"{{ item: {Quote(pair[..at].Trim())}, level: {Quote(level)} }}";
        }

        /// <summary>A number as a YAML number, anything else as quoted text the library then judges.</summary>
        private static string Scalar(IXLCell cell) => cell.DataType switch
        {
            XLDataType.Number => Number(cell.GetDouble()),
            XLDataType.Boolean => cell.GetBoolean() ? "true" : "false",
            _ => Token(Words(cell).Trim()),
        };

        private static string Token(string word) =>
            decimal.TryParse(word, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? Reports.Figures.Plain(number)
                : Quote(word);

        /// <summary>
        /// Excel keeps numbers as doubles; converted to decimal they come back as typed (2.5, 0.6), since decimal's
        /// conversion keeps 15 significant digits.
        /// </summary>
        private static string Number(double value) => Reports.Figures.Plain((decimal)value);

        private static string Words(IXLCell cell) =>
            cell.DataType == XLDataType.Number ? Number(cell.GetDouble()) : cell.GetString();

        private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text, Reports.CliJsonContext.Default.String);
    }
}
