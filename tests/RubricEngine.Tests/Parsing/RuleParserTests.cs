using RubricEngine.Diagnostics;
using RubricEngine.Parsing;
using RubricEngine.Syntax;

namespace RubricEngine.Tests.Parsing;

public sealed class RuleParserTests
{
    /// <summary>Rules sit at line 3, column 10 of a pretend rubric file, so positions must be shifted by the scalar's place.</summary>
    private static readonly SourceSpan RuleStart = new("r.yaml", 3, 10);

    private static (RuleSyntax? Rule, List<Diagnostic> Diagnostics) Parse(string text, LoadLimits? limits = null)
    {
        var diagnostics = new List<Diagnostic>();
        var rule = RuleParser.Parse(new RuleSource(text, RuleStart, IsSingleLine: true), limits ?? LoadLimits.Default, diagnostics);
        return (rule, diagnostics);
    }

    private static RuleSyntax Valid(string text)
    {
        var (rule, diagnostics) = Parse(text);
        diagnostics.Should().BeEmpty();
        return rule!;
    }

    [TestCase("monthly(1.5) cap 18", "monthly(1.5) cap 18")]
    [TestCase("per_missing(-0.5) floor 0", "per_missing(-0.5) floor 0")]
    [TestCase("uncapped tiered(1,2,3,5) max_per_item", "uncapped tiered(1, 2, 3, 5) max_per_item")]
    [TestCase("present(2)", "present(2)")]
    [TestCase("present(10) bonus", "present(10) bonus")]
    [TestCase("all_or_nothing(8)", "all_or_nothing(8)")]
    [TestCase("quarterly(3)", "quarterly(3)")]
    [TestCase("monthly_share(4)", "monthly_share(4)")]
    [TestCase("per_item(0.6) cap 6", "per_item(0.6) cap 6")]
    [TestCase("ratio(4, 30%)", "ratio(4, 30%)")]
    [TestCase("judged(0, 8)", "judged(0, 8)")]
    [TestCase("deduction()", "deduction()")]
    [TestCase("  monthly ( 1.5 )   cap   18  ", "monthly(1.5) cap 18")]
    [TestCase("monthly(1.5)\tcap\t18", "monthly(1.5) cap 18")]
    [TestCase("monthly(1.50)", "monthly(1.50)")]
    [TestCase("Future_Fn2(0, -1, 2.25)", "Future_Fn2(0, -1, 2.25)")]
    public void Valid_rules_parse_and_print_canonically(string text, string canonical)
    {
        Valid(text).ToString().Should().Be(canonical);
    }

    [TestCase("monthly(1.5) cap 18")]
    [TestCase("uncapped tiered(1,2,3,5) max_per_item")]
    [TestCase("ratio(4, 30%) floor 0.25")]
    [TestCase("per_missing(-0.5) floor 0")]
    [TestCase("deduction()")]
    public void Printing_then_parsing_gives_the_same_rule(string text)
    {
        var first = Valid(text);
        var second = Valid(first.ToString());
        second.ToString().Should().Be(first.ToString());
        second.Call.Name.Text.Should().Be(first.Call.Name.Text);
        second.Call.Arguments.Select(a => a.Value).Should().Equal(first.Call.Arguments.Select(a => a.Value));
        second.Modifiers.Select(m => (m.Name.Text, m.Argument?.Value)).Should().Equal(first.Modifiers.Select(m => (m.Name.Text, m.Argument?.Value)));
        second.Prefixes.Select(m => m.Name.Text).Should().Equal(first.Prefixes.Select(m => m.Name.Text));
    }

    [Test]
    public void Every_node_has_its_span()
    {
        var rule = Valid("uncapped tiered(1, 2) max_per_item");
        rule.Prefixes.Single().Span.Should().Be(new TextSpan(0, 8));
        rule.Call.Span.Should().Be(new TextSpan(9, 12));
        rule.Call.Name.Span.Should().Be(new TextSpan(9, 6));
        rule.Call.Arguments.Select(a => a.Span).Should().Equal(new TextSpan(16, 1), new TextSpan(19, 1));
        rule.Modifiers.Single().Span.Should().Be(new TextSpan(22, 12));
    }

    [Test]
    public void A_modifier_span_covers_its_number()
    {
        var rule = Valid("monthly(1.5) cap 18");
        rule.Modifiers.Single().Span.Should().Be(new TextSpan(13, 6));
        rule.Modifiers.Single().Argument!.Span.Should().Be(new TextSpan(17, 2));
    }

    [Test]
    public void A_percentage_keeps_what_was_written_and_means_the_fraction()
    {
        var target = Valid("ratio(4, 30%)").Call.Arguments[1];
        target.Literal.Should().Be(30m);
        target.IsPercent.Should().BeTrue();
        target.Value.Should().Be(0.30m);
    }

    [Test]
    public void Numbers_are_read_in_the_invariant_culture_whatever_the_current_one()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Valid("monthly(1.5)").Call.Arguments.Single().Value.Should().Be(1.5m);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Test]
    public void The_comma_in_monthly_1_5_is_an_argument_separator_the_binder_explains()
    {
        Valid("monthly(1,5)").Call.Arguments.Select(a => a.Value).Should().Equal(1m, 5m);
    }

    // Syntax errors: the message says what was found and what was expected, at the rubric-file position.
    [TestCase("monthly(1.5", 21, "RE0100", "unexpected end of the rule; expected ',' or ')'")]
    [TestCase("monthly(1.5 cap 18", 22, "RE0100", "unexpected 'c'; expected ',' or ')'")]
    [TestCase("monthly(, 1)", 18, "RE0100", "unexpected ','; expected a number or ')'")]
    [TestCase("monthly(1,)", 20, "RE0100", "unexpected ')'; expected a number")]
    [TestCase("monthly(1.)", 20, "RE0100", "unexpected ')'; expected a digit")]
    [TestCase("monthly(-)", 19, "RE0100", "unexpected ')'; expected a digit")]
    [TestCase("monthly(a)", 18, "RE0100", "unexpected 'a'; expected a number or ')'")]
    [TestCase("monthly((1))", 18, "RE0100", "unexpected '('; expected a number or ')'")]
    [TestCase("monthly(1.5) @", 23, "RE0100", "unexpected '@'; expected a modifier or the end of the rule")]
    [TestCase("1.5 monthly", 10, "RE0100", "unexpected '1'; expected a scoring function such as present(2)")]
    [TestCase("monthly(1.5) cap 1e3", 28, "RE0100", "unexpected 'e'; expected a space or ',' after the number (1e3 is written 1000)")]
    [TestCase("monthly(1e3)", 19, "RE0100", "unexpected 'e'; expected a space or ',' after the number (1e3 is written 1000)")]
    [TestCase("monthly(99999999999999999999999999999)", 47, "RE0100", "the number 99999999999999999999999999999 is too large; expected a number of at most 28 digits")]
    public void Syntax_errors_say_what_was_expected_where(string text, int column, string code, string message)
    {
        var (rule, diagnostics) = Parse(text);
        rule.Should().BeNull();
        var diagnostic = diagnostics.Single();
        diagnostic.Code.Should().Be(code);
        diagnostic.Message.Should().Be(message);
        diagnostic.Span.Should().Be(new SourceSpan("r.yaml", 3, column));
    }

    [Test]
    public void A_rule_without_a_function_is_refused_with_a_hint()
    {
        var diagnostic = Parse("monthly").Diagnostics.Single();
        diagnostic.ToString().Should().Be("r.yaml(3,10): error RE0107: the rule has no scoring function such as monthly(1.5); if 'monthly' is a function, add its parentheses: monthly(…)");
    }

    [Test]
    public void A_modifier_alone_is_not_a_rule()
    {
        Parse("monthly(1.5) cap").Rule.Should().NotBeNull("a bare 'cap' is a modifier without its number: the binder says so");
    }

    [Test]
    public void Two_functions_in_one_rule_are_refused_at_the_second()
    {
        var diagnostic = Parse("monthly(1) monthly(1)").Diagnostics.Single();
        diagnostic.ToString().Should().Be("r.yaml(3,21): error RE0107: a rule has one scoring function, but 'monthly(…)' follows 'monthly(…)'; put the second one in a criterion of its own");
    }

    [TestCase("", "r.yaml(3,10): error RE0100: the rule is empty; write a scoring function such as present(2)")]
    [TestCase("   ", "r.yaml(3,10): error RE0100: the rule is empty; write a scoring function such as present(2)")]
    public void An_empty_rule_is_refused(string text, string expected)
    {
        Parse(text).Diagnostics.Single().ToString().Should().Be(expected);
    }

    [TestCase("monthly\uFF081.5\uFF09", 17, "unexpected character '\uFF08' (U+FF08 FULLWIDTH LEFT PARENTHESIS) in the rule; write the ASCII '('")]
    [TestCase("monthly(\uFF11.5)", 18, "unexpected character '\uFF11' (U+FF11 FULLWIDTH DIGIT ONE) in the rule; write the ASCII '1'")]
    [TestCase("monthly(1\uFF0E5)", 19, "unexpected character '\uFF0E' (U+FF0E FULLWIDTH FULL STOP) in the rule; write the ASCII '.'")]
    [TestCase("ratio(4\uFF0C 30%)", 17, "unexpected character '\uFF0C' (U+FF0C FULLWIDTH COMMA) in the rule; write the ASCII ','")]
    [TestCase("monthly(1.5)\u200B", 22, "unexpected character (U+200B ZERO WIDTH SPACE) in the rule; delete it")]
    [TestCase("monthly(1.5)\u00A0cap 18", 22, "unexpected character (U+00A0 NO-BREAK SPACE) in the rule; write ' '")]
    [TestCase("monthly(1.5)\u3000cap 18", 22, "unexpected character (U+3000 IDEOGRAPHIC SPACE) in the rule; write ' '")]
    [TestCase("per_missing(\u22120.5)", 22, "unexpected character '\u2212' (U+2212 MINUS SIGN) in the rule; write '-'")]
    [TestCase("monthly(\u00BD)", 18, "unexpected character '\u00BD' (U+00BD) in the rule; rules use ASCII letters, digits and ( ) , . - % only")]
    public void Characters_outside_ASCII_are_named_with_the_ASCII_one_to_write(string text, int column, string message)
    {
        var diagnostic = Parse(text).Diagnostics.Single();
        diagnostic.Code.Should().Be(DiagnosticCodes.RuleCharacter);
        diagnostic.Message.Should().Be(message);
        diagnostic.Span.Should().Be(new SourceSpan("r.yaml", 3, column));
    }

    [Test]
    public void A_rule_longer_than_the_limit_is_refused_before_parsing()
    {
        var diagnostic = Parse("monthly(1.5)" + new string(' ', 300) + "cap 18").Diagnostics.Single();
        diagnostic.ToString().Should().Be("r.yaml(3,10): error RE0007: the rule has 318 characters, more than the limit of 200");
    }

    [Test]
    public void Positions_in_a_multi_line_rule_fall_back_to_its_start()
    {
        var diagnostics = new List<Diagnostic>();
        RuleParser.Parse(new RuleSource("monthly(1.5\n cap 18", RuleStart, IsSingleLine: false), LoadLimits.Default, diagnostics);
        diagnostics.Single().Span.Should().Be(RuleStart);
    }
}
