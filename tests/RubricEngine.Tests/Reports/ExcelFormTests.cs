using System.Text.Json;
using ClosedXML.Excel;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Reports;

/// <summary>
/// Excel evidence forms: the template the tool writes, filled in as an office would (是/否, months with commas,
/// publications as 项目:县级), scored to the same totals as the same evidence in YAML, and errors named by cell.
/// </summary>
[NonParallelizable] // it sets the current directory
public sealed class ExcelFormTests : CliFixture
{
    /// <summary>
    /// The five villages of <c>Reports/County/</c>, typed again by hand the way staff fill the form: only the cells
    /// that differ from 东河村 are given for the others (compare each fixture's YAML).
    /// </summary>
    private static readonly Dictionary<string, object> Donghe = new()
    {
        ["unit"] = "东河村", ["year"] = 2022,
        ["organization.leading_group"] = "是", ["organization.dedicated_staff"] = "是", ["organization.duties_on_wall"] = true,
        ["venue.fixed_site"] = "是", ["venue.office_and_activity_supplies"] = "是", ["venue.discretionary_deduction"] = 0,
        ["micro_lecture.micro_lecture_implemented"] = "是",
        ["team.dedicated_staff"] = "是", ["team.volunteer_team"] = "是", ["team.registration_target_met"] = "是",
        ["lectures.lecture_team"] = "是", ["lectures.lecture_months"] = "1,2,3,4,5,6,7,8,9,10,11,12",
        ["rules.missing"] = "无",
        ["activity_plan.plan_table"] = "是", ["activity_plan.plan_quality"] = 3,
        ["review_meetings.meeting_quarters"] = "1，2，3，4",
        ["activities.activity_months"] = "1、2、3、4、5、6、7、8、9、10、11、12", ["activities.upload_months"] = "1,2,3,4,5,6,7,8,9,10,11,12",
        ["publicity.publications"] = "tea-lecture:县级",
        ["innovation.written_project"] = "是", ["innovation.promoted_countywide"] = "是", ["innovation.case_collected"] = "是",
        ["archives.archive_quality"] = 8,
    };

    private static readonly Dictionary<string, object>[] Villages =
    [
        Donghe,
        With(new() { ["unit"] = "西山村", ["publicity.publications"] = "tea-lecture:国家级", ["innovation.case_collected"] = "否" }),
        With(new() { ["unit"] = "南坪村", ["review_meetings.meeting_quarters"] = 2, ["innovation.case_collected"] = "否", ["archives.archive_quality"] = 7 }),
        With(new()
        {
            ["unit"] = "北坝村", ["organization.duties_on_wall"] = false, ["lectures.lecture_months"] = "1,2,3,4,5,6,7,8",
            ["rules.missing"] = "duties, signboard", ["activities.upload_months"] = "1,2,3,4,5,6,7,8,9,10", ["innovation.case_collected"] = "否",
        }),
        With(new()
        {
            ["unit"] = "中和村", ["organization.leading_group"] = "否", ["organization.dedicated_staff"] = "否", ["organization.duties_on_wall"] = "否",
            ["venue.office_and_activity_supplies"] = "否", ["venue.discretionary_deduction"] = 0.5, ["micro_lecture.micro_lecture_implemented"] = "否",
            ["team.volunteer_team"] = "否", ["team.registration_target_met"] = "否", ["lectures.lecture_team"] = "否", ["lectures.lecture_months"] = "1,2,3",
            ["rules.missing"] = "signboard,duties,lecture_rules", ["activity_plan.plan_quality"] = 1.5, ["review_meetings.meeting_quarters"] = "2",
            ["activities.activity_months"] = "1,2,3,4,5,6", ["activities.upload_months"] = "1,2,3", ["publicity.publications"] = "无",
            ["innovation.promoted_countywide"] = "否", ["innovation.case_collected"] = "否", ["archives.archive_quality"] = 2.25,
        }),
    ];

    private static readonly string Village = Repo.PathOf("rubrics/village.yaml");

    private static readonly string Fixtures = Repo.PathOf(CountyFixtures.Folder);

    [Test]
    public void The_template_has_one_column_per_evidence_key_with_chinese_headers_validation_and_frozen_header_rows()
    {
        var form = Temp.File("村.xlsx");
        var (exit, output, _) = Run("template", "--rubric", Village, "--format", "xlsx", "--out", form);
        exit.Should().Be(0);
        // village.yaml's criteria read 23 keys: 3 + 3 + 1 + 3 + 2 + 1 + 2 + 1 + 2 + 1 + 3 + 1.
        output.Should().Be($"rubric: {form}: a form for rubric 'village' with 23 evidence columns{Environment.NewLine}");

        using var workbook = new XLWorkbook(form);
        var sheet = workbook.Worksheet("填报");
        sheet.SheetView.SplitRow.Should().Be(2, "the Chinese headers and the keys stay in view");
        Enumerable.Range(1, 6).Select(c => sheet.Cell(1, c).GetString()).Should().Equal("单位", "年度", "有领导小组", "有专人负责管理", "机构职责上墙", "有固定场所");
        Enumerable.Range(1, 4).Select(c => sheet.Cell(2, c).GetString()).Should().Equal("unit", "year", "organization.leading_group", "organization.dedicated_staff");
        sheet.Cell(2, 25).GetString().Should().Be("archives.archive_quality");
        sheet.Cell(2, 26).IsEmpty().Should().BeTrue();

        var validations = sheet.DataValidations.ToList();
        var flag = validations.Single(v => v.Ranges.Any(r => r.FirstCell().Address.ToStringRelative() == "C3"));
        flag.AllowedValues.Should().Be(XLAllowedValues.List);
        flag.Value.Should().Be("\"是,否\"");
        var quality = validations.Single(v => v.Ranges.Any(r => r.FirstCell().Address.ToStringRelative() == "Q3"));
        sheet.Cell(2, 17).GetString().Should().Be("activity_plan.plan_quality");
        quality.AllowedValues.Should().Be(XLAllowedValues.Decimal);
        (quality.MinValue, quality.MaxValue).Should().Be(("0", "3"), "judged(0, 3)");
        var year = validations.Single(v => v.Ranges.Any(r => r.FirstCell().Address.ToStringRelative() == "B3"));
        (year.AllowedValues, year.MinValue, year.MaxValue).Should().Be((XLAllowedValues.WholeNumber, "1900", "2999"));
        var months = validations.Single(v => v.Ranges.Any(r => r.FirstCell().Address.ToStringRelative() == "N3"));
        months.InputMessage.Should().Contain("1,2,3,5", "a month list cannot be validated by Excel, so the prompt shows its format");
        workbook.Worksheet("说明").Cell(2, 2).GetString().Should().Be("village");
    }

    [Test]
    public void A_filled_form_for_five_villages_scores_the_same_totals_as_the_same_evidence_in_yaml()
    {
        var form = FilledForm("乡镇.xlsx", "村");

        var fromForm = Totals(Run("score", "-r", Village, "-f", "jsonl", form));
        var fromYaml = Totals(Run("score", "-r", Village, "-f", "jsonl",
            $"{Fixtures}/donghe.yaml", $"{Fixtures}/xishan.yaml", $"{Fixtures}/nanping.yaml",
            $"{Fixtures}/beiba.yaml", $"{Fixtures}/zhonghe.yaml"));

        fromForm.Select(c => c.Unit).Should().Equal("东河村", "西山村", "南坪村", "北坝村", "中和村");
        fromForm.Select(c => c.File).Should().Equal("乡镇.xlsx!村!3", "乡镇.xlsx!村!4", "乡镇.xlsx!村!5", "乡镇.xlsx!村!6", "乡镇.xlsx!村!7");
        // Hand totals of the fixtures: 100 (90 + bonus 10), 94, 80, 80, 23.75.
        fromForm.Select(c => c.Total).Should().Equal(100m, 94m, 80m, 80m, 23.75m);
        fromForm.Select(c => (c.Unit, c.Total, c.Lines)).Should().Equal(fromYaml.Select(c => (c.Unit, c.Total, c.Lines)),
            "every line scores as in YAML");
        fromForm.Should().OnlyContain(c => c.Warnings == 0, "every key of every village is filled in");

        // The same workbook makes the same ranking as the YAML folder.
        var csv = Temp.File("县.csv");
        Run("report", "-r", Village, form, "--out", csv).Exit.Should().Be(0);
        File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')[1]).Should().Equal(CountyFixtures.RankedUnits);
    }

    [Test]
    public void An_error_in_a_cell_names_the_workbook_sheet_and_cell_with_the_message_yaml_evidence_gets()
    {
        var form = FilledForm("乡镇.xlsx", "村", sheet =>
        {
            sheet.Cell(2, 6).GetString().Should().Be("venue.fixed_site");
            sheet.Cell(7, 6).SetValue("也许");                         // 中和村's 有固定场所
            sheet.Cell(6, 14).GetString().Should().Be("1,2,3,4,5,6,7,8");
            sheet.Cell(6, 14).SetValue("1,2,13");                       // 北坝村's 每月开展理论宣讲
        });

        var (exit, output, error) = Run("score", "-r", Village, "-f", "jsonl", form);

        TestContext.Out.WriteLine(error);
        exit.Should().Be(1);
        output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3, "the other three villages are scored");
        var yaml = YamlMessages("venue: { fixed_site: \"也许\" }\n  lectures: { lecture_months: [1, 2, 13] }");
        error.Should().Contain($"乡镇.xlsx!村!N6(6,14): error RE0303: {yaml["RE0303"]}（列：每月开展理论宣讲）")
            .And.Contain("rubric: 乡镇.xlsx!村!6 was not scored: it has 1 error")
            .And.Contain($"乡镇.xlsx!村!F7(7,6): error RE0012: {yaml["RE0012"]}（列：有固定场所）")
            .And.Contain("rubric: 乡镇.xlsx!村!7 was not scored: it has 1 error");
        yaml["RE0303"].Should().Be("13 is not a month; months are whole numbers from 1 to 12");
    }

    [Test]
    public void A_file_that_is_not_a_workbook_is_refused_with_a_diagnostic_and_the_others_are_scored()
    {
        var broken = Temp.File("坏.xlsx");
        File.WriteAllText(broken, "not a zip");
        var (exit, output, error) = Run("score", "-r", Village, "-f", "jsonl", broken, $"{Fixtures}/donghe.yaml");
        exit.Should().Be(1);
        error.Should().StartWith($"{broken}(1,1): error RE0004: the file is not an Excel workbook (.xlsx) that can be read").And.NotContain("   at ");
        output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Test]
    public void An_empty_form_is_refused_rather_than_scoring_nothing_in_silence()
    {
        var form = Temp.File("空.xlsx");
        Run("template", "-r", Village, "--out", form).Exit.Should().Be(0);
        var (exit, output, error) = Run("score", "-r", Village, "-f", "jsonl", form);
        exit.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().StartWith($"{form}(1,1): error RE0008: the form has no units; fill in one row per unit from row 3");
    }

    [Test]
    public void A_percentage_column_reads_what_the_inspector_typed_as_a_percentage()
    {
        var rubric = Temp.File("比例.yaml");
        File.WriteAllText(rubric, RubricText.OneRule("per_percent(-1) of 80% floor 0", 8));
        var form = Temp.File("比例.xlsx");
        Run("template", "-r", rubric, "--out", form).Exit.Should().Be(0);
        using (var workbook = new XLWorkbook(form))
        {
            var sheet = workbook.Worksheet("填报");
            sheet.Cell(2, 3).GetString().Should().Be("only.k");
            sheet.Cell(3, 3).Style.NumberFormat.Format.Should().Be("0.##%", "Excel then reads a typed 76 as 76%");
            sheet.Cell(3, 1).SetValue("甲村");
            sheet.Cell(3, 3).SetValue(0.76);          // typed 76 into the percent cell: stored as 0.76
            sheet.Cell(4, 1).SetValue("乙村");
            sheet.Cell(4, 3).SetValue("76.5%");       // typed as text
            sheet.Cell(5, 1).SetValue("丙村");
            sheet.Cell(5, 3).SetValue(76);
            sheet.Cell(5, 3).Style.NumberFormat.Format = "General";   // a plain number: the reader asks for the % sign
            workbook.Save();
        }

        var (exit, output, error) = Run("score", "-r", rubric, "-f", "jsonl", form);
        exit.Should().Be(1);
        // 甲: 8 − (80 − 76) × 1 = 4; 乙: 8 − 3.5 × 1 = 4.5.
        var totals = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).Select(c => (c.GetProperty("unit").GetString(), c.GetProperty("total").GetDecimal()));
        totals.Should().Equal(("甲村", 4m), ("乙村", 4.5m));
        error.Should().Contain("error RE0012: 'only.k' is a percentage: write 76% (with the % sign), not 76");
    }

    private static Dictionary<string, object> With(Dictionary<string, object> changes)
    {
        var village = new Dictionary<string, object>(Donghe);
        foreach (var (key, value) in changes)
        {
            village[key] = value;
        }

        return village;
    }

    /// <summary>The tool's own template, its sheet renamed, filled with the five villages from row 3 on.</summary>
    private string FilledForm(string name, string sheetName, Action<IXLWorksheet>? edit = null)
    {
        var form = Temp.File(name);
        Run("template", "-r", Village, "--out", form).Exit.Should().Be(0);
        using (var workbook = new XLWorkbook(form))
        {
            var sheet = workbook.Worksheet("填报");
            sheet.Name = sheetName;
            var columns = Enumerable.Range(1, 25).ToDictionary(c => sheet.Cell(2, c).GetString(), c => c);
            for (var i = 0; i < Villages.Length; i++)
            {
                foreach (var (key, value) in Villages[i])
                {
                    var cell = sheet.Cell(3 + i, columns[key]);
                    switch (value)
                    {
                        case string text: cell.SetValue(text); break;
                        case bool flag: cell.SetValue(flag); break;
                        case int whole: cell.SetValue(whole); break;
                        case double number: cell.SetValue(number); break;
                    }
                }
            }

            edit?.Invoke(sheet);
            workbook.Save();
        }

        // Cells are named with the workbook's path as given: run from its folder, as an office would.
        Environment.CurrentDirectory = Temp.Path;
        return name;
    }

    private static List<(string File, string Unit, decimal Total, string Lines, int Warnings)> Totals((int Exit, string Output, string Error) run)
    {
        run.Exit.Should().Be(0, run.Error);
        return [.. run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var card = JsonDocument.Parse(line).RootElement;
            return (card.GetProperty("file").GetString()!, card.GetProperty("unit").GetString()!, card.GetProperty("total").GetDecimal(),
                string.Join(" ", card.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("score").GetDecimal())),
                card.GetProperty("warnings").GetArrayLength());
        })];
    }

    /// <summary>The messages the library gives the same wrong values in YAML evidence, by code.</summary>
    private static Dictionary<string, string> YamlMessages(string lines)
    {
        Repo.Rubric("village").TryScoreText($"rubric: village\nunit: 测试村\nlines:\n  {lines}\n", "test.yaml", out _, out var diagnostics)
            .Should().BeFalse();
        return diagnostics.Where(d => d.IsError).ToDictionary(d => d.Code, d => d.Message);
    }
}
