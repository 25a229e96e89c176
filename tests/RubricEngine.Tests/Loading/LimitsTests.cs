using RubricEngine.Diagnostics;
using RubricEngine.Parsing;
using RubricEngine.Syntax;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Loading;

/// <summary>
/// Hostile files become diagnostics, never a StackOverflowException or an OutOfMemoryException. (No timing
/// thresholds here: a hang would show as a test that never ends; speed is measured in the benchmarks.)
/// </summary>
public sealed class LimitsTests
{
    [Test]
    public void A_fifty_megabyte_file_is_refused_by_its_size()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rubric-huge-{Guid.NewGuid():N}.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        try
        {
            Rubric.TryLoad(path, out _, out var diagnostics).Should().BeFalse();
            diagnostics.Single().Code.Should().Be(DiagnosticCodes.FileTooLarge);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Fifty_megabytes_of_text_passed_in_memory_are_refused_by_their_size()
    {
        var text = "id: " + new string('x', 50 * 1024 * 1024);
        Rubric.TryLoadText(text, "big.yaml", out _, out var diagnostics).Should().BeFalse();
        diagnostics.Single().ToString().Should().Be("big.yaml(1,1): error RE0002: the file has 52428804 bytes, more than the limit of 4194304 bytes");
    }

    [Test]
    public void Evidence_text_passed_in_memory_obeys_the_same_size_limit()
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule("present(4)"));
        var text = "unit: " + new string('村', 2 * 1024 * 1024); // 3 bytes each in UTF-8: 6 MiB
        EvidenceText.Errors(rubric, text).Single().ToString().Should().Be("e.yaml(1,1): error RE0002: the file has 6291462 bytes, more than the limit of 4194304 bytes");
    }

    [Test]
    public void A_ten_thousand_character_rule_is_refused_by_its_length()
    {
        var rule = "monthly(1.5)" + string.Concat(Enumerable.Repeat(" cap 1", 2000));
        var diagnostics = Repo.RubricErrors(RubricText.OneRule(rule));
        diagnostics.Single().ToString().Should().Be($"test.yaml({RubricText.RuleLine},{RubricText.RuleColumn}): error RE0007: the rule has 12012 characters, more than the limit of 200");
    }

    [Test]
    public void Ten_thousand_nested_parentheses_stop_at_the_second_one_even_without_a_length_limit()
    {
        var text = "monthly" + new string('(', 10_000) + "1" + new string(')', 10_000);
        var diagnostics = new List<Diagnostic>();
        RuleParser.Parse(new RuleSource(text, new SourceSpan("r.yaml", 1, 1), true), new LoadLimits { MaxRuleLength = 100_000 }, diagnostics).Should().BeNull();
        diagnostics.Single().ToString().Should().Be("r.yaml(1,9): error RE0100: unexpected '('; expected a number or ')'");
    }

    [Test]
    public void A_long_chain_of_modifiers_parses_without_recursion()
    {
        // The worst case for a backtracking grammar: many terms that share prefixes (cap/capped, a call/a name).
        var text = "monthly(1)" + string.Concat(Enumerable.Repeat(" cap 1 capped max_per_item floor 0", 20_000)) + " x(";
        var diagnostics = new List<Diagnostic>();
        RuleParser.Parse(new RuleSource(text, new SourceSpan("r.yaml", 1, 1), true), new LoadLimits { MaxRuleLength = 1_000_000 }, diagnostics).Should().BeNull();
        diagnostics.Single().Message.Should().Be("unexpected end of the rule; expected a number or ')'");
    }

    [Test]
    public void Too_many_lines_stop_at_the_line_limit()
    {
        var limits = new LoadLimits { MaxLines = 5 };
        var rubric = Repo.Read("rubrics/village.yaml");
        Rubric.TryLoadText(rubric, "rubrics/village.yaml", out _, out var diagnostics, limits).Should().BeFalse();
        diagnostics.Where(d => d.IsError).Select(d => d.ToString()).Should().Equal(
            "rubrics/village.yaml(16,3): error RE0007: 'sections' has 7 entries, more than the limit of 5",
            "rubrics/village.yaml(24,3): error RE0007: 'lines' has 12 entries, more than the limit of 5");
    }

    [Test]
    public void Too_many_criteria_stop_at_the_criteria_limit()
    {
        var limits = new LoadLimits { MaxCriteria = 3 };
        Rubric.TryLoadText(Repo.Read("rubrics/village.yaml"), "rubrics/village.yaml", out _, out var diagnostics, limits).Should().BeFalse();
        diagnostics.Where(d => d.IsError).Should().ContainSingle().Which.Message.Should().Be("the rubric has more than 3 criteria, the limit");
    }

    [Test]
    public void A_long_evidence_list_stops_at_the_list_limit()
    {
        var months = string.Join(", ", Enumerable.Repeat("1", 10_001));
        var text = $"rubric: village\nunit: x\nlines:\n  lectures: {{ lecture_team: true, lecture_months: [{months}] }}\n";
        EvidenceText.Errors(Repo.Rubric("village"), text).Single().ToString()
            .Should().Be("e.yaml(4,51): error RE0007: 'lectures.lecture_months' has 10001 entries, more than the limit of 10000");
    }

    [Test]
    public void Limits_are_configurable_and_travel_with_the_rubric()
    {
        var limits = new LoadLimits { MaxListItems = 3 };
        Rubric.TryLoadText(Repo.Read("rubrics/village.yaml"), "rubrics/village.yaml", out var rubric, out _, limits).Should().BeTrue();
        rubric!.Limits.Should().Be(limits);
        EvidenceText.Errors(rubric, "rubric: village\nunit: x\nlines:\n  lectures: { lecture_months: [1, 2, 3, 4] }\n").Single().Code
            .Should().Be(DiagnosticCodes.LimitExceeded);
    }

    [Test]
    public void Yaml_stops_at_a_thousand_levels_even_when_the_depth_limit_allows_more()
    {
        // YamlDotNet's scanner revisits every open bracket on each token: 100,000 levels took 56 s before this stop.
        var limits = new LoadLimits { MaxDepth = 100_000 };
        var text = new string('[', 100_000) + new string(']', 100_000);
        Rubric.TryLoadText(text, "deep.yaml", out _, out var diagnostics, limits).Should().BeFalse();
        diagnostics.Single().ToString().Should().Be(
            "deep.yaml(1,1001): error RE0007: the file nests deeper than 1000 levels, the most a YAML file may nest whatever the limits; nest less, or write the data as JSON");
    }

    [Test]
    public void Json_nests_as_deep_as_a_raised_limit_allows()
    {
        var limits = new LoadLimits { MaxDepth = 100_000 };
        var text = new string('[', 100_000) + new string(']', 100_000);
        Rubric.TryLoadText(text, "deep.json", out _, out var diagnostics, limits).Should().BeFalse();
        diagnostics.Single().ToString().Should().Be("deep.json(1,1): error RE0012: a rubric file must be a mapping of keys to values, not a list");
    }

    [Test]
    public void Ten_thousand_criteria_with_an_error_each_report_every_error()
    {
        // Each stage once counted every error so far for each criterion: quadratic in the number of errors.
        var rubric = new System.Text.StringBuilder("id: big\ntitle: t\nsource: s\ntotal: 10000\nsections: [{ name: s, points: 10000 }]\nlines:\n");
        for (var i = 0; i < 1_000; i++)
        {
            rubric.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - {{ id: l{i}, section: s, content: c, points: 10, check: c, standard: s, criteria: [\n");
            for (var j = 0; j < 10; j++)
            {
                rubric.Append(System.Globalization.CultureInfo.InvariantCulture, $"      {{ key: k{j}, label: x, points: 1, rule: presnt(1) }},\n");
            }

            rubric.Append("    ]}\n");
        }

        Rubric.TryLoadText(rubric.ToString(), "big.yaml", out _, out var diagnostics).Should().BeFalse();
        diagnostics.Should().HaveCount(10_000).And.OnlyContain(d => d.Message == "unknown function 'presnt'; did you mean 'present'?");
    }
}
