using RubricEngine.Diagnostics;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Binding;

/// <summary>Every binder diagnostic, with its exact message and its position in the rubric file.</summary>
public sealed class BinderTests
{
    private static Diagnostic OnlyError(string rule, decimal points = 4, string extra = "")
    {
        var diagnostics = Repo.RubricErrors(RubricText.OneRule(rule, points, extra));
        return diagnostics.Where(d => d.IsError).Should().ContainSingle().Subject;
    }

    private static string At(int column) => $"test.yaml({RubricText.RuleLine},{RubricText.RuleColumn + column})";

    [TestCase("montly(0.5)", 0, "RE0102", "unknown function 'montly'; did you mean 'monthly'?")]
    [TestCase("presnt(2)", 0, "RE0102", "unknown function 'presnt'; did you mean 'present'?")]
    [TestCase("score(2)", 0, "RE0102", "unknown function 'score'; the functions are present, all_or_nothing, monthly, quarterly, monthly_share, per_item, per_amount, per_percent, ratio, tiered, per_missing, all_of, judged, deduction, lookup")]
    [TestCase("monthly(0.5) cpa 4", 13, "RE0103", "unknown modifier 'cpa'; did you mean 'cap'?; the modifiers for monthly(…) are cap, floor, bonus, uncapped")]
    [TestCase("monthly(0.5) max_per_item", 13, "RE0106", "'max_per_item' belongs to tiered(…), not to monthly(…)")]
    [TestCase("monthly(0.5) present", 13, "RE0103", "'present' is a function, not a modifier; a rule has one function, and a function needs its parentheses")]
    [TestCase("monthly()", 0, "RE0104", "monthly takes 1 argument (monthly(rate)), but 0 were given; for example monthly(1.5) cap 18")]
    [TestCase("judged(3)", 0, "RE0104", "judged takes 2 arguments (judged(min, max)), but 1 was given; for example judged(0, 8)")]
    [TestCase("deduction(1)", 0, "RE0104", "deduction takes 0 arguments (deduction()), but 1 was given; for example deduction()")]
    [TestCase("monthly(0,3)", 0, "RE0104", "monthly takes 1 argument (monthly(rate)), but 2 were given; if you meant the number 0.3, write '.' as the decimal point, not ','; for example monthly(1.5) cap 18")]
    [TestCase("monthly(-1)", 8, "RE0105", "monthly's rate (the points for each period) must be from 0 to 1000, not -1")]
    [TestCase("present(-2)", 8, "RE0105", "present's points (the points when present) must be from 0 to 1000, not -2")]
    [TestCase("judged(0, 2000)", 10, "RE0105", "judged's max (the highest score an inspector may give) must be from 0 to 1000, not 2000")]
    [TestCase("judged(3, 1)", 0, "RE0105", "judged(min, max) needs min ≤ max, but 3 > 1")]
    [TestCase("monthly(0.5) cap", 13, "RE0106", "'cap' needs a number, as in monthly(1.5) cap 18")]
    [TestCase("monthly(0.5) bonus 2", 19, "RE0106", "'bonus' takes no number; remove 2")]
    [TestCase("monthly(0.5) cap 4 cap 3", 19, "RE0106", "'cap' is given twice; keep one")]
    [TestCase("monthly(0.5) cap -1", 17, "RE0105", "a cap must not be negative, not -1")]
    [TestCase("uncapped monthly(0.5) cap 4", 22, "RE0106", "'uncapped' and 'cap' contradict each other; keep one")]
    [TestCase("monthly(0.5) cap 2 floor 3", 19, "RE0204", "the floor 3 is above the cap 2")]
    [TestCase("monthly(0.5) cap 6", 13, "RE0203", "the cap 6 is above the 4 points of 'k'; lower the cap, or write 'uncapped' if the standard allows more (可超出标准分)")]
    [TestCase("monthly(0.5)", 0, "RE0203", "'k' is worth 4 points, but monthly(0.5) can score up to 6; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("per_item(1)", 0, "RE0203", "'k' is worth 4 points, but per_item(1) can score without limit; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("tiered(1, 2) max_per_item", 0, "RE0203", "'k' is worth 4 points, but tiered(1, 2) can score without limit; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("uncapped tiered(1, 2, 3, 5) max_per_item", 9, "RE0208", "tiered(…) gives 4 tier(s), but the rubric has 2 levels (county, city); give one number per level, lowest first")]
    public void Rule_errors_are_reported_at_their_place_in_the_rule(string rule, int column, string code, string message)
    {
        var diagnostic = OnlyError(rule);
        diagnostic.Code.Should().Be(code);
        diagnostic.Message.Should().Be(message);
        diagnostic.Span.ToString().Should().Be(At(column));
    }

    [Test]
    public void A_bonus_criterion_must_carry_no_points()
    {
        OnlyError("present(10) bonus").ToString().Should().Be("test.yaml(18,17): error RE0209: 'k' is a bonus, outside the line's points: set 'points: 0'");
    }

    [Test]
    public void Per_missing_needs_its_items()
    {
        OnlyError("per_missing(-0.5) floor 0").ToString().Should().Be("test.yaml(16,9): error RE0209: per_missing(…) needs 'items': the list of item ids that can be missing");
    }

    [Test]
    public void Items_belong_to_per_missing_only()
    {
        OnlyError("present(4)", extra: "items: [a, b]").ToString().Should().Be("test.yaml(20,17): error RE0209: 'items' is only for per_missing(…); present(…) does not use it");
    }

    [Test]
    public void Repeated_items_are_refused()
    {
        OnlyError("per_missing(-1) floor 0", extra: "items: [a, b, a]").ToString().Should().Be("test.yaml(20,23): error RE0205: duplicate item id 'a' (first at line 20)");
    }

    [Test]
    public void Per_missing_deducts_a_negative_amount()
    {
        OnlyError("per_missing(0.5) floor 0", extra: "items: [a]").ToString().Should().Be(
            $"{At(12)}: error RE0105: per_missing's deduction (the (negative) points for each missing item) must be from -1000 to 0, not 0.5");
    }

    [Test]
    public void A_ratio_reads_two_keys()
    {
        OnlyError("ratio(4, 30%)").ToString().Should().Be("test.yaml(16,14): error RE0209: ratio(…) scores 2 evidence keys; write 'keys: [numerator, denominator]'");
    }

    [Test]
    public void A_rule_that_cannot_reach_the_line_points_is_a_warning_on_the_points()
    {
        Rubric.TryLoadText(RubricText.OneRule("present(3)", points: 5), "test.yaml", out var rubric, out var diagnostics).Should().BeTrue();
        diagnostics.Select(d => d.ToString()).Should().Equal(
            "test.yaml(12,13): warning RE0201: line 'only' is worth 5 points, but its criteria can award at most 3; check the standard, or the points");
        rubric!.Lines.Single().Maximum.Should().Be(3);
    }

    [Test]
    public void A_floor_that_cannot_be_reached_is_a_warning_on_the_floor()
    {
        Rubric.TryLoadText(RubricText.OneRule("per_missing(-0.5) floor 0", points: 5, extra: "items: [a, b, c]"), "test.yaml", out _, out var diagnostics).Should().BeTrue();
        diagnostics.Select(d => d.ToString()).Should().Equal(
            $"{At(18)}: warning RE0202: the floor 0 is never reached: with all 3 items missing, 'k' still scores 3.5; check the standard");
    }

    [Test]
    public void Uncapped_rules_have_no_maximum_and_no_warning()
    {
        Rubric.TryLoadText(RubricText.OneRule("uncapped tiered(1, 2) max_per_item"), "test.yaml", out var rubric, out var diagnostics).Should().BeTrue();
        diagnostics.Should().BeEmpty();
        rubric!.Lines.Single().Maximum.Should().BeNull();
    }

    [Test]
    public void The_shipped_rubrics_report_exactly_the_catalogues_four_inconsistencies()
    {
        var warnings = new[] { "platform", "town", "village" }
            .SelectMany(id =>
            {
                Rubric.TryLoadText(Repo.Read($"rubrics/{id}.yaml"), $"rubrics/{id}.yaml", out _, out var diagnostics).Should().BeTrue();
                return diagnostics;
            })
            .Select(d => (d.Span.File, d.Code, d.Message))
            .ToList();

        warnings.Should().Equal(
            ("rubrics/platform.yaml", "RE0201", "line 'theme' is worth 5 points, but its criteria can award at most 3; check the standard, or the points"),
            ("rubrics/platform.yaml", "RE0201", "line 'activities' is worth 24 points, but its criteria can award at most 18; check the standard, or the points"),
            ("rubrics/platform.yaml", "RE0202", "the floor 0 is never reached: with all 5 items missing, 'platform_archive_missing' still scores 2.5; check the standard"),
            ("rubrics/platform.yaml", "RE0202", "the floor 0 is never reached: with all 6 items missing, 'unit_archive_missing' still scores 2; check the standard"),
            ("rubrics/village.yaml", "RE0201", "line 'venue' is worth 6 points, but its criteria can award at most 4; check the standard, or the points"));
    }

    [Test]
    public void Every_line_gets_its_maximum_achievable_score()
    {
        Repo.Rubric("platform").Lines.Select(l => (l.Id, l.Maximum)).Should().Equal(
            ("organization", 8m), ("venue", 8m), ("venue_online", 4m), ("team", 5m), ("rules", 4m), ("theme", 3m),
            ("activity_plan", 4m), ("activities", 18m), ("publicity", (decimal?)null), ("monthly_reports", 6m), ("innovation", 12m), ("archives", 10m));
    }
}
