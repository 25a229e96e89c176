using System.Globalization;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Scoring;

/// <summary>
/// Line sums, bonuses, sections and totals on rubrics written here, with several bonus lines and several lines per section,
/// so that a sum that became a maximum, a filter that flipped or a total that subtracts cannot pass. Worked by hand.
/// </summary>
public sealed class ScorerTests
{
    /// <summary>Two sections; section 甲 has two lines, each with bonus criteria (line 'first' has two).</summary>
    private const string Bonuses = """
        id: test
        title: 测试细则
        source: 测试
        total: 10
        rounding: { decimals: 2, mode: half_away_from_zero }
        sections: [{ name: 甲, points: 6 }, { name: 乙, points: 4 }]
        lines:
          - id: first
            section: 甲
            content: 内容一
            points: 4
            check: 查看
            standard: 标准一
            criteria:
              - key: done
                label: 已完成
                points: 4
                rule: present(4.0)
              - key: award
                label: 获奖
                points: 0
                rule: present(1.5) bonus
              - key: praise
                label: 表扬
                points: 0
                rule: present(0.125) bonus
          - id: second
            section: 甲
            content: 内容二
            points: 2
            check: 查看
            standard: 标准二
            criteria:
              - key: months
                label: 每月活动
                points: 2
                rule: monthly_share(2)
              - key: extra
                label: 额外
                points: 0
                rule: present(2) bonus
          - id: third
            section: 乙
            content: 内容三
            points: 4
            check: 查看
            standard: 标准三
            criteria:
              - key: judged
                label: 评定
                points: 4
                rule: judged(0, 4)
        """;

    private const string AllBonusesEvidence = """
        rubric: test
        unit: 测试村
        lines:
          first: { done: true, award: true, praise: true }
          second: { months: [1, 2, 3], extra: true }
          third: { judged: 3.50 }
        """;

    private static ScoreCard Score(string rubricText, string evidence)
    {
        EvidenceText.Compile(rubricText).TryScoreText(evidence, "e.yaml", out var card, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return card!;
    }

    /// <summary>The village's 'venue' line (present(2), present(2), deduction()) scored on <paramref name="venue"/>.</summary>
    private static LineScore VillageVenue(string venue) =>
        Score(Repo.Read("rubrics/village.yaml"), $"rubric: village\nunit: 测试村\nlines:\n  venue: {venue}\n").Lines.Single(l => l.Id == "venue");

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [Test]
    public void Several_bonuses_on_a_line_add_up_and_are_rounded_once()
    {
        var first = Score(Bonuses, AllBonusesEvidence).Lines[0];

        first.Score.Should().Be(4);
        first.Bonus.Should().Be(1.63m, "1.5 + 0.125 = 1.625 → 1.63 (half away from zero)");
        first.Criteria.Select(c => (c.Score, c.IsBonus)).Should().Equal((4m, false), (1.5m, true), (0.125m, true));
        first.Reasons.Should().Equal(
            "已完成：有，4 分",
            "获奖：有，1.5 分（加分，不计入本项分值）",
            "表扬：有，0.125 分（加分，不计入本项分值）");
    }

    [Test]
    public void A_bonus_criterion_that_takes_away_is_called_a_deduction_not_a_bonus()
    {
        const string rubric = """
            id: test
            title: 加减分
            source: 测试
            total: 5
            sections: [{ name: 党员发展, points: 5 }]
            lines:
              - id: members
                section: 党员发展
                content: 新发展党员结构
                points: 5
                check: 查看资料
                standard: 年龄低于35周岁的，每例加0.5分；高中学历每例扣0.5分
                criteria:
                  - { key: done, label: 已完成, points: 5, rule: present(5) }
                  - { key: young, label: 35周岁以下, points: 0, rule: uncapped per_item(0.5) bonus, unit: 例 }
                  - { key: school, label: 高中学历, points: 0, rule: per_item(-0.5) bonus, unit: 例 }
            """;

        // young 2 × 0.5 = 1 (加分); school 3 × 0.5 = 1.5 taken away (减分); bonus 1 − 1.5 = −0.5
        var line = Score(rubric, "rubric: test\nunit: 测试村\nlines:\n  members: { done: true, young: 2, school: 3 }\n").Lines[0];
        line.Bonus.Should().Be(-0.5m);
        line.Reasons.Should().Equal(
            "已完成：有，5 分",
            "35周岁以下：2 例 × 0.5 = 1（加分，不计入本项分值）",
            "高中学历：3 例 × 0.5，扣 1.5（减分，不计入本项分值）");

        // No case on either side: each bonus criterion scores 0, which takes nothing away, so it is still 加分.
        var none = Score(rubric, "rubric: test\nunit: 测试村\nlines:\n  members: { done: true, young: 0, school: 0 }\n").Lines[0];
        none.Reasons.Skip(1).Should().OnlyContain(r => r.EndsWith("（加分，不计入本项分值）", StringComparison.Ordinal));
    }

    [Test]
    public void Sections_and_totals_add_every_line_and_every_bonus()
    {
        var card = Score(Bonuses, AllBonusesEvidence);

        // first 4; second 2 × 3 ÷ 12 = 0.5; third 3.5
        card.Lines.Select(l => (l.Id, l.Score, l.Bonus)).Should().Equal(("first", 4m, 1.63m), ("second", 0.5m, 2m), ("third", 3.5m, 0m));
        card.Sections.Should().Equal(
            new SectionScore("甲", 6, 4.5m, 3.63m),  // 4 + 0.5 = 4.5; bonuses 1.63 + 2 = 3.63
            new SectionScore("乙", 4, 3.5m, 0m));
        card.BaseTotal.Should().Be(8m);               // 4 + 0.5 + 3.5
        card.BonusTotal.Should().Be(3.63m);           // 1.63 + 2
        card.Total.Should().Be(11.63m);               // 8 + 3.63
    }

    [Test]
    public void A_bonus_not_earned_leaves_the_line_and_the_totals_alone()
    {
        var card = Score(Bonuses, """
            rubric: test
            unit: 测试村
            lines:
              first: { done: true, award: false, praise: false }
              second: { months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], extra: false }
              third: { judged: 0 }
            """);

        card.Lines.Select(l => (l.Score, l.Bonus)).Should().Equal((4m, 0m), (2m, 0m), (0m, 0m));  // 2 × 12 ÷ 12 = 2
        card.Sections.Select(s => (s.Score, s.Bonus)).Should().Equal((6m, 0m), (0m, 0m));
        (card.BaseTotal, card.BonusTotal, card.Total).Should().Be((6m, 0m, 6m));
    }

    [Test]
    public void Public_scores_carry_no_trailing_zeros()
    {
        // present(4.0) and the evidence 3.50 carry trailing zeros into the arithmetic; the card must not show them.
        var card = Score(Bonuses, AllBonusesEvidence);

        card.Lines.SelectMany(l => new[] { l.Score, l.Bonus }).Select(Text).Should().Equal("4", "1.63", "0.5", "2", "3.5", "0");
        card.Lines.SelectMany(l => l.Criteria).Select(c => Text(c.Score)).Should().Equal("4", "1.5", "0.125", "0.5", "2", "3.5");
        card.Sections.SelectMany(s => new[] { s.Score, s.Bonus }).Select(Text).Should().Equal("4.5", "3.63", "3.5", "0");
        new[] { card.BaseTotal, card.BonusTotal, card.Total }.Select(Text).Should().Equal("8", "3.63", "11.63");
        card.Lines[0].Reasons[0].Should().Be("已完成：有，4 分");
        card.Lines[2].Reasons.Should().Equal("评定：评定 3.5 分（0–4）");
    }

    [Test]
    public void Public_scores_carry_no_trailing_zeros_when_their_digits_pass_32_or_64_bits()
    {
        // A decimal keeps its digits as one 96-bit integer in three 32-bit words. These products end in 0, but their
        // lowest word does not, so the trailing zero can only be seen from the whole integer:
        //   32.2324 × 13325 = 429496.7300, digits 4294967300 = 2^32 + 4 (words 4, 1, 0);
        //   74.566946555812 × 247385 = 18446744.073709551620, digits 18446744073709551620 = 2^64 + 4 (words 4, 0, 1).
        var low = EvidenceText.ScoreOne("uncapped per_item(32.2324)", "13325").Lines.Single().Criteria.Single();
        Text(low.Score).Should().Be("429496.73");
        low.Reason.Should().Be("13325 项 × 32.2324 = 429496.73");

        var high = EvidenceText.ScoreOne("uncapped per_item(74.566946555812)", "247385").Lines.Single().Criteria.Single();
        Text(high.Score).Should().Be("18446744.07370955162");
        high.Reason.Should().Be("247385 项 × 74.566946555812 = 18446744.07370955162");
    }

    [Test]
    public void A_line_of_several_criteria_shows_its_sum_with_deductions_as_minus()
    {
        var venue = VillageVenue("{ fixed_site: true, office_and_activity_supplies: true, discretionary_deduction: 0.5 }");
        venue.Score.Should().Be(3.5m);  // 2 + 2 − 0.5
        venue.Reasons.Should().Equal("有固定场所：有，2 分", "有办公及活动用品：有，2 分", "重点村建站未达标的酌情扣分：酌情扣 0.5 分", "合计 2 + 2 - 0.5 = 3.5");
    }

    [Test]
    public void A_line_below_zero_scores_zero_and_says_so()
    {
        var venue = VillageVenue("{ fixed_site: false, office_and_activity_supplies: false, discretionary_deduction: 3 }");
        venue.Score.Should().Be(0m);  // 0 + 0 − 3 = −3 → 0
        venue.Reasons[^1].Should().Be("合计 0 + 0 - 3 = -3，不低于 0 → 0");
        Text(venue.Score).Should().Be("0");
    }

    [Test]
    public void A_single_criterion_below_zero_scores_zero_and_says_so()
    {
        var line = EvidenceText.ScoreOne("per_missing(-2)", "[a, b, c]", extra: "items: [a, b, c]").Lines.Single();

        line.Score.Should().Be(0m);  // 4 − 3 × 2 = −2 → 0
        line.Reasons.Should().Equal("标签：4 - 3 项 × 2 = -2（缺 a、b、c）", "合计 -2，不低于 0 → 0");
    }

    [Test]
    public void A_single_rounded_criterion_shows_the_rounding()
    {
        var line = EvidenceText.ScoreOne("monthly_share(4)", "[1]").Lines.Single();

        line.Score.Should().Be(0.33m);  // 4 × 1 ÷ 12 = 0.3333… → 0.33
        line.Reasons.Should().Equal("标签：4 × 1 ÷ 12 ≈ 0.3333", "合计 ≈ 0.3333 → 0.33（保留 2 位小数）");
    }

    [Test]
    public void A_single_criterion_with_more_decimals_than_the_rubric_shows_the_rounding()
    {
        var line = EvidenceText.ScoreOne("judged(0, 4)", "2.345").Lines.Single();

        line.Score.Should().Be(2.35m);  // 2.345 → 2.35 (half away from zero)
        line.Reasons.Should().Equal("标签：评定 2.345 分（0–4）", "合计 2.345 → 2.35（保留 2 位小数）");
    }

    [Test]
    public void A_single_exact_criterion_needs_no_sum()
    {
        EvidenceText.ScoreOne("judged(0, 4)", "2.25").Lines.Single().Reasons.Should().Equal("标签：评定 2.25 分（0–4）");
    }

    [Test]
    public void A_rounded_sum_of_several_criteria_shows_each_term_to_four_places()
    {
        var card = Score(Repo.Read("rubrics/town.yaml"), """
            rubric: town
            unit: 测试镇
            lines:
              lectures: { lecture_team: true, lecture_months: [1] }
            """);

        var lectures = card.Lines.Single(l => l.Id == "lectures");
        lectures.Score.Should().Be(2.33m);  // 2 + 4 × 1 ÷ 12 = 2.3333… → 2.33
        lectures.Reasons[^1].Should().Be("合计 2 + 0.3333 ≈ 2.3333 → 2.33（保留 2 位小数）");
    }
}
