using System.Text.Json;
using System.Text.RegularExpressions;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Cli;

/// <summary><c>rubric template</c>: a blank YAML evidence file that names every key and scores as produced.</summary>
[NonParallelizable] // the CLI runs from the repository root
public sealed class YamlTemplateTests
{
    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"template-{Guid.NewGuid():N}.yaml");

    [TestCase("rubrics/village.yaml")]
    [TestCase("rubrics/town.yaml")]
    [TestCase("rubrics/platform.yaml")]
    public void The_template_names_every_key_and_scores_zero_with_a_warning_for_each(string rubricFile)
    {
        Rubric.TryLoad(Path.Combine(Repo.Root, rubricFile), out var rubric, out _).Should().BeTrue();
        var file = TempFile();
        try
        {
            var (exit, output, error) = CliRunner.Run("template", "--rubric", rubricFile, "--out", file);
            exit.Should().Be(0, error);
            output.Should().Contain($"{file}: an evidence file for rubric '{rubric!.Id}'");
            var text = File.ReadAllText(file);

            // Every line and key of the rubric, each key under its line with an empty value and a comment above it.
            var allKeys = rubric.Lines.SelectMany(l => l.Criteria.SelectMany(c => c.Fields.Select(f => $"{l.Id}.{f.Key}"))).ToList();
            var written = new List<string>();
            string? currentLine = null;
            string? previous = null;
            foreach (var row in text.Split('\n'))
            {
                if (Regex.Match(row, @"^  ([a-z_0-9]+):$") is { Success: true } lineMatch)
                {
                    currentLine = lineMatch.Groups[1].Value;
                }
                else if (Regex.Match(row, @"^    ([a-z_0-9]+): ~$") is { Success: true } keyMatch)
                {
                    written.Add($"{currentLine}.{keyMatch.Groups[1].Value}");
                    previous.Should().MatchRegex(@"^    # .*[\u4e00-\u9fff].*（.+）：.+", "each key has a Chinese comment: label, points, what to write");
                }

                previous = row;
            }

            written.Should().Equal(allKeys);

            // Scored as produced: nothing refused, total 0, and each key warned about as not given (the one exception, a
            // deduction such as village venue.discretionary_deduction, means "none" when empty and is not a warning).
            (exit, output, error) = CliRunner.Run("score", "--rubric", rubricFile, "--format", "json", file);
            exit.Should().Be(0, error);
            using var json = JsonDocument.Parse(output);
            json.RootElement.GetProperty("total").GetDecimal().Should().Be(0);
            var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().ToList();
            warnings.Should().OnlyContain(w => w.GetProperty("code").GetString() == "RE0305");
            var warned = warnings.SelectMany(w => Regex.Matches(w.GetProperty("message").GetString()!, @"'([a-z_0-9]+\.[a-z_0-9]+)'").Select(m => m.Groups[1].Value)).ToList();
            warned.Should().OnlyHaveUniqueItems();
            allKeys.Except(warned).Should().BeSubsetOf(["venue.discretionary_deduction"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void The_template_carries_the_unit_and_year_and_Chinese_comments()
    {
        var (exit, output, _) = CliRunner.Run("template", "--rubric", "rubrics/village.yaml", "--unit", "白龙村", "--year", "2022", "--out", "-");
        exit.Should().Be(0);
        var rows = output.Split('\n').Select(r => r.TrimEnd('\r')).ToList();
        rows.Should().Contain("rubric: village").And.Contain("version: \"2022\"").And.Contain("unit: \"白龙村\"    # 单位名称，如 白龙村")
            .And.Contain("year: 2022    # 考核年度");
        // village.yaml: organization is worth 6; its first criterion 有领导小组 present(2).
        rows.Should().ContainInOrder(
            "  # 组织机构 · organization（6 分）：党组织书记任站长，确定1名工作人员统筹管理运行。有组织机构和职责分工（机构职责上墙）。",
            "  # 评价标准：有领导小组、有专人负责管理、机构职责上墙各2分。",
            "  organization:",
            "    # 有领导小组（2 分）：填 true（有）或 false（无）",
            "    leading_group: ~");
        // venue is worth 6 but its criteria give at most 2 + 2 = 4; rules names its items with their labels.
        rows.Should().Contain(r => r.StartsWith("  # 阵地打造 · venue（6 分，最高可得 4）：", StringComparison.Ordinal));
        rows.Should().Contain("    # 上墙缺项（4 分）：填缺少的项目，如 [signboard]，不缺填 []；可选：signboard（挂牌上墙）、duties（职责上墙）、lecture_rules（宣讲制度上墙）");
    }

    [Test]
    public void The_excel_form_is_still_written_with_format_xlsx()
    {
        var file = Path.Combine(Path.GetTempPath(), $"form-{Guid.NewGuid():N}.xlsx");
        try
        {
            var (exit, output, _) = CliRunner.Run("template", "--rubric", "rubrics/village.yaml", "--format", "xlsx", "--out", file);
            exit.Should().Be(0);
            output.Should().Contain("a form for rubric 'village'");
            File.Exists(file).Should().BeTrue();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
