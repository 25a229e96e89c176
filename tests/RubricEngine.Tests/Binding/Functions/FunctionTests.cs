using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Binding.Functions;

/// <summary>Each scoring function evaluated on chosen evidence, rounding edges included. Expected values are worked by hand.</summary>
public sealed class FunctionTests
{
    private static LineScore Score(string rule, string value, decimal points = 4, string extra = "", string rounding = "half_away_from_zero") =>
        EvidenceText.ScoreOne(rule, value, points, extra, rounding).Lines.Single();

    [TestCase("true", 2)]
    [TestCase("false", 0)]
    public void Present_gives_its_points_when_true(string value, decimal expected) =>
        Score("present(2)", value, points: 2).Score.Should().Be(expected);

    [TestCase("true", 4, "已落实，4 分")]
    [TestCase("false", 0, "未落实，不得分")]
    public void All_or_nothing_gives_all_or_nothing(string value, decimal expected, string reason)
    {
        var line = Score("all_or_nothing(4)", value);
        line.Score.Should().Be(expected);
        line.Reasons.Should().Equal($"标签：{reason}");
    }

    [TestCase("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]", 18, "12 个月 × 1.5 = 18（上限 18）")]   // 12 × 1.5 = 18, at the cap
    [TestCase("[1, 2, 3]", 4.5, "3 个月 × 1.5 = 4.5（上限 18）")]                                  // 3 × 1.5
    [TestCase("[3, 3, 1]", 3, "2 个月 × 1.5 = 3（上限 18）")]                                      // month 3 counts once: 2 × 1.5
    [TestCase("[]", 0, "0 个月 × 1.5 = 0（上限 18）")]
    public void Monthly_counts_distinct_months(string months, decimal expected, string reason)
    {
        var line = Score("monthly(1.5) cap 18", months, points: 24);
        line.Score.Should().Be(expected);
        line.Criteria.Single().Reason.Should().Be(reason);
    }

    [Test]
    public void A_floor_under_a_cap_still_applies()
    {
        var line = Score("per_missing(-2) cap 4 floor 1", "[a, b, c]", extra: "items: [a, b, c]");  // 4 − 3 × 2 = −2 → floor 1
        line.Score.Should().Be(1);
        line.Criteria.Single().Reason.Should().Be("4 - 3 项 × 2 = -2（缺 a、b、c）（上限 4） → 1（下限 1）");
    }

    [Test]
    public void A_cap_says_so_in_the_reason()
    {
        var line = Score("monthly(0.5) cap 4", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]");  // 10 × 0.5 = 5, capped at 4
        line.Score.Should().Be(4);
        line.Criteria.Single().Reason.Should().Be("10 个月 × 0.5 = 5 → 4（上限 4）");
    }

    [TestCase("[1, 2, 3, 4]", 12)]  // 4 × 3
    [TestCase("[2]", 3)]            // 1 × 3
    [TestCase("[4, 4]", 3)]         // quarter 4 counts once
    public void Quarterly_counts_distinct_quarters(string quarters, decimal expected) =>
        Score("quarterly(3)", quarters, points: 12).Score.Should().Be(expected);

    [TestCase("[1]", 0.33)]                   // 4 × 1 ÷ 12 = 0.333… → 0.33
    [TestCase("[1, 2]", 0.67)]                // 4 × 2 ÷ 12 = 0.666… → 0.67
    [TestCase("[1, 2, 3, 4, 5, 6]", 2)]       // 4 × 6 ÷ 12 = 2 exactly (multiplied before dividing)
    [TestCase("[1, 2, 3, 4, 5]", 1.67)]       // 4 × 5 ÷ 12 = 1.666… → 1.67
    [TestCase("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]", 4)]
    public void Monthly_share_gives_a_twelfth_a_month(string months, decimal expected) =>
        Score("monthly_share(4)", months).Score.Should().Be(expected);

    [TestCase("0", 0)]
    [TestCase("4", 2.4)]   // 4 × 0.6
    [TestCase("10", 6)]    // 10 × 0.6 = 6, the cap
    [TestCase("11", 6)]    // 11 × 0.6 = 6.6 → cap 6
    public void Per_item_counts_with_a_cap(string count, decimal expected) =>
        Score("per_item(0.6) cap 6", count, points: 6).Score.Should().Be(expected);

    [TestCase("max_per_item", 3)]  // a: max(county 1, city 2) = 2; b: county 1 → 3
    [TestCase("", 4)]              // every publication: 1 + 2 + 1 = 4
    public void Tiered_scores_by_level_and_optionally_the_highest_per_item(string modifier, decimal expected)
    {
        const string publications = "[{ item: a, level: county }, { item: a, level: city }, { item: b, level: county }]";
        Score($"uncapped tiered(1, 2) {modifier}", publications).Score.Should().Be(expected);
    }

    [Test]
    public void Tiered_reasons_name_each_item_and_level()
    {
        Score("uncapped tiered(1, 2) max_per_item", "[{ item: a, level: county }, { item: a, level: city }]").Criteria.Single().Reason
            .Should().Be("a 市级 2 = 2（同一项目取最高）");
    }

    [Test]
    public void Uncapped_tiered_goes_above_the_nominal_points()
    {
        const string publications = "[{ item: a, level: city }, { item: b, level: city }, { item: c, level: city }]";
        Score("uncapped tiered(1, 2) max_per_item", publications).Score.Should().Be(6, "2 + 2 + 2 = 6 > 4 points: 可超出标准分");
    }

    [TestCase("[]", 5)]           // 5 − 0
    [TestCase("[a]", 4.5)]        // 5 − 1 × 0.5
    [TestCase("[a, b, c]", 3.5)]  // 5 − 3 × 0.5
    public void Per_missing_deducts_for_each_missing_item(string missing, decimal expected) =>
        Score("per_missing(-0.5) floor 0", missing, points: 5, extra: "items: [a, b, c]").Score.Should().Be(expected);

    [Test]
    public void Per_missing_stops_at_its_floor()
    {
        var line = Score("per_missing(-2) floor 0", "[a, b, c]", extra: "items: [a, b, c]");  // 4 − 3 × 2 = −2 → floor 0
        line.Score.Should().Be(0);
        line.Criteria.Single().Reason.Should().Be("4 - 3 项 × 2 = -2（缺 a、b、c） → 0（下限 0）");
    }

    [TestCase("0", 0)]
    [TestCase("4", 4)]
    [TestCase("2.5", 2.5)]
    [TestCase("2.345", 2.35)]  // half away from zero: 2.345 → 2.35
    [TestCase("2.344", 2.34)]
    public void Judged_takes_the_inspectors_score(string value, decimal expected) =>
        Score("judged(0, 4)", value).Score.Should().Be(expected);

    [TestCase("2.345", 2.34)]  // half to even: 2.345 → 2.34 (4 is even)
    [TestCase("2.335", 2.34)]  // half to even: 2.335 → 2.34
    [TestCase("2.346", 2.35)]
    public void The_rubrics_rounding_mode_is_used(string value, decimal expected) =>
        Score("judged(0, 4)", value, rounding: "half_even").Score.Should().Be(expected);

    [Test]
    public void A_bonus_is_kept_apart_from_the_line_score()
    {
        var card = EvidenceText.ScoreOne("present(10) bonus", "true", points: 0);
        card.Lines.Single().Score.Should().Be(0);
        card.Lines.Single().Bonus.Should().Be(10);
        card.BaseTotal.Should().Be(0);
        card.BonusTotal.Should().Be(10);
        card.Total.Should().Be(10);
    }

    [TestCase("{ fixed_site: true, office_and_activity_supplies: true, discretionary_deduction: 1.5 }", 2.5)]  // 2 + 2 − 1.5
    [TestCase("{ fixed_site: true, office_and_activity_supplies: false, discretionary_deduction: 3 }", 0)]    // 2 − 3 = −1 → 0
    [TestCase("{ fixed_site: false, office_and_activity_supplies: false, discretionary_deduction: 0 }", 0)]
    public void A_deduction_lowers_the_line_but_never_below_zero(string venue, decimal expected)
    {
        Repo.Rubric("village").TryScoreText($"rubric: village\nunit: x\nlines:\n  venue: {venue}\n", "e.yaml", out var card, out _).Should().BeTrue();
        card!.Lines.Single(l => l.Id == "venue").Score.Should().Be(expected);
    }

    [TestCase(3, 64, 4.63)]   // 4 + 4 × 3 ÷ (64 × 0.3) = 4 + 0.625 = 4.625 → 4.63 (half away from zero)
    [TestCase(2, 10, 6.67)]   // 4 + 4 × 2 ÷ 3 = 6.666… → 6.67
    [TestCase(3, 10, 8)]      // 30% reached: 4 + 4
    [TestCase(0, 5, 4)]       // 4 + 0
    public void Ratio_is_proportional_below_its_target(int with, int total, decimal expected)
    {
        var text = $"rubric: town\nunit: x\nlines:\n  coverage: {{ stations_up_to_standard: true, villages_total: {total}, villages_with_micro_lecture: {with} }}\n";
        Repo.Rubric("town").TryScoreText(text, "e.yaml", out var card, out _).Should().BeTrue();
        card!.Lines.Single(l => l.Id == "coverage").Score.Should().Be(expected);
    }

    [Test]
    public void Missing_evidence_reads_the_same_for_every_function()
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule("monthly(0.5) cap 4"));
        rubric.TryScoreText("rubric: test\nunit: x\nlines: {}\n", "e.yaml", out var card, out var diagnostics).Should().BeTrue();
        card!.Lines.Single().Reasons.Should().Equal("标签：未提供，0 分");
        diagnostics.Single().ToString().Should().Be("e.yaml(3,1): warning RE0305: no evidence for line 'only'; it scores 0");
    }
}
