using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Localization;

/// <summary>What a policy officer reads on the card: unreachable points told apart from lost ones, items by their labels.</summary>
[NonParallelizable] // the CLI runs from the repository root
public sealed class ScoreCardWordsTests
{
    [Test]
    public void The_table_marks_a_line_whose_maximum_is_below_its_points()
    {
        var (exit, output, _) = CliRunner.Run("score", "--rubric", "rubrics/platform.yaml", "samples/platform-culture.json");
        exit.Should().Be(0);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var theme = lines.FindIndex(l => l.StartsWith("鲜明主题  theme", StringComparison.Ordinal));
        // platform.yaml: theme is worth 5, its one criterion present(3) gives at most 3, so 5 − 3 = 2 points cannot be earned.
        lines[theme].Should().MatchRegex(@"theme\s+5\s+3$");
        lines[theme + 1].Trim().Should().Be("· 最高可得 3（分值 5 中 2 分按评分标准无从得到）");
        // organization can reach its 8 points: no mark.
        var organization = lines.FindIndex(l => l.StartsWith("组织机构  organization", StringComparison.Ordinal));
        lines[organization + 1].Should().NotContain("最高可得");
    }

    [Test]
    public void Markdown_marks_it_too()
    {
        var (_, output, _) = CliRunner.Run("score", "--rubric", "rubrics/platform.yaml", "--format", "markdown", "samples/platform-culture.json");
        output.Should().Contain("| 鲜明主题 | `theme` | 5 | 3 | 0 | 最高可得 3（分值 5 中 2 分按评分标准无从得到）；");
    }

    [Test]
    public void Missing_items_are_named_by_their_labels_in_the_shipped_rubric()
    {
        var (_, output, _) = CliRunner.Run("score", "--rubric", "rubrics/village.yaml", "samples/village-bailong.yaml");
        // 白龙村 gives rules: { missing: [duties] }; village.yaml labels duties 职责上墙: 4 − 1 × 2 = 2.
        output.Should().Contain("· 上墙缺项：4 - 1 项 × 2 = 2（缺 职责上墙）");
    }

    [Test]
    public void Items_may_carry_a_label_or_stay_plain_ids()
    {
        // 4 − 3 × 1 = 1; a and c have no label, so they are named by their ids.
        var line = EvidenceText.ScoreOne("per_missing(-1) floor 0", "[a, b, c]", extra: "items: [a, { id: b, label: 乙项 }, { id: c }]").Lines.Single();
        line.Score.Should().Be(1);
        line.Criteria.Single().Reason.Should().Be("4 - 3 项 × 1 = 1（缺 a、乙项、c）");
    }

    [Test]
    public void The_evidence_still_names_items_by_id()
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule("per_missing(-1) floor 0", extra: "items: [a, { id: b, label: 乙项 }]"));
        var errors = EvidenceText.Errors(rubric, EvidenceText.OneLine("[乙项]"));
        errors.Select(e => e.Code).Should().Equal("RE0306");
    }

    [Test]
    public void A_misspelt_key_in_an_item_is_reported()
    {
        var file = Path.Combine(Path.GetTempPath(), $"items-{Guid.NewGuid():N}.yaml");
        // per_missing(-2) over 2 items reaches its floor (4 − 2 × 2 = 0), so the only finding is the misspelt key.
        File.WriteAllText(file, RubricText.OneRule("per_missing(-2) floor 0", extra: "items: [a, { id: b, lable: 乙项 }]"));
        try
        {
            Rubric.TryLoad(file, out _, out var diagnostics).Should().BeFalse();
            diagnostics.Select(d => d.ToString()).Should().Equal(
                $"{file}(20,29): error RE0010: unknown key 'lable' in an entry of 'items'; did you mean 'label'?");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
