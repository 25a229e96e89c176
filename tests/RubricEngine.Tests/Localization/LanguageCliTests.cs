using RubricEngine.Cli;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Localization;

/// <summary><c>--lang</c>, <c>RUBRIC_LANG</c> and the UI culture pick the language; codes and positions never change.</summary>
[NonParallelizable] // the CLI runs from the repository root
public sealed class LanguageCliTests
{
    [Test]
    public void Check_speaks_Chinese_with_lang_zh_and_English_with_lang_en()
    {
        using var rubric = new TempYamlFile(RubricText.OneRule("montly(1)"));
        var file = rubric.Path;
        var (exit, output, _) = CliRunner.Run("check", "--lang", "zh", file);
        exit.Should().Be(1);
        output.Should().Contain($"{file}(19,15): 错误 RE0102: 未知的评分函数 'montly'，是否应为 'monthly'？");
        output.Should().Contain($"{file}：1 个错误，0 个警告");

        (exit, output, _) = CliRunner.Run("check", "--lang", "en", file);
        exit.Should().Be(1);
        output.Should().Contain($"{file}(19,15): error RE0102: unknown function 'montly'; did you mean 'monthly'?");
        output.Should().Contain($"{file}: 1 error, 0 warnings");
    }

    [Test]
    public void Score_names_a_mistyped_evidence_key_in_the_language_asked_for()
    {
        using var evidence = TempYamlFile.Bailong("{ leading_group: true,", "{ leading_grop: true,");
        var file = evidence.Path;
        // Line 7 of the sample, column 19: where 'leading_grop' starts after "  organization: { ".
        var (exit, _, error) = CliRunner.Run("score", "--lang", "zh", "--rubric", "rubrics/village.yaml", file);
        exit.Should().Be(1);
        error.Should().Contain($"{file}(7,19): 错误 RE0302: 'organization' 行没有材料键 'leading_grop'（是否应为 'leading_group'？）；'organization' 行的键有 leading_group, dedicated_staff, duties_on_wall");
        error.Should().Contain($"rubric：{file} 未评分：有 1 个错误");

        (exit, _, error) = CliRunner.Run("score", "--lang", "en", "--rubric", "rubrics/village.yaml", file);
        exit.Should().Be(1);
        error.Should().Contain($"{file}(7,19): error RE0302: line 'organization' has no evidence key 'leading_grop'; did you mean 'leading_group'?; its keys are leading_group, dedicated_staff, duties_on_wall");
        error.Should().Contain($"rubric: {file} was not scored: it has 1 error");
    }

    [Test]
    public void Warnings_on_the_card_are_Chinese_with_lang_zh()
    {
        var sample = File.ReadAllLines(Repo.PathOf("samples/village-bailong.yaml")).Where(l => !l.StartsWith("  innovation:", StringComparison.Ordinal));
        using var evidence = new TempYamlFile(string.Join('\n', sample));
        var (exit, output, _) = CliRunner.Run("score", "--lang", "zh", "--rubric", "rubrics/village.yaml", evidence.Path);
        exit.Should().Be(0);
        output.Should().Contain($"注意：{evidence.Path}(6,1): 警告 RE0305: 'innovation' 行没有材料，计 0 分").And.NotContain("warning");
    }

    /// <summary>The tool as shipped runs without ICU (InvariantGlobalization): Chinese must reach it there too.</summary>
    [Test]
    public void The_tool_as_shipped_speaks_Chinese_without_ICU()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var argument in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "rubric.dll"), "check", "--lang", "zh", "rubrics/village.yaml" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RUBRIC_LANG"] = "";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        output.Should().Contain("rubrics/village.yaml(46,13): 警告 RE0201: 'venue' 行分值 6 分，但按评分标准最多只能得 4 分；请核对评价标准或分值")
            .And.Contain("rubrics/village.yaml：考核细则 'village'，12 行，1 个警告");
    }

    [Test]
    public void Diff_writes_the_units_warnings_in_Chinese_with_lang_zh()
    {
        var (exit, output, _) = CliRunner.Run("diff", "--lang", "zh", "rubrics/village.yaml", "samples/revisions/village-2023.yaml", "-e", "samples/village-bailong.yaml");
        exit.Should().Be(0);
        // The 2023 revision drops micro_lecture: 白龙村's evidence for it is kept, unscored, with a warning.
        output.Should().Contain("注意：samples/village-bailong.yaml(9,3): 警告 RE0309: 考核细则 'village' 的 2023 版没有 'micro_lecture' 行；该行材料不评分");
    }

    [Test]
    public void Help_is_Chinese_with_lang_zh_and_English_with_lang_en()
    {
        var (_, output, _) = CliRunner.Run("score", "--help", "--lang", "zh");
        output.Should().Contain("按考核细则给材料评分").And.Contain("考核细则 YAML 文件").And.Contain("用法");
        (_, output, _) = CliRunner.Run("score", "--help", "--lang", "en");
        output.Should().Contain("Score evidence against a rubric").And.Contain("Usage").And.NotContain("考核细则 YAML 文件");
    }

    [TestCase(new string[0], "zh", "en-US", "zh")]
    [TestCase(new string[0], "en", "zh-CN", "")]
    [TestCase(new[] { "--lang", "en" }, "zh", "zh-CN", "")]
    [TestCase(new[] { "--lang=zh" }, "en", "en-US", "zh")]
    [TestCase(new string[0], "", "zh-TW", "zh")]
    [TestCase(new string[0], null, "fr-FR", "")]
    [TestCase(new string[0], null, "zh_CN.UTF-8", "zh")] // a POSIX locale, where the tool runs without ICU
    public void The_language_is_the_option_else_the_environment_else_the_ui_culture(string[] args, string? environment, string ui, string expected) =>
        CliText.Resolve(args, environment, ui).Name.Should().Be(expected);
}
