using RubricEngine.Binding.Functions;
using RubricEngine.Runtime;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Binding.Functions;

/// <summary>
/// Each scoring function at its edges: arguments at the limits of their range, evidence exactly at a target, a floor or
/// a cap, and every shape of reason asserted whole, with its numbers. Expected values are worked by hand beside them.
/// </summary>
public sealed class FunctionBoundaryTests
{
    private static CriterionScore Criterion(string rule, string value, decimal points = 4, string extra = "") =>
        EvidenceText.ScoreOne(rule, value, points, extra).Lines.Single().Criteria.Single();

    private static CriterionScore Ratio(string rule, int numerator, int denominator)
    {
        EvidenceText.Compile(RubricText.OneRatio(rule))
            .TryScoreText($"rubric: test\nunit: 测试村\nlines:\n  only: {{ n: {numerator}, d: {denominator} }}\n", "e.yaml", out var card, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return card!.Lines.Single().Criteria.Single();
    }

    /// <summary>The criterion of the one-rule rubric, read whole: key k, label 标签, not a bonus.</summary>
    private static void ShouldBe(CriterionScore criterion, decimal score, string reason)
    {
        criterion.Keys.Should().Equal("k");
        (criterion.Label, criterion.Score, criterion.IsBonus, criterion.Reason).Should().Be(("标签", score, false, reason));
    }

    [Test]
    public void Present_says_what_it_gives()
    {
        ShouldBe(Criterion("present(2.5)", "true"), 2.5m, "有，2.5 分");
        ShouldBe(Criterion("present(2.5)", "false"), 0m, "无，0 分");
    }

    [Test]
    public void A_ratio_exactly_at_its_target_scores_in_full()
    {
        var at = Ratio("ratio(4, 30%)", 3, 10);  // 3 ÷ 10 = 30% ≥ 30%: the full 4

        at.Score.Should().Be(4m);
        at.Reason.Should().Be("3 ÷ 10 = 30%，达到 30%，4 分");
    }

    [Test]
    public void A_ratio_below_its_target_scores_in_proportion()
    {
        var below = Ratio("ratio(4, 30%)", 2, 10);  // 4 × 2 ÷ (10 × 0.3) = 8 ÷ 3 = 2.6666…

        below.Score.Should().Be(8m / 3m);
        below.Reason.Should().Be("2 ÷ 10 = 20%，未达 30%，按比例 4 × 2 ÷ (10 × 0.3) ≈ 2.6667");
    }

    [Test]
    public void A_ratio_that_is_not_a_round_percentage_is_shown_approximately()
    {
        var third = Ratio("ratio(3, 50%)", 1, 3);  // 1 ÷ 3 = 33.33…% < 50%: 3 × 1 ÷ (3 × 0.5) = 2 exactly

        third.Score.Should().Be(2m);
        third.Reason.Should().Be("1 ÷ 3 ≈ 33.3333%，未达 50%，按比例 3 × 1 ÷ (3 × 0.5) = 2");
    }

    [Test]
    public void A_ratio_above_its_target_scores_in_full()
    {
        Ratio("ratio(4, 30%)", 10, 10).Reason.Should().Be("10 ÷ 10 = 100%，达到 30%，4 分");  // 100% ≥ 30%
    }

    [Test]
    public void A_ratio_numerator_may_equal_but_not_exceed_its_denominator()
    {
        var rubric = EvidenceText.Compile(RubricText.OneRatio("ratio(4, 30%)"));

        rubric.TryScoreText("rubric: test\nunit: x\nlines:\n  only: { n: 5, d: 5 }\n", "e.yaml", out var card, out _).Should().BeTrue();
        card!.Lines.Single().Score.Should().Be(4m);  // 5 ÷ 5 = 100% ≥ 30%
        EvidenceText.Errors(rubric, "rubric: test\nunit: x\nlines:\n  only: { n: 6, d: 5 }\n").Select(d => d.ToString()).Should().Equal(
            "e.yaml(4,14): error RE0303: 'only.n' is 6, more than the total of 5");
    }

    [Test]
    public void A_ratio_without_its_denominator_is_not_given_rather_than_more_than_its_total()
    {
        var rubric = EvidenceText.Compile(RubricText.OneRatio("ratio(4, 30%)"));

        rubric.TryScoreText("rubric: test\nunit: x\nlines:\n  only: { n: 6 }\n", "e.yaml", out var card, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        var criterion = card!.Lines.Single().Criteria.Single();
        (criterion.Score, criterion.Reason).Should().Be((0m, "未提供，0 分"));
    }

    [Test]
    public void Judged_accepts_a_range_of_one_value()
    {
        Rubric.TryLoadText(RubricText.OneRule("judged(3, 3)", points: 3), "test.yaml", out var rubric, out var diagnostics).Should().BeTrue();
        diagnostics.Should().BeEmpty();
        rubric!.Lines.Single().Maximum.Should().Be(3m);

        rubric.TryScoreText(EvidenceText.OneLine("3"), "e.yaml", out var card, out _).Should().BeTrue();
        card!.Lines.Single().Criteria.Single().Reason.Should().Be("评定 3 分（3–3）");
    }

    [Test]
    public void Judged_refuses_a_value_outside_its_range()
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule("judged(1, 3)", points: 3));
        EvidenceText.Errors(rubric, EvidenceText.OneLine("3.5")).Select(d => d.ToString()).Should().Equal(
            "e.yaml(4,14): error RE0303: 'only.k' must be from 1 to 3, not 3.5");
    }

    [Test]
    public void A_floor_met_exactly_is_not_a_floor_note()
    {
        var criterion = Criterion("per_missing(-1) floor 2", "[a, b]", extra: "items: [a, b]");  // 4 − 2 × 1 = 2, the floor itself

        criterion.Score.Should().Be(2m);
        criterion.Reason.Should().Be("4 - 2 项 × 1 = 2（缺 a、b）");
    }

    [Test]
    public void A_floor_without_a_cap_lifts_the_score_and_says_so()
    {
        var criterion = Criterion("per_missing(-1.5) floor 2", "[a, b]", extra: "items: [a, b]");  // 4 − 2 × 1.5 = 1 → floor 2

        criterion.Score.Should().Be(2m);
        criterion.Reason.Should().Be("4 - 2 项 × 1.5 = 1（缺 a、b） → 2（下限 2）");
    }

    [Test]
    public void Per_missing_with_nothing_missing_names_no_item()
    {
        Criterion("per_missing(-0.5) floor 0", "[]", points: 5, extra: "items: [a, b, c]").Reason.Should().Be("5 - 0 项 × 0.5 = 5");
    }

    [Test]
    public void Per_missing_names_an_item_without_a_label_by_its_id()
    {
        // The binder passes no labels when a rubric writes none; the context then offers the ids. 4 − 1 × 0.5 = 3.5.
        var context = new BindContext([-0.5m], 4m, ["a", "b"], [], [], [("k", default)]);
        var row = new EvidenceRow(1);
        row.SetItems(0, ["b"]);

        new PerMissingFunction().Compile(context, [0]).Evaluate(row).Should().Be(new Outcome(3.5m, "4 - 1 项 × 0.5 = 3.5（缺 b）"));
    }

    [Test]
    public void Quarterly_and_monthly_name_their_periods()
    {
        Criterion("quarterly(3)", "[1, 3]", points: 12).Reason.Should().Be("2 个季度 × 3 = 6");         // 2 × 3
        Criterion("monthly(0.25) cap 3", "[5]", points: 3).Reason.Should().Be("1 个月 × 0.25 = 0.25（上限 3）");  // 1 × 0.25
    }

    [Test]
    public void Monthly_share_of_a_whole_year_is_exact()
    {
        var criterion = Criterion("monthly_share(4)", "[1, 2, 3, 4, 5, 6]");  // 4 × 6 ÷ 12 = 2

        criterion.Score.Should().Be(2m);
        criterion.Reason.Should().Be("4 × 6 ÷ 12 = 2");
    }

    [Test]
    public void Per_item_shows_its_count_and_rate()
    {
        Criterion("per_item(0.6) cap 4", "5").Reason.Should().Be("5 项 × 0.6 = 3（上限 4）");     // 5 × 0.6 = 3
        Criterion("per_item(0.6) cap 4", "7").Reason.Should().Be("7 项 × 0.6 = 4.2 → 4（上限 4）");  // 7 × 0.6 = 4.2 → cap 4
    }

    [Test]
    public void Tiered_without_max_per_item_counts_every_publication_and_says_nothing_of_the_highest()
    {
        var criterion = Criterion("uncapped tiered(1, 2)", "[{ item: a, level: county }, { item: a, level: city }, { item: b, level: county }]");

        criterion.Score.Should().Be(4m);  // 1 + 2 + 1
        criterion.Reason.Should().Be("a 县级 1 + a 市级 2 + b 县级 1 = 4");
    }

    [Test]
    public void Tiered_with_max_per_item_keeps_each_items_highest_level()
    {
        var criterion = Criterion("uncapped tiered(1, 2) max_per_item", "[{ item: b, level: county }, { item: a, level: city }, { item: a, level: county }]");

        criterion.Score.Should().Be(3m);  // b: county 1; a: max(city 2, county 1) = 2 → 1 + 2
        criterion.Reason.Should().Be("b 县级 1 + a 市级 2 = 3（同一项目取最高）");
    }

    [Test]
    public void Tiered_with_no_publication_scores_nothing()
    {
        ShouldBe(Criterion("uncapped tiered(1, 2) max_per_item", "[]"), 0m, "无刊登，0 分");
    }

    [Test]
    public void Tiered_refuses_a_level_the_rubric_does_not_declare()
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule("uncapped tiered(1, 2)"));
        EvidenceText.Errors(rubric, EvidenceText.OneLine("[{ item: a, level: province }]")).Select(d => d.ToString()).Should().Equal(
            "e.yaml(4,33): error RE0306: unknown level 'province'; the levels are county, city");
    }

    [Test]
    public void A_deduction_of_zero_deducts_nothing()
    {
        ShouldBe(Criterion("deduction()", "0", points: 0), 0m, "未扣分");
    }

    [Test]
    public void A_deduction_not_given_deducts_nothing_and_warns_of_nothing()
    {
        Repo.Rubric("village").TryScoreText("rubric: village\nunit: x\nlines:\n  venue: { fixed_site: true, office_and_activity_supplies: true }\n",
            "e.yaml", out var card, out var diagnostics).Should().BeTrue();

        var venue = card!.Lines.Single(l => l.Id == "venue");
        venue.Score.Should().Be(4m);  // 2 + 2 − 0
        venue.Reasons.Should().Equal("有固定场所：有，2 分", "有办公及活动用品：有，2 分", "重点村建站未达标的酌情扣分：未扣分", "合计 2 + 2 + 0 = 4");
        diagnostics.Select(d => d.Message).Should().NotContain(m => m.Contains("discretionary_deduction"));
    }

    [Test]
    public void A_deduction_may_have_a_floor()
    {
        const string rubricText = """
            id: test
            title: 测试细则
            source: 测试
            total: 4
            sections: [{ name: 测试, points: 4 }]
            lines:
              - id: only
                section: 测试
                content: 内容
                points: 4
                check: 查看
                standard: 标准
                criteria:
                  - key: done
                    label: 已完成
                    points: 4
                    rule: present(4)
                  - key: cut
                    label: 酌情扣分
                    points: 0
                    rule: deduction() floor -1.5
            """;
        Rubric.TryLoadText(rubricText, "test.yaml", out var rubric, out var diagnostics).Should().BeTrue();
        diagnostics.Should().BeEmpty("a deduction can go down to −1000, so the floor −1.5 can be reached");

        rubric!.TryScoreText("rubric: test\nunit: x\nlines:\n  only: { done: true, cut: 3 }\n", "e.yaml", out var card, out _).Should().BeTrue();
        var line = card!.Lines.Single();
        line.Score.Should().Be(2.5m);  // 4 − 3 = 1, but the deduction stops at −1.5: 4 − 1.5 = 2.5
        line.Reasons.Should().Equal("已完成：有，4 分", "酌情扣分：酌情扣 3 分 → -1.5（下限 -1.5）", "合计 4 - 1.5 = 2.5");
    }

    [Test]
    public void A_deduction_above_its_limit_is_refused()
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule("deduction()", points: 0));
        EvidenceText.Errors(rubric, EvidenceText.OneLine("1001")).Select(d => d.ToString()).Should().Equal(
            "e.yaml(4,14): error RE0303: 'only.k' must be from 0 to 1000, not 1001");
    }
}
