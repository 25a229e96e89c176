using ClosedXML.Excel;

namespace RubricEngine.Cli.Forms;

/// <summary>The form's columns for a rubric with unit types or vetoes: 单位类型 after 年度, then one 是/否 column per veto.</summary>
internal static partial class ExcelForm
{
    private const string UnitTypeKey = "unit_type";
    private const string VetoPrefix = "vetoes.";

    /// <summary>Writes the columns from <paramref name="first"/> on and returns the first column after them.</summary>
    private static int WriteTotalRuleColumns(Rubric rubric, IXLWorksheet sheet, int first, int lastRow)
    {
        var number = first;
        if (!rubric.UnitTypes.IsEmpty)
        {
            Header(sheet, number, "单位类型", UnitTypeKey, 10);
            var validation = sheet.Range(FirstUnitRow, number, lastRow, number).SetDataValidation();
            validation.List("\"" + string.Join(",", rubric.UnitTypes.Select(t => t.Label)) + "\"", true);
            Explain(validation, "单位类型", "必填，选择：" + string.Join("、", rubric.UnitTypes.Select(t => t.Label)));
            number++;
        }

        foreach (var veto in rubric.Vetoes)
        {
            Header(sheet, number, "一票否决：" + veto.Label, VetoPrefix + veto.Key, 10);
            var validation = sheet.Range(FirstUnitRow, number, lastRow, number).SetDataValidation();
            validation.List("\"是,否\"", true);
            Explain(validation, "一票否决", "发生的选 是；未发生选 否 或留空：" + veto.Label);
            number++;
        }

        return number;
    }

    private static bool IsTotalRuleColumn(Rubric rubric, string id) =>
        (id == UnitTypeKey && !rubric.UnitTypes.IsEmpty) || rubric.Vetoes.Any(v => VetoPrefix + v.Key == id);
}
