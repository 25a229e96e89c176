using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Tests.Support;

/// <summary>Scores evidence text against a rubric, for tests that care about one value.</summary>
internal static class EvidenceText
{
    public static Rubric Compile(string rubricText)
    {
        Rubric.TryLoadText(rubricText, "test.yaml", out var rubric, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return rubric!;
    }

    /// <summary>Scores <c>lines: {{ only: {{ k: value }} }}</c> against a one-rule rubric.</summary>
    public static ScoreCard ScoreOne(string rule, string value, decimal points = 4, string extra = "", string rounding = "half_away_from_zero")
    {
        var rubric = Compile(RubricText.OneRule(rule, points, extra, rounding));
        rubric.TryScoreText(OneLine(value), "e.yaml", out var card, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return card!;
    }

    public static string OneLine(string value, string rubricId = "test") => $"""
        rubric: {rubricId}
        unit: 测试村
        lines:
          only: {"{"} k: {value} {"}"}
        """;

    public static ImmutableArray<Diagnostic> Errors(Rubric rubric, string text, string file = "e.yaml")
    {
        rubric.TryScoreText(text, file, out var card, out var diagnostics).Should().BeFalse();
        card.Should().BeNull("a file with errors scores nothing");
        return diagnostics;
    }
}
