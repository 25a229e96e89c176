using System.Text.RegularExpressions;
using RubricEngine.Binding;
using RubricEngine.Binding.Functions;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Binding;

/// <summary>
/// What the function catalogue tells a rubric author: each function's signature, parameter names and meanings, ranges and
/// example, as they appear in RE0104/RE0105/RE0106/RE0203/RE0208 messages (asserted whole), and in the DSL reference.
/// </summary>
public sealed class CatalogueMessageTests
{
    private static string OnlyError(string rubricText)
    {
        var errors = Repo.RubricErrors(rubricText).Where(d => d.IsError).ToList();
        errors.Should().ContainSingle(string.Join(Environment.NewLine, errors));
        return $"{errors[0].Code}: {errors[0].Message}";
    }

    [TestCase("present()", "RE0104: present takes 1 argument (present(points)), but 0 were given; for example present(2)")]
    [TestCase("all_or_nothing()", "RE0104: all_or_nothing takes 1 argument (all_or_nothing(points)), but 0 were given; for example all_or_nothing(4)")]
    [TestCase("quarterly(1, 2, 3)", "RE0104: quarterly takes 1 argument (quarterly(rate)), but 3 were given; for example quarterly(3)")]
    [TestCase("monthly_share()", "RE0104: monthly_share takes 1 argument (monthly_share(points)), but 0 were given; for example monthly_share(4)")]
    [TestCase("per_item() cap 4", "RE0104: per_item takes 1 argument (per_item(rate)), but 0 were given; for example per_item(0.6) cap 6")]
    [TestCase("judged(0, 1, 2, 3)", "RE0104: judged takes 2 arguments (judged(min, max)), but 4 were given; for example judged(0, 8)")]
    [TestCase("monthly_share(-1)", "RE0105: monthly_share's points (the points for all 12 months) must be from 0 to 1000, not -1")]
    [TestCase("quarterly(1001)", "RE0105: quarterly's rate (the points for each period) must be from 0 to 1000, not 1001")]
    [TestCase("all_or_nothing(-1)", "RE0105: all_or_nothing's points (the points when present) must be from 0 to 1000, not -1")]
    [TestCase("per_item(-1001)", "RE0105: per_item's rate (the points for each item, negative to deduct) must be from -1000 to 1000, not -1001")]
    [TestCase("per_item(1000.5) cap 4", "RE0105: per_item's rate (the points for each item, negative to deduct) must be from -1000 to 1000, not 1000.5")]
    [TestCase("per_amount(-1000.01)", "RE0105: per_amount's rate (the points for each unit of the amount, negative to deduct) must be from -1000 to 1000, not -1000.01")]
    [TestCase("per_percent(1001) cap 4", "RE0105: per_percent's rate (the points for each percentage point, negative to deduct) must be from -1000 to 1000, not 1001")]
    [TestCase("uncapped tiered(1, -2)", "RE0105: tiered's points (the points for a publication at that level) must be from 0 to 1000, not -2")]
    [TestCase("judged(-1, 3)", "RE0105: judged's min (the lowest score an inspector may give) must be from 0 to 1000, not -1")]
    [TestCase("judged(0, 1000.5)", "RE0105: judged's max (the highest score an inspector may give) must be from 0 to 1000, not 1000.5")]
    [TestCase("judged(3.5, 3)", "RE0105: judged(min, max) needs min ≤ max, but 3.5 > 3")]
    [TestCase("uncapped 2 tiered(1, 2)", "RE0106: 'uncapped' takes no number; remove 2")]
    [TestCase("quarterly(2)", "RE0203: 'k' is worth 4 points, but quarterly(2) can score up to 8; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("monthly_share(5)", "RE0203: 'k' is worth 4 points, but monthly_share(5) can score up to 5; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("present(5)", "RE0203: 'k' is worth 4 points, but present(5) can score up to 5; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("all_or_nothing(5)", "RE0203: 'k' is worth 4 points, but all_or_nothing(5) can score up to 5; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("judged(0, 5)", "RE0203: 'k' is worth 4 points, but judged(0, 5) can score up to 5; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("uncapped tiered()", "RE0208: tiered(…) gives 0 tier(s), but the rubric has 2 levels (county, city); give one number per level, lowest first")]
    public void A_rule_error_names_the_functions_parameters(string rule, string expected) =>
        OnlyError(RubricText.OneRule(rule)).Should().Be(expected);

    [TestCase("ratio(4)", "RE0104: ratio takes 2 arguments (ratio(points, target)), but 1 was given; for example ratio(4, 30%)")]
    [TestCase("ratio(-1, 30%)", "RE0105: ratio's points (the points at or above the target) must be from 0 to 1000, not -1")]
    [TestCase("ratio(4, 0)", "RE0105: ratio's target (the target ratio, e.g. 30%) must be from 0.0001 to 1, not 0")]
    [TestCase("ratio(4, 0.00001)", "RE0105: ratio's target (the target ratio, e.g. 30%) must be from 0.0001 to 1, not 0.00001")]
    [TestCase("ratio(5, 30%)", "RE0203: 'n' is worth 4 points, but ratio(5, 30%) can score up to 5; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    public void A_ratio_error_names_its_parameters(string rule, string expected) =>
        OnlyError(RubricText.OneRatio(rule)).Should().Be(expected);

    [Test]
    public void A_ratio_target_of_exactly_100_percent_and_of_the_smallest_step_are_accepted()
    {
        Rubric.TryLoadText(RubricText.OneRatio("ratio(4, 100%)"), "test.yaml", out _, out var whole).Should().BeTrue();
        whole.Should().BeEmpty();
        Rubric.TryLoadText(RubricText.OneRatio("ratio(4, 0.01%)"), "test.yaml", out _, out var smallest).Should().BeTrue();
        smallest.Should().BeEmpty();
    }

    [Test]
    public void Per_missing_names_its_parameter()
    {
        OnlyError(RubricText.OneRule("per_missing() floor 0", extra: "items: [a]")).Should().Be(
            "RE0104: per_missing takes 1 argument (per_missing(deduction)), but 0 were given; for example per_missing(-0.5) floor 0");
        OnlyError(RubricText.OneRule("per_missing(-0.5) floor", extra: "items: [a]")).Should().Be(
            "RE0106: 'floor' needs a number, as in per_missing(-0.5) floor 0");
    }

    [Test]
    public void Tiered_needs_the_rubrics_levels()
    {
        var withoutLevels = RubricText.OneRule("uncapped tiered(1, 2)").Replace("levels: [{ id: county, label: 县级 }, { id: city, label: 市级 }]\n", "", StringComparison.Ordinal);
        OnlyError(withoutLevels).Should().Be("RE0208: tiered(…) needs the rubric's 'levels'; declare them at the top of the file");
    }

    [Test]
    public void The_compiled_rubric_describes_each_line_as_written()
    {
        Rubric.TryLoadText(RubricText.OneRatio("ratio(4, 30%)"), "test.yaml", out var rubric, out _).Should().BeTrue();
        var line = rubric!.Lines.Single();

        (line.Id, line.Section, line.Content, line.Points, line.Maximum, line.Check, line.Standard)
            .Should().Be(("only", "测试", "内容", 4m, 4m, "查看", "标准"));
        var criterion = line.Criteria.Single();
        criterion.Keys.Should().Equal("n", "d");
        (criterion.Label, criterion.Points, criterion.Rule, criterion.IsBonus).Should().Be(("标签", 4m, "ratio(4, 30%)", false));
    }

    [Test]
    public void A_per_missing_criterion_is_described_with_its_items()
    {
        Rubric.TryLoadText(RubricText.OneRule("per_missing(-1) floor 0", extra: "items: [a, b]"), "test.yaml", out var rubric, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        var criterion = rubric!.Lines.Single().Criteria.Single();

        criterion.Items.Should().Equal("a", "b");
        var field = criterion.Fields.Should().ContainSingle().Subject;
        (field.Key, field.Kind, field.Description).Should().Be(("k", EvidenceValueKind.ItemIds, "a list of ids among a, b"));
        field.Allowed.Should().Equal("a", "b");
    }

    [Test]
    public void A_ratio_criterion_is_described_with_its_two_counts()
    {
        Rubric.TryLoadText(RubricText.OneRatio("ratio(4, 30%)"), "test.yaml", out var rubric, out _).Should().BeTrue();

        rubric!.Lines.Single().Criteria.Single().Fields.Select(f => (f.Key, f.Kind, f.Min, f.Max)).Should().Equal(
            ("n", EvidenceValueKind.Count, 0m, (decimal?)1_000_000m),
            ("d", EvidenceValueKind.Count, 1m, (decimal?)1_000_000m));
    }

    [TestCase("present(4)", "", EvidenceValueKind.Flag, "true or false")]
    [TestCase("monthly_share(4)", "", EvidenceValueKind.Months, "a list of months (1 to 12), e.g. [1, 2, 3]")]
    [TestCase("quarterly(1)", "", EvidenceValueKind.Quarters, "a list of quarters (1 to 4), e.g. [1, 3]")]
    [TestCase("per_item(1) cap 4", "", EvidenceValueKind.Count, "a whole number from 0 to 1000000")]
    [TestCase("judged(0.5, 4)", "", EvidenceValueKind.Amount, "a number from 0.5 to 4")]
    [TestCase("uncapped tiered(1, 2)", "", EvidenceValueKind.Publications, "a list of publications such as { item: tea-lecture, level: county }")]
    [TestCase("per_missing(-1) floor 0", "items: [a, b]", EvidenceValueKind.ItemIds, "a list of ids among a, b")]
    public void Each_function_describes_the_evidence_it_reads(string rule, string extra, EvidenceValueKind kind, string description)
    {
        Rubric.TryLoadText(RubricText.OneRule(rule, extra: extra), "test.yaml", out var rubric, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        var field = rubric!.Lines.Single().Criteria.Single().Fields.Should().ContainSingle().Subject;
        (field.Key, field.Kind, field.Description).Should().Be(("k", kind, description));
    }

    [Test]
    public void A_bonus_criterion_is_described_as_a_bonus()
    {
        Rubric.TryLoadText(RubricText.OneRule("present(2) bonus", points: 0), "test.yaml", out var rubric, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        rubric!.Lines.Single().Criteria.Single().IsBonus.Should().BeTrue();
    }

    /// <summary>
    /// The DSL reference (the README, or a page under docs/) has one table row per function and per modifier; each row
    /// must show the catalogue's own signature, example and phrase, so the reference and the engine cannot drift apart.
    /// </summary>
    [Test]
    public void The_reference_documents_every_function_and_modifier_as_the_catalogue_declares_it()
    {
        var reference = new[] { Repo.PathOf("README.md") }
            .Concat(Directory.Exists(Repo.PathOf("docs")) ? Directory.GetFiles(Repo.PathOf("docs"), "*.md", SearchOption.AllDirectories) : [])
            .SelectMany(File.ReadLines)
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .ToList();

        foreach (var function in FunctionCatalogue.All)
        {
            reference.Should().Contain(
                row => row.StartsWith($"| `{function.Signature}` |", StringComparison.Ordinal)
                    && row.Contains($"| `{function.Example}` |", StringComparison.Ordinal)
                    && row.EndsWith($"| {function.Phrase} |", StringComparison.Ordinal),
                $"the reference should document {function.Signature} with its example and phrase");
        }

        foreach (var modifier in Modifiers.All.Concat(Modifiers.Options))
        {
            var shown = modifier.TakesNumber ? $"{modifier.Name} N" : modifier.Name;
            reference.Should().Contain(
                row => Regex.IsMatch(row, $"^\\| `{Regex.Escape(shown)}` \\| .+ \\| {Regex.Escape(modifier.Meaning)} \\| `{Regex.Escape(modifier.Example)}` \\|$"),
                $"the reference should document '{modifier.Name}' with its meaning and example");
        }
    }
}
