using System.Globalization;
using System.Text.RegularExpressions;
using RubricEngine.Cli;
using RubricEngine.Diagnostics;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Localization;

/// <summary>Every message exists in English and Chinese, and both carry the same placeholders.</summary>
public sealed partial class MessageResourcesTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    // Texts that are the same in both languages on purpose: a quoted name, nothing, and the tool's own prefix.
    private static readonly HashSet<string> SameInBoth = ["None", "Quoted", "Plain", "InColumn", "IoError"];

    [GeneratedRegex(@"(?<!\{)\{(\d+)\}")]
    private static partial Regex Placeholder();

    public static IEnumerable<TestCaseData> AllMessages() =>
        MessageText.Ids.Select(id => new TestCaseData(id, MessageText.TemplateOf(id, CultureInfo.InvariantCulture), MessageText.TemplateOf(id, Chinese)).SetName($"library {id}"))
            .Concat(CliText.Ids.Select(id => new TestCaseData(id, CliText.TemplateOf(id, CultureInfo.InvariantCulture), CliText.TemplateOf(id, Chinese)).SetName($"cli {id}")));

    [Test]
    public void There_are_messages_to_check()
    {
        MessageText.Ids.Should().Contain(["UnknownFunction", "UnknownEvidenceKey", "NoEvidenceForLine"]);
        CliText.Ids.Should().Contain(["CheckLoaded", "NotScored"]);
    }

    [TestCaseSource(nameof(AllMessages))]
    public void Has_both_texts_with_the_same_placeholders(string id, string? english, string? chinese)
    {
        english.Should().NotBeNull();
        chinese.Should().NotBeNull($"Messages.zh.resx needs '{id}'");
        Placeholders(chinese!).Should().BeEquivalentTo(Placeholders(english!), $"'{id}' must carry the same placeholders in both languages");
        if (!SameInBoth.Contains(id))
        {
            chinese.Should().NotBe(english, $"'{id}' is still English in the Chinese resources");
        }

        // Both must format: an unescaped brace would throw for the reader instead of telling them something.
        var arguments = Enumerable.Range(0, 10).Select(i => (object)$"<{i}>").ToArray();
        FluentActions.Invoking(() => string.Format(CultureInfo.InvariantCulture, english!, arguments)).Should().NotThrow();
        FluentActions.Invoking(() => string.Format(CultureInfo.InvariantCulture, chinese!, arguments)).Should().NotThrow();
    }

    [Test]
    public void A_diagnostic_renders_in_the_culture_asked_for_with_the_same_code_and_position()
    {
        var file = $"{Path.GetTempPath()}{Guid.NewGuid():N}.yaml";
        File.WriteAllText(file, RubricText.OneRule("montly(1)"));
        try
        {
            Rubric.TryLoad(file, out _, out var diagnostics).Should().BeFalse();
            var diagnostic = diagnostics.Should().ContainSingle().Subject;
            diagnostic.Text!.Id.Should().Be("UnknownFunction");
            diagnostic.Text.Arguments.Should().Equal("montly", "monthly");
            diagnostic.ToString().Should().Be($"{file}(19,15): error RE0102: unknown function 'montly'; did you mean 'monthly'?");
            diagnostic.ToString(CultureInfo.InvariantCulture).Should().Be(diagnostic.ToString());
            diagnostic.ToString(Chinese).Should().Be($"{file}(19,15): 错误 RE0102: 未知的评分函数 'montly'，是否应为 'monthly'？");
            // zh-CN falls back through zh-Hans to zh, as .NET resources do.
            diagnostic.Format(CultureInfo.GetCultureInfo("zh-CN")).Should().Be("未知的评分函数 'montly'，是否应为 'monthly'？");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string[] Placeholders(string template) => [.. Placeholder().Matches(template).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];
}
