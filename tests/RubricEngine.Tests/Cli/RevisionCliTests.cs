using System.Text.Json;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Cli;

/// <summary><c>rubric diff</c> and versions on the command line, run in-process from the repository root.</summary>
[NonParallelizable] // the CLI runs in the repository root: it sets the current directory
public sealed class RevisionCliTests
{
    private const string Old = "rubrics/village.yaml";
    private const string New = "samples/revisions/village-2023.yaml";
    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRunner.Run(args);

    [Test]
    public void Diff_with_the_samples_folder_scores_the_village_samples_and_skips_the_others()
    {
        var (exit, output, error) = Run("diff", Old, New, "--evidence", "samples/");
        exit.Should().Be(0, error);
        error.Should().Contain("rubric: skipped samples/town-yanghe.yaml: it is evidence for another rubric")
            .And.Contain("rubric: skipped samples/platform-culture.json: it is evidence for another rubric");
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        lines.Should().Contain("village 版本 2022（rubrics/village.yaml） → village 版本 2023（samples/revisions/village-2023.yaml）");
        lines.Should().Contain("考核细则：4 行有变化");
        lines.Should().Contain("  改名  队伍与人才建设  名称  队伍建设 → 队伍与人才建设");
        // The hand calculation is in RevisionImpactTests: 75 → 62.5 and 73 → 63, and the two swap ranks.
        // Columns: 单位 is 6 wide (白龙村), then 原总分 6, 新总分 6, 变化 5, 原排名 6, 新排名 6, 名次变化 8, two spaces apart;
        // 白龙村 falls from 1 to 2 (↓1) and 清水村 rises from 2 to 1 (↑1).
        lines.Should().ContainInOrder(
            "单位    原总分  新总分   变化  原排名  新排名  名次变化",
            "白龙村      75    62.5  -12.5       1       2        ↓1",
            "清水村      73      63    -10       2       1        ↑1",
            "上升 0 个，下降 2 个，不变 0 个；变化最大：白龙村 -12.5，清水村 -10");
        output.Should().Contain("warning RE0309: version 2023 of rubric 'village' has no line 'micro_lecture'; its evidence is not scored");
    }

    [Test]
    public void Diff_as_json_follows_the_contract()
    {
        var (exit, output, error) = Run("diff", Old, New, "-e", "samples/village-bailong.yaml", "samples/village-qingshui.yaml", "-f", "json");
        exit.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("old").GetProperty("version").GetString().Should().Be("2022");
        root.GetProperty("new").GetProperty("file").GetString().Should().Be(New);
        root.GetProperty("new").GetProperty("total").ValueKind.Should().Be(JsonValueKind.Number);
        root.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("line").GetString()} {c.GetProperty("kind").GetString()}")
            .Should().Equal("lectures changed", "review_meetings changed", "cloud_platform added", "micro_lecture removed");
        var field = root.GetProperty("changes")[1].GetProperty("fields")[0];
        (field.GetProperty("field").GetString(), field.GetProperty("old").GetString(), field.GetProperty("new").GetString()).Should().Be(("points", "12", "8"));

        var impact = root.GetProperty("impact").EnumerateArray().ToList();
        impact.Select(u => u.GetProperty("unit").GetString()).Should().Equal("白龙村", "清水村");
        impact[0].GetProperty("old_total").GetDecimal().Should().Be(75m);
        impact[0].GetProperty("new_total").GetDecimal().Should().Be(62.5m);
        impact[0].GetProperty("delta").GetDecimal().Should().Be(-12.5m);
        impact[0].GetProperty("delta").GetRawText().Should().Be("-12.5", "totals are JSON numbers as in the score card");
        var lectures = impact[0].GetProperty("lines")[1];
        (lectures.GetProperty("line").GetString(), lectures.GetProperty("old").GetDecimal(), lectures.GetProperty("new").GetDecimal()).Should().Be(("lectures", 9.5m, 4m));
        impact[0].GetProperty("lines")[0].GetProperty("new").ValueKind.Should().Be(JsonValueKind.Null, "micro_lecture no longer exists");
        impact[0].GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).Should().Contain("RE0309");
    }

    [Test]
    public void Diff_without_evidence_has_an_empty_impact()
    {
        var (exit, output, _) = Run("diff", Old, New, "--format", "json");
        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("impact").GetArrayLength().Should().Be(0);
    }

    [Test]
    public void Diff_as_markdown_is_a_table_of_changes_and_one_of_the_impact()
    {
        var (exit, output, _) = Run("diff", Old, New, "-e", "samples/village-bailong.yaml", "-f", "markdown");
        exit.Should().Be(0);
        output.Should().Contain("| 变更 | 考核项目 / 编号 | 项目 | 原 | 新 |")
            .And.Contain("| 修改 | `review_meetings`（活动开展） | 分值 | 12 | 8 |")
            .And.Contain("| 白龙村 | 75 | 62.5 | -12.5 |  |  |  | `micro_lecture` 4 → —；`lectures` 9.5 → 4；`review_meetings` 9 → 6；`cloud_platform` — → 0 |");
    }

    [Test]
    public void Diff_refuses_a_rubric_with_errors_and_compares_nothing()
    {
        var (exit, output, error) = Run("diff", Old, "tests/RubricEngine.Tests/Corpus/Rubrics/every-stage-at-once.yaml");
        exit.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("error RE0102: unknown function 'montly'").And.Contain("nothing was compared");
    }

    [Test]
    public void Scoring_evidence_of_another_version_warns_about_what_no_longer_exists_and_exits_zero()
    {
        // 清水村's evidence names version 2022; the 2023 revision has no micro_lecture and no lectures.lecture_months.
        var (exit, output, error) = Run("score", "-r", New, "samples/village-qingshui.yaml");
        exit.Should().Be(0, error);
        error.Should().BeEmpty();
        output.Should().Contain("版本：2023（2023-01-01 起施行）")
            .And.Contain("samples/village-qingshui.yaml(5,10): warning RE0308: this evidence was collected for version 2022, but it is scored with version 2023 of rubric 'village'")
            .And.Contain("samples/village-qingshui.yaml(11,3): warning RE0309: version 2023 of rubric 'village' has no line 'micro_lecture'; its evidence is not scored")
            .And.Contain("samples/village-qingshui.yaml(15,5): warning RE0309: version 2023 of rubric 'village' has no evidence key 'lectures.lecture_months'; it is not scored")
            // 73 − 6 (lectures) − 4 (review_meetings) = 63, as in the impact.
            .And.Contain("总分 63");
    }

    [Test]
    public void Evidence_naming_no_version_is_still_checked_strictly_against_the_rubric_it_is_scored_with()
    {
        // Without 'version', an unknown line is more likely a typo than an old line: it stays an error.
        var (exit, _, error) = Run("score", "-r", New, "samples/village-bailong.yaml");
        exit.Should().Be(1);
        error.Should().Contain("samples/village-bailong.yaml(9,3): error RE0301: rubric 'village' has no line 'micro_lecture'");
    }

    [Test]
    public void The_score_card_shows_the_rubrics_version_in_json()
    {
        var (exit, output, _) = Run("score", "-r", Old, "samples/village-bailong.yaml", "-f", "json");
        exit.Should().Be(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("version").GetString().Should().Be("2022");
        json.RootElement.GetProperty("effective").GetString().Should().Be("2022-05-05");
    }
}
