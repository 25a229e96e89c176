using RubricEngine.Diagnostics;
using RubricEngine.Loading;

namespace RubricEngine.Tests.Evidence;

/// <summary>
/// A percentage is written with its sign, as the documents write it (76%, 76.5%): the one reader for evidence and
/// rubric data. A bare number is refused with the fix, since 76 and 0.76 are both read as "76%" by someone.
/// </summary>
public sealed class PercentTextTests
{
    private static readonly SourceSpan At = new("e.yaml", 3, 7);

    [TestCase("76%", "0.76")]      // 76 ÷ 100
    [TestCase("76.5%", "0.765")]   // 76.5 ÷ 100
    [TestCase("76.50%", "0.765")]  // the scale is normalised: 0.7650 → 0.765
    [TestCase("0%", "0")]
    [TestCase("100%", "1")]
    [TestCase("1000%", "10")]      // the top of the evidence range, 1000 ÷ 100
    [TestCase("-5%", "-0.05")]     // read, so that the range check can name it
    public void A_number_with_its_sign_is_a_ratio(string text, string ratio)
    {
        PercentText.TryParse(text, out var value).Should().BeTrue();
        value.Should().Be(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture));
        value.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(ratio, "the scale is normalised");
    }

    [TestCase("76")]
    [TestCase("0.76")]
    [TestCase("%")]
    [TestCase("76 %")]
    [TestCase("76%%")]
    [TestCase("7.6.5%")]
    [TestCase("1e2%")]
    [TestCase("７６%")]
    [TestCase("")]
    public void Anything_else_is_not_a_percentage(string text)
    {
        PercentText.TryParse(text, out _).Should().BeFalse();
    }

    [TestCase(0.765, "76.5%")]
    [TestCase(0.8, "80%")]
    [TestCase(0, "0%")]
    [TestCase(10, "1000%")]
    public void A_ratio_prints_as_its_exact_percentage(decimal ratio, string text)
    {
        PercentText.Format(ratio).Should().Be(text);
    }

    [TestCase("76%", false, "0.76")]
    [TestCase("76.5%", true, "0.765")] // JSON writes "76.5%"
    public void The_tree_reader_reads_plain_and_quoted_percentages(string text, bool quoted, string ratio)
    {
        var kind = quoted ? ScalarKind.Quoted : ScalarKind.Plain;
        var diagnostics = new List<Diagnostic>();
        Values.Percent(new ScalarNode(text, kind, At, At, true), MessageText.Quoted("x.rate"), diagnostics)
            .Should().Be(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture));
        diagnostics.Should().BeEmpty();
    }

    [TestCase("76", "'x.rate' is a percentage: write 76% (with the % sign), not 76")]
    [TestCase("0.76", "'x.rate' is a percentage: write 0.76% (with the % sign), not 0.76; if 0.76 is a share of the whole, write 76%")]
    [TestCase("0", "'x.rate' is a percentage: write 0% (with the % sign), not 0")]
    [TestCase("1", "'x.rate' is a percentage: write 1% (with the % sign), not 1")]
    [TestCase("many", "'x.rate' must be a percentage with its % sign, such as 76.5%, not 'many'")]
    [TestCase("76％", "'x.rate' must be a percentage with its % sign, such as 76.5%, not '76％'; it contains the full-width '％' (U+FF05): write '%'")]
    public void Anything_but_a_percentage_is_refused_with_the_fix(string text, string message)
    {
        var diagnostics = new List<Diagnostic>();
        Values.Percent(new ScalarNode(text, ScalarKind.Plain, At, At, true), MessageText.Quoted("x.rate"), diagnostics).Should().BeNull();
        var error = diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.WrongType);
        error.Span.Should().Be(At);
        error.Message.Should().Be(message);
    }

    [Test]
    public void A_list_is_not_a_percentage()
    {
        var diagnostics = new List<Diagnostic>();
        Values.Percent(new SequenceNode([], At), MessageText.Quoted("x.rate"), diagnostics).Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Message.Should().Be("'x.rate' must be a percentage with its % sign, such as 76.5%, not a list");
    }

    [Test]
    public void The_refusal_speaks_chinese_too()
    {
        var diagnostics = new List<Diagnostic>();
        Values.Percent(new ScalarNode("76", ScalarKind.Plain, At, At, true), MessageText.Quoted("x.rate"), diagnostics);
        diagnostics.Single().Text!.Format(System.Globalization.CultureInfo.GetCultureInfo("zh-Hans"))
            .Should().Be("'x.rate'是百分比：请写作 76%（带 % 号），而不是 76");
    }
}
