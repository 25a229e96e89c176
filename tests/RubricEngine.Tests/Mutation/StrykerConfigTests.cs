using System.Text.Json;
using System.Text.RegularExpressions;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Mutation;

/// <summary>
/// The mutation-testing configuration (tests/RubricEngine.Tests/stryker-config.json) stays true as the code moves:
/// an equivalent mutant is excluded by the character span of its one token, and a span goes stale with any edit above it.
/// </summary>
public sealed partial class StrykerConfigTests
{
    private const string ConfigPath = "tests/RubricEngine.Tests/stryker-config.json";

    [GeneratedRegex("""^\s*"!(?<file>[^"{]+)\{(?<start>\d+)\.\.(?<end>\d+)\}",?\s*$""")]
    private static partial Regex SpanExclusion();

    /// <summary>The comment above an exclusion: the token (a string literal, a word, or `code with spaces`), a colon, the reason.</summary>
    [GeneratedRegex("""^\s*// (?:`(?<code>[^`]+)`|(?<token>"[^"]*"|\S+)): \S""")]
    private static partial Regex TokenAndReason();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [Test]
    public void The_config_is_json_with_comments_and_mutates_the_scoring_core()
    {
        using var config = JsonDocument.Parse(Repo.Read(ConfigPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var mutate = config.RootElement.GetProperty("stryker-config").GetProperty("mutate").EnumerateArray().Select(e => e.GetString()).ToList();

        mutate.Should().Contain(["Binding/Functions/**/*.cs", "Binding/Modifiers.cs", "Compilation/**/*.cs", "Runtime/**/*.cs", "Scoring/**/*.cs", "Numbers.cs"]);
        mutate.Where(p => p!.StartsWith('!')).Should().OnlyContain(p => SpanExclusion().IsMatch($"\"{p}\""),
            "only single equivalent mutants are excluded, each by its span, never whole files or folders");
    }

    [Test]
    public void Every_excluded_span_still_covers_the_token_its_reason_names()
    {
        var lines = File.ReadAllLines(Repo.PathOf(ConfigPath));
        var checkedSpans = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var exclusion = SpanExclusion().Match(lines[i]);
            if (!exclusion.Success)
            {
                continue;
            }

            var reason = TokenAndReason().Match(lines[i - 1]);
            reason.Success.Should().BeTrue($"line {i} of {ConfigPath} must follow a comment '// <token>: <reason>'");
            var source = File.ReadAllText(Repo.PathOf($"src/RubricEngine/{exclusion.Groups["file"].Value}"));
            var start = int.Parse(exclusion.Groups["start"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var end = int.Parse(exclusion.Groups["end"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var at = end <= source.Length ? source[start..end] : "(past the end of the file)";
            if (reason.Groups["code"].Success)
            {
                // Code that spans lines is named on one: compare with line breaks and indentation read as one space.
                Whitespace().Replace(at, " ").Should().Be(reason.Groups["code"].Value,
                    $"the span {{{start}..{end}}} of {exclusion.Groups["file"].Value} must still be the excluded code");
            }
            else
            {
                at.Should().Be(reason.Groups["token"].Value,
                    $"the span {{{start}..{end}}} of {exclusion.Groups["file"].Value} must still be the excluded token (at {source.IndexOf(reason.Groups["token"].Value, StringComparison.Ordinal)} now)");
            }

            checkedSpans++;
        }

        checkedSpans.Should().BePositive();
    }
}
