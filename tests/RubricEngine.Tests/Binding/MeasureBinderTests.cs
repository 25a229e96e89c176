using System.Globalization;
using RubricEngine.Diagnostics;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Binding;

/// <summary>
/// Every diagnostic of the measure functions (per_item, per_amount, per_percent with of, over, per, per_started),
/// all_of, a criterion's unit and its own levels: exact message, code and position in the rubric file.
/// </summary>
public sealed class MeasureBinderTests
{
    private static Diagnostic OnlyError(string rule, decimal points = 4, string extra = "")
    {
        var diagnostics = Repo.RubricErrors(RubricText.OneRule(rule, points, extra));
        return diagnostics.Where(d => d.IsError).Should().ContainSingle(string.Join("\n", diagnostics)).Subject;
    }

    private static IReadOnlyList<Diagnostic> Loaded(string rule, decimal points = 4, string extra = "")
    {
        Rubric.TryLoadText(RubricText.OneRule(rule, points, extra), "test.yaml", out _, out var diagnostics)
            .Should().BeTrue(string.Join("\n", diagnostics));
        return diagnostics;
    }

    private static string At(int column) => $"test.yaml({RubricText.RuleLine},{RubricText.RuleColumn + column})";

    [TestCase("per_item(0.5) of 3 over 2 cap 4", 19, "RE0106",
        "'over' cannot stand with 'of': a rule measures either the shortfall below a quota (of) or the excess above a threshold (over); keep one")]
    [TestCase("per_item(0.5) over 2 of 3 cap 4", 21, "RE0106",
        "'of' cannot stand with 'over': a rule measures either the shortfall below a quota (of) or the excess above a threshold (over); keep one")]
    [TestCase("per_percent(-0.5) of 100% per 5% per_started 5% floor 0", 33, "RE0106",
        "'per_started' cannot stand with 'per': steps count either when completed (per) or when started (per_started); keep one")]
    [TestCase("per_item(0.5) of 3 of 4 cap 4", 19, "RE0106", "'of' is given twice; keep one")]
    [TestCase("per_item(0.5) of cap 4", 14, "RE0106", "'of' needs a number, as in per_item(-0.5) of 10 floor 0")]
    [TestCase("per_amount(0.5) per cap 4", 16, "RE0106", "'per' needs a number, as in per_percent(-0.5) of 100% per 5% floor 0")]
    [TestCase("present(2) of 3", 11, "RE0106", "'of' belongs to per_item(…), per_amount(…), per_percent(…), not to present(…)")]
    [TestCase("judged(0, 4) per_started 2", 13, "RE0106", "'per_started' belongs to per_item(…), per_amount(…), per_percent(…), not to judged(…)")]
    [TestCase("per_item(1) max_per_item cap 4", 12, "RE0106", "'max_per_item' belongs to tiered(…), not to per_item(…)")]
    [TestCase("per_percent(-1) of 80 floor 0", 19, "RE0105", "per_percent(…) measures percentages: write 'of 80%', not 'of 80'")]
    [TestCase("per_percent(-0.5) of 100% per 5 floor 0", 30, "RE0105", "per_percent(…) measures percentages: write 'per 5%', not 'per 5'")]
    [TestCase("per_item(-0.5) of 10% floor 0", 18, "RE0105", "per_item(…) measures a number, not a percentage: write 'of 10', not 'of 10%'")]
    [TestCase("per_amount(1) over 5% cap 4", 19, "RE0105", "per_amount(…) measures a number, not a percentage: write 'over 5', not 'over 5%'")]
    [TestCase("per_item(-0.5) of 0 floor 0", 18, "RE0105", "per_item(…)'s 'of' (the quota; the measure is the shortfall below it) must be from 1 to 1000000, not 0")]
    [TestCase("per_item(-0.5) of 1000001 floor 0", 18, "RE0105", "per_item(…)'s 'of' (the quota; the measure is the shortfall below it) must be from 1 to 1000000, not 1000001")]
    [TestCase("per_item(0.5) over -1 cap 4", 19, "RE0105", "per_item(…)'s 'over' (the threshold; the measure is the excess above it) must be from 0 to 1000000, not -1")]
    [TestCase("per_item(0.5) per 0 cap 4", 18, "RE0105", "per_item(…)'s 'per' (the step; only completed steps count) must be from 1 to 1000000, not 0")]
    [TestCase("per_item(-0.5) of 2.5 floor 0", 18, "RE0105", "per_item(…)'s 'of' counts things: it must be a whole number, not 2.5")]
    [TestCase("per_item(0.5) per_started 1.5 cap 4", 26, "RE0105", "per_item(…)'s 'per_started' counts things: it must be a whole number, not 1.5")]
    [TestCase("per_amount(0.5) per 0 cap 4", 20, "RE0105", "per_amount(…)'s 'per' (the step; only completed steps count) must be above 0 and at most 1000000, not 0")]
    [TestCase("per_amount(-0.5) of 0 floor 0", 20, "RE0105", "per_amount(…)'s 'of' (the quota; the measure is the shortfall below it) must be above 0 and at most 1000000, not 0")]
    [TestCase("per_amount(-0.5) of 1000000.01 floor 0", 20, "RE0105", "per_amount(…)'s 'of' (the quota; the measure is the shortfall below it) must be above 0 and at most 1000000, not 1000000.01")]
    [TestCase("per_percent(-1) of 1001% floor 0", 19, "RE0105", "per_percent(…)'s 'of' (the quota; the measure is the shortfall below it) must be above 0% and at most 1000%, not 1001%")]
    [TestCase("per_percent(-1) of 0% floor 0", 19, "RE0105", "per_percent(…)'s 'of' (the quota; the measure is the shortfall below it) must be above 0% and at most 1000%, not 0%")]
    [TestCase("per_percent(-0.5) of 100% per_started 0% floor 0", 38, "RE0105", "per_percent(…)'s 'per_started' (the step; every started step counts) must be above 0% and at most 1000%, not 0%")]
    [TestCase("per_percent(0.1) over -1% cap 4", 22, "RE0105", "per_percent(…)'s 'over' (the threshold; the measure is the excess above it) must be from 0% to 1000%, not -1%")]
    [TestCase("per_item(-1000.5) floor 0", 9, "RE0105", "per_item's rate (the points for each item, negative to deduct) must be from -1000 to 1000, not -1000.5")]
    [TestCase("per_item(0.5) over 5", 0, "RE0203", "'k' is worth 4 points, but per_item(0.5) can score without limit; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("per_item(0.5) of 10", 0, "RE0203", "'k' is worth 4 points, but per_item(0.5) can score up to 5; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("per_percent(0.1)", 0, "RE0203", "'k' is worth 4 points, but per_percent(0.1) can score up to 100; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("per_percent(0.1) over 90%", 0, "RE0203", "'k' is worth 4 points, but per_percent(0.1) can score up to 91; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("per_percent(0.5) over 90% per 3%", 0, "RE0203", "'k' is worth 4 points, but per_percent(0.5) can score up to 151.5; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("per_percent(0.5) over 90% per_started 3%", 0, "RE0203", "'k' is worth 4 points, but per_percent(0.5) can score up to 152; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    [TestCase("all_of(5)", 0, "RE0203", "'k' is worth 4 points, but all_of(5) can score up to 5; add 'cap 4', or write 'uncapped' before it if the standard allows more")]
    public void A_measure_mistake_is_reported_at_its_place_in_the_rule(string rule, int column, string code, string message)
    {
        // per_percent(0.5) over 90% per 3%: (1000 − 90) ÷ 3 = 303.33… → 303 steps × 0.5 = 151.5; per_started: 304 × 0.5 = 152.
        var diagnostic = OnlyError(rule, extra: rule.StartsWith("all_of", StringComparison.Ordinal) ? "items: [a]" : "");
        (diagnostic.Code, diagnostic.Message, diagnostic.Span.ToString()).Should().Be((code, message, At(column)));
    }

    [Test]
    public void All_of_needs_its_items()
    {
        OnlyError("all_of(4)").ToString().Should().Be("test.yaml(16,9): error RE0209: all_of(…) needs 'items': the list of item ids that can be missing");
    }

    [Test]
    public void A_unit_on_a_function_that_does_not_count_is_refused_at_the_unit()
    {
        OnlyError("present(4)", extra: "unit: 场").ToString().Should().Be(
            "test.yaml(20,15): error RE0209: 'unit' is the word the reasons of per_item, per_amount and per_percent count in; present(…) does not use it: remove it");
    }

    [Test]
    public void Levels_on_a_function_that_reads_no_levels_are_refused_at_the_levels()
    {
        OnlyError("present(4)", extra: "levels: [{ id: a, label: A }]").ToString().Should().Be(
            "test.yaml(20,17): error RE0209: a criterion's own 'levels' are read only by tiered(…); present(…) does not use them: remove them");
    }

    [Test]
    public void A_criterions_level_given_twice_is_refused()
    {
        OnlyError("uncapped tiered(1, 2)", extra: "levels: [{ id: a, label: A }, { id: a, label: AA }]").ToString().Should().Be(
            "test.yaml(20,45): error RE0205: duplicate level id 'a' (first at line 20)");
    }

    [Test]
    public void Tiers_are_counted_against_the_criterions_own_levels()
    {
        // The rubric has 2 levels (county, city); the criterion's own 3 replace them.
        OnlyError("uncapped tiered(1, 2)", extra: "levels: [{ id: a, label: A }, { id: aa, label: AA }, { id: aaa, label: AAA }]").ToString().Should().Be(
            "test.yaml(19,24): error RE0208: tiered(…) gives 2 tier(s), but the rubric has 3 levels (a, aa, aaa); give one number per level, lowest first");
        Loaded("uncapped tiered(0.5, 1, 2)", extra: "levels: [{ id: a, label: A }, { id: aa, label: AA }, { id: aaa, label: AAA }]").Should().BeEmpty();
    }

    [TestCase("per_item(-0.167) of 30", 5, "'k': per_item(-0.167) of 30 can deduct up to 30 × 0.167 = 5.01, more than its 5 points; add 'floor 0' (扣完为止) if the deduction stops at 0")]
    [TestCase("per_item(-0.5) of 9", 4, "'k': per_item(-0.5) of 9 can deduct up to 9 × 0.5 = 4.5, more than its 4 points; add 'floor 0' (扣完为止) if the deduction stops at 0")]
    [TestCase("per_percent(-0.5) of 100% per 5%", 2, "'k': per_percent(-0.5) of 100% per 5% can deduct up to 20 × 0.5 = 10, more than its 2 points; add 'floor 0' (扣完为止) if the deduction stops at 0")]
    [TestCase("per_percent(-0.5) per_started 30% of 100%", 1, "'k': per_percent(-0.5) of 100% per_started 30% can deduct up to 4 × 0.5 = 2, more than its 1 points; add 'floor 0' (扣完为止) if the deduction stops at 0")]
    [TestCase("per_item(-0.5)", 4, "'k': per_item(-0.5) can deduct without limit, more than its 4 points; add 'floor 0' (扣完为止) if the deduction stops at 0")]
    [TestCase("per_amount(-0.1) over 10", 4, "'k': per_amount(-0.1) over 10 can deduct without limit, more than its 4 points; add 'floor 0' (扣完为止) if the deduction stops at 0")]
    public void A_deduction_that_can_take_more_than_the_points_is_a_warning_with_the_arithmetic(string rule, decimal points, string message)
    {
        // per_started 30% of 100%: ⌈100 ÷ 30⌉ = 4 started steps × 0.5 = 2 > 1 point.
        var warning = Loaded(rule, points).Should().ContainSingle().Subject;
        (warning.Code, warning.IsError, warning.Message, warning.Span.ToString()).Should().Be(("RE0210", false, message, At(0)));
    }

    [TestCase("per_item(-0.5) of 8", 4)]          // 8 × 0.5 = 4: exactly the points, nothing beyond them
    [TestCase("per_item(-0.167) of 30 floor 0", 5)] // the floor stops it (扣完为止)
    [TestCase("per_item(-0.5)", 0)]                // 0 points: a signed per-case score, meant to go below 0
    [TestCase("per_percent(-0.5) of 100% per 30%", 1.5)] // ⌊100 ÷ 30⌋ = 3 completed steps × 0.5 = 1.5: exactly the points
    [TestCase("per_item(0.5) of 8", 4)]            // a positive rate deducts nothing
    public void A_deduction_within_the_points_or_floored_is_not_warned_about(string rule, decimal points) =>
        Loaded(rule, points).Should().BeEmpty();

    [Test]
    public void The_new_messages_speak_chinese_too()
    {
        var zh = CultureInfo.GetCultureInfo("zh-Hans");
        OnlyError("per_percent(-1) of 80 floor 0").ToString(zh).Should().Be(
            "test.yaml(19,34): 错误 RE0105: per_percent(…) 计算的是百分比：请写作 'of 80%'，而不是 'of 80'");
        Loaded("per_item(-0.167) of 30", 5).Single().ToString(zh).Should().Be(
            "test.yaml(19,15): 警告 RE0210: 'k'：per_item(-0.167) of 30 最多可扣 30 × 0.167 = 5.01，超过其 5 分；如果扣完为止，请加上 'floor 0'");
        foreach (var id in new[]
        {
            "ModifiersExclude", "Exclusive_of", "Exclusive_per", "OptionNeedsPercent", "OptionNotPercent", "OptionOutOfRange", "OptionAboveZero",
            "OptionWhole", "Option_of", "Option_over", "Option_per", "Option_per_started", "UnitNotUsed", "LevelsNotUsed",
            "DeductsMoreThanPoints", "DeductsWithoutLimit", "ExpectPercent", "ExpectPercentFromTo", "PercentNeedsSign", "ShareHint",
        })
        {
            var chinese = MessageText.TemplateOf(id, zh);
            chinese.Should().NotBeNull(id).And.NotBe(MessageText.TemplateOf(id, CultureInfo.InvariantCulture), $"{id} should be translated");
        }
    }
}
