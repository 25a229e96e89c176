using System.Text;
using System.Text.Json;
using Json.Schema;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Cli;

/// <summary>
/// The tool on a rubric with unit types, vetoes and grades: the card's table and Markdown show the unit type, the
/// vetoes and the grade; the county ranking gains a grade column and a veto mark; the schemas and the blank template
/// know the new keys. Totals by hand: 85 + 2 × 1.25 = 87.5, bonus 2, 89.5 (良好); with late_report capped at 60 (合格).
/// </summary>
[NonParallelizable] // it sets the current directory
public sealed class TotalRulesCliTests : CliFixture
{
    private string WriteFiles()
    {
        File.WriteAllText(Temp.File("r.yaml"), TotalRulesText.Rubric());
        Directory.CreateDirectory(Temp.File("units"));
        File.WriteAllText(Temp.File("units/a.yaml"), TotalRulesText.Evidence(85, true, 2, top: "unit_type: zone").Replace("测试区", "甲区", StringComparison.Ordinal));
        File.WriteAllText(Temp.File("units/b.yaml"), TotalRulesText.Evidence(85, true, 2, top: "unit_type: zone\nvetoes: { late_report: true }").Replace("测试区", "乙区", StringComparison.Ordinal));
        return Temp.File("r.yaml");
    }

    [Test]
    public void Check_accepts_the_rubric()
    {
        var (exit, output, error) = Run("check", WriteFiles());
        exit.Should().Be(0, error);
        output.Should().Contain("0 warnings");
    }

    [Test]
    public void The_table_shows_the_unit_type_the_sum_each_veto_the_total_and_the_grade()
    {
        var (exit, output, error) = Run("score", "--rubric", WriteFiles(), Temp.File("units/b.yaml"));
        exit.Should().Be(0, error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines[1].Should().Be("单位：乙区    类型：开发区");
        lines.SkipWhile(l => !l.StartsWith("基础分", StringComparison.Ordinal)).Take(4).Should().Equal(
            "基础分 87.5 + 加分 2 = 89.5",
            "一票否决：未按时报送，总分 89.5 → 60（上限 60）",
            "总分 60",
            "等级：合格");
    }

    [Test]
    public void Without_a_veto_the_table_keeps_its_total_line_and_adds_the_grade()
    {
        var (_, output, _) = Run("score", "--rubric", WriteFiles(), Temp.File("units/a.yaml"));
        output.Should().Contain("基础分 87.5 + 加分 2 = 总分 89.5\n等级：良好\n".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
        output.Should().NotContain("一票否决");
    }

    [Test]
    public void The_markdown_shows_the_vetoes_the_total_and_the_grade()
    {
        var (exit, output, error) = Run("score", "--rubric", WriteFiles(), Temp.File("units/b.yaml"), "--format", "markdown");
        exit.Should().Be(0, error);
        output.Should().Contain("单位：乙区　类型：开发区");
        output.ReplaceLineEndings("\n").Should().Contain("**基础分 87.5 + 加分 2 = 89.5**\n\n- 一票否决：未按时报送，总分 89.5 → 60（上限 60）\n\n**总分 60**\n\n**等级：合格**\n");
    }

    [Test]
    public void The_county_ranking_has_a_grade_column_and_a_veto_mark()
    {
        var rubric = WriteFiles();
        var csv = Temp.File("县.csv");
        var (exit, _, error) = Run("report", "--rubric", rubric, Temp.File("units"), "--out", csv);
        exit.Should().Be(0, error);
        var rows = Encoding.UTF8.GetString(File.ReadAllBytes(csv)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split(',')).ToList();
        rows[0].Take(10).Should().Equal("名次", "单位", "文件", "年度", "基础分", "加分", "总分", "等级", "一票否决", "甲（100分）");
        // 甲区 89.5 (良好) first; 乙区 capped at 60 (合格), marked with its veto; sections and lines keep the scores as scored.
        rows[1][1].Should().Be("甲区");
        rows[1][6..10].Should().Equal("89.5", "良好", "", "87.5");
        rows[2][1].Should().Be("乙区");
        rows[2][6..10].Should().Equal("60", "合格", "否决：未按时报送", "87.5");
    }

    [Test]
    public void The_html_ranking_shows_the_grade_and_veto_columns_and_still_every_section_but_no_line()
    {
        var rubric = WriteFiles();
        var html = Temp.File("县.html");
        Run("report", "--rubric", rubric, Temp.File("units"), "--out", html).Exit.Should().Be(0);
        var page = File.ReadAllText(html);
        var ranking = page[page.IndexOf("<table>", StringComparison.Ordinal)..page.IndexOf("</table>", StringComparison.Ordinal)];
        ranking.Should().Contain("<th>总分</th><th>等级</th><th>一票否决</th><th>甲（100分）</th></tr>");
        ranking.Should().Contain("否决：未按时报送");
        ranking.Should().NotContain("甲·base", "the line columns are in the Excel report, not the page");
    }

    [Test]
    public void The_county_ranking_of_a_rubric_without_grades_or_vetoes_keeps_its_columns()
    {
        var csv = Temp.File("村.csv");
        Run("report", "--rubric", "rubrics/village.yaml", CountyFixtures.Folder, "--out", csv).Exit.Should().Be(0);
        File.ReadAllLines(csv)[0].TrimStart('\uFEFF').Split(',').Take(8).Should().Equal("名次", "单位", "文件", "年度", "基础分", "加分", "总分", "组织机构（6分）");
    }

    [Test]
    public void The_schemas_accept_the_rubric_and_its_evidence_and_refuse_a_wrong_unit_type()
    {
        var rubric = WriteFiles();
        Evaluate(Schema("rubric"), Temp.File("r.yaml")).Should().BeTrue();
        var evidence = Schema("evidence", "--rubric", rubric);
        Evaluate(evidence, Temp.File("units/b.yaml")).Should().BeTrue();
        File.WriteAllText(Temp.File("bad.yaml"), TotalRulesText.Evidence(85, true, 2, top: "unit_type: zon"));
        Evaluate(evidence, Temp.File("bad.yaml")).Should().BeFalse();
        File.WriteAllText(Temp.File("none.yaml"), TotalRulesText.Evidence(85, true, 2, top: ""));
        Evaluate(evidence, Temp.File("none.yaml")).Should().BeFalse("unit_type is required by this rubric");
        File.WriteAllText(Temp.File("veto.yaml"), TotalRulesText.Evidence(85, true, 2, top: "unit_type: zone\nvetoes: { frad: true }"));
        Evaluate(evidence, Temp.File("veto.yaml")).Should().BeFalse();
    }

    [TestCase("rule: per_item(1) cap 5", true)]
    [TestCase("""rules: { district: "per_item(1) cap 5", zone: "per_item(1) cap 5" }""", true)]
    [TestCase("""rules: { district: "per_item(1) cap 5" }""" + "\n        rule: per_item(1) cap 5", false)]
    public void The_rubric_schema_wants_exactly_one_of_rule_and_rules(string rule, bool valid)
    {
        File.WriteAllText(Temp.File("r.yaml"), TotalRulesText.Rubric(TotalRulesText.UnitTypes, rule));
        Evaluate(Schema("rubric"), Temp.File("r.yaml")).Should().Be(valid);
    }

    [TestCase("vetoes: [{ key: late, label: 迟报, effect: cap, cap: 60 }]", true)]
    [TestCase("vetoes: [{ key: late, label: 迟报, effect: cap }]", false)]
    [TestCase("vetoes: [{ key: late, label: 迟报, effect: zero, cap: 60 }]", false)]
    [TestCase("vetoes: [{ key: late, label: 迟报, effect: zeros }]", false)]
    [TestCase("grades: [{ id: ok, label: 合格, from: 60 }, { id: no, label: 不合格 }]", true)]
    public void The_rubric_schema_checks_vetoes_and_grades(string tail, bool valid)
    {
        File.WriteAllText(Temp.File("r.yaml"), TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\n" + tail));
        Evaluate(Schema("rubric"), Temp.File("r.yaml")).Should().Be(valid);
    }

    [Test]
    public void The_blank_template_asks_for_the_unit_type_and_lists_every_veto_as_not_raised()
    {
        var (exit, output, error) = Run("template", "--rubric", WriteFiles(), "--out", "-");
        exit.Should().Be(0, error);
        output.ReplaceLineEndings("\n").Should().Contain(
            "unit_type: ~    # 单位类型（必填）：district（区）、zone（开发区）\n"
            + "vetoes:    # 一票否决：发生的改为 true\n"
            + "  major_accident: false    # 发生较大事故以上（因不可抗力因素除外）\n"
            + "  late_report: false    # 未按时报送\n"
            + "  late_twice: false    # 两次未按时报送\n"
            + "  fraud: false    # 弄虚作假\n"
            + "lines:\n");
    }

    [Test]
    public void An_excel_form_has_a_unit_type_column_and_a_column_per_veto_and_scores_them()
    {
        var rubric = WriteFiles();
        var form = Temp.File("区.xlsx");
        Run("template", "--rubric", rubric, "--format", "xlsx", "--out", form).Exit.Should().Be(0);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(form))
        {
            var sheet = workbook.Worksheet("填报");
            var keys = Enumerable.Range(1, 10).Select(c => sheet.Cell(2, c).GetString()).ToList();
            keys.Should().Equal("unit", "year", "unit_type", "vetoes.major_accident", "vetoes.late_report", "vetoes.late_twice", "vetoes.fraud",
                "base.score", "base.award", "people.recommended");
            sheet.Cell(1, 5).GetString().Should().Be("一票否决：未按时报送");
            object[] row = ["乙区", 2022, "开发区", "否", "是", "", "", 85, "是", 2];
            for (var c = 0; c < row.Length; c++)
            {
                Fill(sheet.Cell(3, c + 1), row[c]);
            }

            object[] wrong = ["丙区", 2022, "开发", "", "", "", "", 85, "是", 2];
            for (var c = 0; c < wrong.Length; c++)
            {
                Fill(sheet.Cell(4, c + 1), wrong[c]);
            }

            workbook.Save();
        }

        var (exit, output, error) = Run("score", "-r", rubric, "-f", "jsonl", form);
        exit.Should().Be(1, "the second row names no unit type of the rubric");
        using var card = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single());
        card.RootElement.GetProperty("unit_type").GetString().Should().Be("zone"); // the label 开发区 read as its id
        card.RootElement.GetProperty("total").GetDecimal().Should().Be(60m);      // 85 + 2 × 1.25 + bonus 2 = 89.5, capped at 60
        card.RootElement.GetProperty("vetoes")[0].GetProperty("key").GetString().Should().Be("late_report");
        error.Should().Contain($"{form}!填报!C4(4,3): error RE0306: unknown unit type '开发'");
    }

    private static void Fill(ClosedXML.Excel.IXLCell cell, object value)
    {
        switch (value)
        {
            case "":
                break;
            case string text:
                cell.SetValue(text);
                break;
            case int whole:
                cell.SetValue(whole);
                break;
        }
    }

    private static JsonSchema Schema(params string[] args)
    {
        var (exit, output, error) = Run(["schema", .. args]);
        exit.Should().Be(0, error);
        return JsonSchema.FromText(output);
    }

    private static bool Evaluate(JsonSchema schema, string yamlFile)
    {
        using var json = JsonDocument.Parse(YamlAsJson.Read(yamlFile)?.ToJsonString() ?? "null");
        return schema.Evaluate(json.RootElement).IsValid;
    }
}
