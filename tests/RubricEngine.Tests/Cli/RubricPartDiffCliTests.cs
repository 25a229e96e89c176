using System.Text.Json;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Cli;

/// <summary>
/// <c>rubric diff</c> on what issue 13 added to a rubric (tables and their rows, a criterion's unit, table, own levels
/// and rules by unit type, the rubric's levels, unit types, vetoes and grades): each edit is reported, in every format.
/// Each case edits one example under rubrics/examples/ and compares it with the original.
/// </summary>
[NonParallelizable] // the CLI runs in the repository root: it sets the current directory
public sealed class RubricPartDiffCliTests
{
    private const string Bands = "rubrics/examples/bands-volunteer-hours.yaml";
    private const string Veto = "rubrics/examples/veto-major-accident.yaml";
    private const string Tiers = "rubrics/examples/tier-by-level-once-per-item.yaml";
    private const string UnitTypes = "rubrics/examples/quota-by-unit-type.yaml";
    private const string School = "rubrics/examples/school-safety-inspection.yaml";

    private const string SecondTable = """
          - id: hours_2024
            measure: amount
            rows:
              - { from: 120, points: 50 }
        sections:
        """;

    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "diff-parts-" + Guid.NewGuid().ToString("N"))).FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    /// <summary>Writes <paramref name="rubric"/> with each (find, replace) applied once and returns its path.</summary>
    private string Edited(string rubric, params (string Find, string Replace)[] edits)
    {
        var text = Repo.Read(rubric).Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var (find, replace) in edits)
        {
            text.Should().Contain(find);
            var index = text.IndexOf(find, StringComparison.Ordinal);
            text = text[..index] + replace + text[(index + find.Length)..];
        }

        var path = Path.Combine(folder, Path.GetFileName(rubric));
        File.WriteAllText(path, text);
        return path;
    }

    private static List<string> Printed(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        exit.Should().Be(0, error);
        return [.. output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())];
    }

    /// <summary>The Markdown rows of old → edited, or edited → old when <paramref name="backwards"/> (a removal).</summary>
    private List<string> MarkdownRows(string rubric, bool backwards, params (string Find, string Replace)[] edits)
    {
        var edited = Edited(rubric, edits);
        var lines = backwards ? Printed("diff", edited, rubric, "-f", "markdown") : Printed("diff", rubric, edited, "-f", "markdown");
        return [.. lines.Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1)]; // the header row is no change
    }

    [Test]
    public void A_table_rows_points_are_a_change_of_that_row_written_as_in_the_rubric() =>
        MarkdownRows(Bands, false, ("{ from: 150, below: 200, points: 40 }", "{ from: 150, below: 200, points: 45 }")).Should().Equal(
            "| 修改 | 评分表 volunteer_hours | 第 2 行 | { from: 150, below: 200, points: 40 } | { from: 150, below: 200, points: 45 } |");

    [Test]
    public void A_table_rows_band_edge_is_a_change_of_that_row() =>
        MarkdownRows(Bands, false, ("{ from: 150, below: 200, points: 40 }", "{ from: 150, to: 200, points: 40 }"),
                ("{ from: 200, points: 50 }", "{ from: 200.5, points: 50 }")).Should().Equal(
            "| 修改 | 评分表 volunteer_hours | 第 2 行 | { from: 150, below: 200, points: 40 } | { from: 150, to: 200, points: 40 } |",
            "| 修改 | 评分表 volunteer_hours | 第 3 行 | { from: 200, points: 50 } | { from: 200.5, points: 50 } |");

    [Test]
    public void A_table_added_and_a_criterion_reading_it_are_both_reported() =>
        MarkdownRows(Bands, false, ("sections:\n", SecondTable.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"),
                ("table: volunteer_hours", "table: hours_2024")).Should().Equal(
            "| 新增 | 评分表 hours_2024 | 度量 | — | amount |",
            "| 新增 | 评分表 hours_2024 | 第 1 行 | — | { from: 120, points: 50 } |",
            "| 修改 | `service_hours`（志愿服务） | 评分项 hours 评分表 | volunteer_hours | hours_2024 |");

    [Test]
    public void A_table_removed_lists_what_it_was() =>
        MarkdownRows(Bands, true, ("sections:\n", SecondTable.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n")).Should().Equal(
            "| 删除 | 评分表 hours_2024 | 度量 | amount | — |",
            "| 删除 | 评分表 hours_2024 | 第 1 行 | { from: 120, points: 50 } | — |");

    [Test]
    public void A_criterions_unit_is_a_change_of_that_criterion() =>
        MarkdownRows(Veto, false, ("unit: 处", "unit: 项")).Should().Equal(
            "| 修改 | `hazard_rectification`（安全管理） | 评分项 hazards_open 单位 | 处 | 项 |");

    [Test]
    public void A_criterions_own_levels_are_a_change_of_that_criterion() =>
        MarkdownRows(Tiers, false, ("{ id: aaa, label: AAA级 }", "{ id: aaa, label: 3A级 }")).Should().Equal(
            "| 修改 | `star_villages`（创建成效） | 评分项 village_ratings 级别 | a（A级）, aa（AA级）, aaa（AAA级） | a（A级）, aa（AA级）, aaa（3A级） |");

    [Test]
    public void The_rubrics_levels_are_compared_level_by_level() =>
        MarkdownRows(Tiers, false, ("{ id: city, label: 市级 }", "{ id: city, label: 地市级 }")).Should().Equal(
            "| 修改 | 级别 city | 名称 | 市级 | 地市级 |");

    [Test]
    public void A_rule_by_unit_type_is_a_change_of_that_types_rule_only() =>
        MarkdownRows(UnitTypes, false, ("zone: per_item(-1.25) of 4 floor 0", "zone: per_item(-1.25) of 3 floor 0")).Should().Equal(
            "| 修改 | `recommendations`（典型推荐） | 评分项 people_recommended 规则（zone） | per_item(-1.25) of 4 floor 0 | per_item(-1.25) of 3 floor 0 |");

    [Test]
    public void A_unit_types_label_is_a_change_of_that_unit_type() =>
        MarkdownRows(UnitTypes, false, ("{ id: zone, label: 开发区 }", "{ id: zone, label: 经开区 }")).Should().Equal(
            "| 修改 | 单位类型 zone | 名称 | 开发区 | 经开区 |");

    [Test]
    public void A_vetos_effect_and_cap_are_changes_of_that_veto() =>
        MarkdownRows(Veto, false, ("effect: zero", "effect: cap\n    cap: 30"), ("cap: 60", "cap: 50")).Should().Equal(
            "| 修改 | 一票否决 major_accident | 效果 | zero | cap |",
            "| 修改 | 一票否决 major_accident | 封顶 | — | 30 |",
            "| 修改 | 一票否决 late_report | 封顶 | 60 | 50 |");

    [Test]
    public void A_veto_removed_lists_what_it_was_and_backwards_it_is_added()
    {
        (string, string) dropLateReport = ("  - key: late_report\n    label: 未按时报送考核材料\n    effect: cap\n    cap: 60\n", "");
        MarkdownRows(Veto, false, dropLateReport).Should().Equal(
            "| 删除 | 一票否决 late_report | 名称 | 未按时报送考核材料 | — |",
            "| 删除 | 一票否决 late_report | 效果 | cap | — |",
            "| 删除 | 一票否决 late_report | 封顶 | 60 | — |");
        MarkdownRows(Veto, true, dropLateReport).Should().Equal(
            "| 新增 | 一票否决 late_report | 名称 | — | 未按时报送考核材料 |",
            "| 新增 | 一票否决 late_report | 效果 | — | cap |",
            "| 新增 | 一票否决 late_report | 封顶 | — | 60 |");
    }

    [Test]
    public void A_grades_from_is_a_change_and_a_grade_added_lists_its_fields()
    {
        MarkdownRows(School, false, ("{ id: good, label: 良好, from: 80 }", "{ id: good, label: 良好, from: 85 }")).Should().Equal(
            "| 修改 | 等级 good | 起评分 | 80 | 85 |");
        MarkdownRows(School, false, ("  - { id: pass, label: 合格, from: 60 }\n", "  - { id: fair, label: 中等, from: 70 }\n  - { id: pass, label: 合格, from: 60 }\n")).Should().Equal(
            "| 新增 | 等级 fair | 名称 | — | 中等 |",
            "| 新增 | 等级 fair | 起评分 | — | 70 |");
    }

    [Test]
    public void The_table_format_lists_rubric_parts_under_their_own_heading()
    {
        // Two rows of 37 columns each are wider than 56 together: old above new, as a long 考核内容 is shown.
        var edited = Edited(Veto, ("cap: 60", "cap: 50"));
        Printed("diff", Veto, edited).Should().ContainInOrder(
            "考核项目",
            "  （无变化）",
            "评分表、级别、单位类型、一票否决与等级",
            "  修改  一票否决 late_report",
            "        封顶  60 → 50",
            "总分  100（未变）",
            "",
            "考核细则：无变化");
    }

    [Test]
    public void The_json_lists_rubric_parts_in_parts_with_the_fields_of_a_line_change()
    {
        var edited = Edited(Bands, ("{ from: 150, below: 200, points: 40 }", "{ from: 150, below: 200, points: 45 }"));
        using var json = JsonDocument.Parse(string.Join("\n", Printed("diff", Bands, edited, "-f", "json")));
        var parts = json.RootElement.GetProperty("parts");
        parts.GetArrayLength().Should().Be(1);
        parts[0].GetProperty("part").GetString().Should().Be("table");
        parts[0].GetProperty("id").GetString().Should().Be("volunteer_hours");
        parts[0].GetProperty("kind").GetString().Should().Be("changed");
        var field = parts[0].GetProperty("fields")[0];
        field.GetProperty("field").GetString().Should().Be("rows.2");
        field.GetProperty("old").GetString().Should().Be("{ from: 150, below: 200, points: 40 }");
        field.GetProperty("new").GetString().Should().Be("{ from: 150, below: 200, points: 45 }");
        json.RootElement.GetProperty("changes").GetArrayLength().Should().Be(0);
    }

    [Test]
    public void A_table_rows_points_move_a_units_total_in_the_impact()
    {
        // samples/examples/bands-volunteer-hours.yaml: 175.5 hours, in the band 150 ≤ h < 200 (row 2): 40 before, 45 after;
        // the line is the whole rubric, so the total moves 40 → 45, +5.
        var edited = Edited(Bands, ("{ from: 150, below: 200, points: 40 }", "{ from: 150, below: 200, points: 45 }"));
        var lines = Printed("diff", Bands, edited, "-e", "samples/examples/bands-volunteer-hours.yaml");
        lines.Should().ContainInOrder(
            "单位    原总分  新总分  变化",
            "城关镇      40      45    +5",
            "上升 1 个，下降 0 个，不变 0 个；变化最大：城关镇 +5");
        lines.Should().Contain("  service_hours  40 → 45");
    }

    [Test]
    public void A_vetos_new_effect_moves_the_total_though_no_line_moves()
    {
        // samples/examples/veto-major-accident.yaml: duties 36, hazards 60 − 1 × 5 = 55, base 36 + 55 = 91; major_accident is
        // recorded. zero: 0. cap 50: min(91, 50) = 50. So 0 → 50, +50, and no line's own score differs.
        var edited = Edited(Veto, ("effect: zero", "effect: cap\n    cap: 50"));
        using var json = JsonDocument.Parse(string.Join("\n", Printed("diff", Veto, edited, "-e", "samples/examples/veto-major-accident.yaml", "-f", "json")));
        var unit = json.RootElement.GetProperty("impact")[0];
        unit.GetProperty("old_total").GetDecimal().Should().Be(0m);
        unit.GetProperty("new_total").GetDecimal().Should().Be(50m);
        unit.GetProperty("delta").GetDecimal().Should().Be(50m);
        unit.GetProperty("lines").GetArrayLength().Should().Be(0);
        unit.TryGetProperty("old_grade", out _).Should().BeFalse("neither version has grades");
    }

    [Test]
    public void A_grades_new_from_changes_the_units_grade_in_every_format()
    {
        // samples/examples/school-safety-inspection.yaml: 30 + (20 − 1 × 4) + (20 − 2 × 1) + 20 (3 drills, row 2–3) = 84.
        // Before, 84 ≥ 80: 良好. After, 良好 starts at 85, so 84 ≥ 60: 合格. The total does not move.
        var edited = Edited(School, ("{ id: good, label: 良好, from: 80 }", "{ id: good, label: 良好, from: 85 }"));
        const string evidence = "samples/examples/school-safety-inspection.yaml";
        using var json = JsonDocument.Parse(string.Join("\n", Printed("diff", School, edited, "-e", evidence, "-f", "json")));
        var unit = json.RootElement.GetProperty("impact")[0];
        unit.GetProperty("old_total").GetDecimal().Should().Be(84m);
        unit.GetProperty("new_total").GetDecimal().Should().Be(84m);
        unit.GetProperty("old_grade").GetProperty("label").GetString().Should().Be("良好");
        unit.GetProperty("new_grade").GetProperty("id").GetString().Should().Be("pass");

        Printed("diff", School, edited, "-e", evidence).Should().ContainInOrder(
            "单位          原总分  新总分  变化  原等级  新等级",
            "城关第一小学      84      84     0    良好    合格");
        Printed("diff", School, edited, "-e", evidence, "-f", "markdown").Should().Contain(
            "| 城关第一小学 | 84 | 84 | 0 | 良好 | 合格 |  |  |  |  |");
    }
}
