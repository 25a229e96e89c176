using System.Text.Json;
using RubricEngine.Cli;
using RubricEngine.Cli.Formatting;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Cli;

/// <summary>The <c>rubric</c> command run in-process from the repository root, as staff and scripts run it.</summary>
[NonParallelizable] // it sets the current directory
public sealed class CliTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRunner.Run(args);

    [Test]
    public void Check_warns_about_the_catalogues_known_inconsistencies_and_exits_zero()
    {
        var (exit, output, error) = Run("check", "rubrics/platform.yaml", "rubrics/town.yaml", "rubrics/village.yaml");
        exit.Should().Be(0);
        error.Should().BeEmpty();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(": warning", StringComparison.Ordinal)])
            .Should().Equal("rubrics/platform.yaml(119,13)", "rubrics/platform.yaml(145,13)", "rubrics/platform.yaml(205,33)",
                "rubrics/platform.yaml(210,33)", "rubrics/village.yaml(46,13)");
        output.Should().Contain("line 'theme' is worth 5 points").And.Contain("line 'activities' is worth 24 points")
            .And.Contain("'platform_archive_missing' still scores 2.5").And.Contain("line 'venue' is worth 6 points");
        lines.Should().Contain("rubrics/town.yaml: rubric 'town', 15 lines, 0 warnings");
    }

    [Test]
    public void Check_exits_one_on_errors()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, RubricText.OneRule("montly(1)"));
        var (exit, output, _) = Run("check", file);
        exit.Should().Be(1);
        output.Should().Contain($"{file}(19,15): error RE0102: unknown function 'montly'; did you mean 'monthly'?");
        output.Should().Contain($"{file}: 1 error, 0 warnings");
    }

    [Test]
    public void Check_reports_a_missing_file_without_a_stack_trace()
    {
        var (exit, output, error) = Run("check", "rubrics/nowhere.yaml");
        exit.Should().Be(1);
        output.Should().Contain("rubrics/nowhere.yaml(1,1): error RE0001: file not found");
        (output + error).Should().NotContain("   at ");
    }

    [Test]
    public void Score_as_json_follows_the_contract()
    {
        var (exit, output, error) = Run("score", "--rubric", "rubrics/village.yaml", "samples/village-bailong.yaml", "--format", "json");
        exit.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("rubric").GetString().Should().Be("village");
        root.GetProperty("unit").GetString().Should().Be("白龙村");
        root.GetProperty("total").ValueKind.Should().Be(JsonValueKind.Number);
        // By hand: 4 + (4 − 0.5) + 4 + 3 + (4 + 11 × 0.5) + (4 − 2) + (2 + 2.5) + 3 × 3 + (12 + 10) + (city 3 + county 2) + 2 + 6.5 = 75.
        root.GetProperty("total").GetDecimal().Should().Be(75);
        var lines = root.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("id").GetString()).Should().Equal(Repo.Rubric("village").Lines.Select(l => l.Id));
        lines.Should().OnlyContain(l => l.GetProperty("score").ValueKind == JsonValueKind.Number && l.GetProperty("bonus").ValueKind == JsonValueKind.Number);
    }

    [Test]
    public void Score_refuses_a_mistyped_key_with_its_position_and_a_suggestion()
    {
        var file = Path.Combine(Path.GetTempPath(), "village-typo.yaml");
        File.WriteAllText(file, Repo.Read("samples/village-bailong.yaml").Replace("leading_group:", "leading_grop:", StringComparison.Ordinal));
        var (exit, output, error) = Run("score", "--rubric", "rubrics/village.yaml", file, "--format", "json");
        exit.Should().Be(1);
        output.Should().BeEmpty("nothing is scored from a file with an error");
        error.Should().Contain($"{file}(7,19): error RE0302: line 'organization' has no evidence key 'leading_grop'; did you mean 'leading_group'?");
        error.Should().Contain($"rubric: {file} was not scored: it has 1 error");
        error.Should().NotContain("   at ");
    }

    [Test]
    public void Several_files_are_scored_even_when_one_is_bad()
    {
        var bad = Path.Combine(Path.GetTempPath(), "village-bad.yaml");
        File.WriteAllText(bad, "rubric: village\nunit: x\nlines:\n  review_meetings: { meeting_quarters: [5] }\n");
        var (exit, output, error) = Run("score", "-r", "rubrics/village.yaml", "samples/village-bailong.yaml", bad, "-f", "json");
        exit.Should().Be(1);
        using var json = JsonDocument.Parse(output);
        json.RootElement.EnumerateArray().Select(c => c.GetProperty("unit").GetString()).Should().Equal("白龙村");
        error.Should().Contain($"{bad}(4,41): error RE0303: 5 is not a quarter");
    }

    [Test]
    public void A_bad_rubric_scores_nothing()
    {
        var (exit, output, error) = Run("score", "-r", "rubrics/nowhere.yaml", "samples/village-bailong.yaml");
        exit.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("rubrics/nowhere.yaml(1,1): error RE0001: file not found").And.Contain("nothing was scored");
    }

    [Test]
    public void An_unknown_format_is_a_usage_error()
    {
        var (exit, _, error) = Run("score", "-r", "rubrics/village.yaml", "samples/village-bailong.yaml", "-f", "xml");
        exit.Should().NotBe(0);
        error.Should().Contain("xml");
    }

    [Test]
    public void The_table_aligns_chinese_text_by_display_width()
    {
        var (exit, output, _) = Run("score", "-r", "rubrics/town.yaml", "samples/town-yanghe.yaml");
        exit.Should().Be(0);
        var rows = output.Split('\n');
        var header = rows.First(l => l.StartsWith("考核项目", StringComparison.Ordinal));
        var tableRows = rows.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^\\S+ +[a-z_]+ ")).ToList();
        tableRows.Should().HaveCount(15);
        var idColumn = TextWidth.Of(header[..header.IndexOf("编号", StringComparison.Ordinal)]);
        tableRows.Select(r => TextWidth.Of(r.Substring(0, IndexOfId(r)))).Should().AllBeEquivalentTo(idColumn, "every line id starts in the same terminal column");
        // By hand from the catalogue: 3 + 6 + (4 + 4 × 3 ÷ (14 × 0.3) = 6.857… → 6.86) + 3 + 3 + (2 + 4 × 9 ÷ 12 = 5) + 4 + 3 + 2
        // + (11 × 1.5 + 8 × 0.6 = 21.3) + (province 3 + city 2 = 5) + (10 × 0.5 = 5 → cap 4) + 6 + 2 + 8 = 82.16; bonus 10.
        output.Should().Contain("基础分 82.16 + 加分 10 = 总分 92.16");
    }

    [Test]
    public void Markdown_is_a_table_with_the_totals()
    {
        var (exit, output, _) = Run("score", "-r", "rubrics/town.yaml", "samples/town-yanghe.yaml", "--format", "markdown");
        exit.Should().Be(0);
        output.Should().Contain("| 考核项目 | 编号 | 分值 | 得分 | 加分 | 说明 |");
        output.Should().Contain("| 阵地打造 | `coverage` | 8 | 6.86 | 0 |");
        output.Should().Contain("**基础分 82.16 + 加分 10 = 总分 92.16**");
    }

    [Test]
    public void A_built_in_rubric_id_works_where_a_rubric_file_does()
    {
        var (exit, output, error) = Run("score", "--rubric", "village", "samples/village-bailong.yaml");
        exit.Should().Be(0, error);
        output.Should().Be(Run("score", "--rubric", "rubrics/village.yaml", "samples/village-bailong.yaml").Output);
        output.Should().Contain("基础分 75 + 加分 0 = 总分 75"); // by hand in Evidence/UnitEvidenceTests

        var (checkExit, checkOutput, _) = Run("check", "village", "town");
        checkExit.Should().Be(0);
        checkOutput.Should().Be(
            "<built-in>/village.yaml(46,13): warning RE0201: line 'venue' is worth 6 points, but its criteria can award at most 4; check the standard, or the points" + Environment.NewLine +
            "village: rubric 'village', 12 lines, 1 warning" + Environment.NewLine +
            "town: rubric 'town', 15 lines, 0 warnings" + Environment.NewLine);
    }

    [Test]
    public void A_name_that_is_neither_a_file_nor_built_in_is_file_not_found()
    {
        var (exit, _, error) = Run("score", "--rubric", "vilage", "samples/village-bailong.yaml");
        exit.Should().Be(1);
        error.Should().Contain("vilage(1,1): error RE0001: file not found");
    }

    [Test]
    public void The_version_option_prints_the_package_version()
    {
        var (exit, output, _) = Run("--version");
        exit.Should().Be(0);
        var informational = typeof(CliApp).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        output.Trim().Should().Be(informational).And.MatchRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", "MinVer's SemVer, without a +commit suffix");
    }

    [Test]
    public void Several_cards_as_json_are_one_indented_array_with_unescaped_text()
    {
        var (exit, output, _) = Run("score", "-r", "village", "samples/village-bailong.yaml", "samples/village-qingshui.yaml", "-f", "json");
        exit.Should().Be(0);
        output.Should().StartWith("[\n  {\n    \"file\": \"samples/village-bailong.yaml\",\n    \"rubric\": \"village\",").And.Contain("\"unit\": \"白龙村\"");
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetArrayLength().Should().Be(2);
    }

    private static int IndexOfId(string row)
    {
        var index = 0;
        while (index < row.Length && !char.IsAsciiLetterLower(row[index]))
        {
            index++;
        }

        return index;
    }
}
