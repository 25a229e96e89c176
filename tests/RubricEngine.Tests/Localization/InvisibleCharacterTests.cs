using System.Globalization;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Localization;

/// <summary>Messages that cannot mislead: invisible characters are named, control characters never reach the terminal raw.</summary>
[NonParallelizable] // the CLI runs from the repository root
public sealed class InvisibleCharacterTests
{
    [Test]
    public void A_zero_width_space_in_an_evidence_key_is_named_in_both_languages()
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule("present(4)"));
        var diagnostic = EvidenceText.Errors(rubric, "rubric: test\nunit: 测试村\nlines:\n  only: { k\u200B: true }\n").Single();
        diagnostic.Code.Should().Be("RE0302");
        diagnostic.Message.Should().EndWith("; it contains the invisible character U+200B (ZERO WIDTH SPACE): delete it");
        diagnostic.Format(CultureInfo.GetCultureInfo("zh-Hans")).Should().EndWith("；其中有不可见字符 U+200B (ZERO WIDTH SPACE)，请删去");
    }

    [Test]
    public void The_terminal_shows_the_invisible_character_by_its_code_point()
    {
        using var evidence = TempYamlFile.Bailong("{ leading_group: true,", "{ leading_group\u200B: true,");
        var (exit, _, error) = CliRunner.Run("score", "--lang", "zh", "--rubric", "rubrics/village.yaml", evidence.Path);
        exit.Should().Be(1);
        error.Should().Contain("'organization' 行没有材料键 'leading_group<U+200B>'（是否应为 'leading_group'？）");
        error.Should().Contain("其中有不可见字符 U+200B (ZERO WIDTH SPACE)，请删去");
        error.Should().NotContain("\u200B");
    }

    [TestCase("table")]
    [TestCase("markdown")]
    [TestCase("json")]
    public void A_unit_name_cannot_send_escape_codes_to_the_terminal(string format)
    {
        // YAML's "\e" is ESC: "\e[2J" would clear the screen, "\e]0;…\a" would retitle the window.
        using var evidence = TempYamlFile.Bailong("unit: 白龙村", "unit: \"\\e[2J白龙村\\a\"");
        var (exit, output, error) = CliRunner.Run("score", "--rubric", "rubrics/village.yaml", "--format", format, evidence.Path);
        exit.Should().Be(0, error);
        output.Should().NotContain("\u001B").And.NotContain("\u0007");
        output.Should().Contain(format == "json" ? "\\u001B[2J白龙村\\u0007" : "<U+001B>[2J白龙村<U+0007>");
    }

    [Test]
    public void Safe_text_keeps_line_breaks_and_Chinese_and_names_the_rest()
    {
        RubricEngine.Cli.TerminalText.Safe("白龙村\t1\r\n").Should().Be("白龙村\t1\r\n");
        RubricEngine.Cli.TerminalText.Safe("a\u001B[31mb\u202Ec\u0000").Should().Be("a<U+001B>[31mb<U+202E>c<U+0000>");
    }
}
