using System.Collections.Immutable;
using System.Globalization;
using RubricEngine.Binding;
using RubricEngine.Binding.Functions;
using RubricEngine.Runtime;
using RubricEngine.Syntax;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Binding.Functions;

/// <summary>
/// The measure functions (per_item, per_amount, per_percent with of, over, per, per_started), all_of and tiered with a
/// criterion's own levels, evaluated at their edges: quota exactly met, one short, nothing; a threshold exactly reached
/// and one above; steps exactly met and partial. Every expectation is worked by hand beside it; every reason is whole.
/// </summary>
public sealed class MeasureFunctionTests
{
    private static LineScore Score(string rule, string value, decimal points, string extra = "")
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule(rule, points, extra));
        rubric.TryScoreText(EvidenceText.OneLine(value), "e.yaml", out var card, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return card!.Lines.Single();
    }

    /// <summary>The criterion's exact score as text (so a scale such as 1.50 shows), the line's rounded score, the reason.</summary>
    private static void Expect(LineScore line, string criterionScore, decimal lineScore, string reason)
    {
        var criterion = line.Criteria.Single();
        (criterion.Score.ToString(CultureInfo.InvariantCulture), line.Score, criterion.Reason).Should().Be((criterionScore, lineScore, reason));
    }

    private const string Sessions = "per_item(-0.167) of 30 floor 0";

    [TestCase("32", "5", 5, "32 场，达到 30 场，5 分")]                                                // above the quota: no shortfall
    [TestCase("30", "5", 5, "30 场，达到 30 场，5 分")]                                                // exactly met
    [TestCase("29", "4.833", 4.83, "29 场，比 30 场少 1 场 × 0.167 = 0.167，5 − 0.167 = 4.833")]      // one short: 5 − 1 × 0.167
    [TestCase("26", "4.332", 4.33, "26 场，比 30 场少 4 场 × 0.167 = 0.668，5 − 0.668 = 4.332")]      // 5 − 4 × 0.167 = 4.332 → 4.33
    [TestCase("0", "0", 0, "0 场，比 30 场少 30 场 × 0.167 = 5.01，5 − 5.01 = -0.01 → 0（下限 0）")] // 5 − 30 × 0.167 = −0.01, floored
    public void A_shortfall_below_a_quota_deducts_per_missing_session(string held, string criterion, decimal line, string reason) =>
        Expect(Score(Sessions, held, 5, "unit: 场"), criterion, line, reason);

    [TestCase("4", "0", 0, "4 人，未超过 5 人，0 分（上限 2）")]
    [TestCase("5", "0", 0, "5 人，未超过 5 人，0 分（上限 2）")]                 // exactly the threshold: nothing above it
    [TestCase("6", "0.5", 0.5, "6 人，超过 5 人 1 人 × 0.5 = 0.5（上限 2）")]     // one above: 1 × 0.5
    [TestCase("8", "1.5", 1.5, "8 人，超过 5 人 3 人 × 0.5 = 1.5（上限 2）")]     // 3 × 0.5
    [TestCase("9", "2", 2, "9 人，超过 5 人 4 人 × 0.5 = 2（上限 2）")]           // 4 × 0.5 = 2, exactly the cap
    [TestCase("10", "2", 2, "10 人，超过 5 人 5 人 × 0.5 = 2.5 → 2（上限 2）")]   // 5 × 0.5 = 2.5, capped at 2
    public void An_excess_above_a_threshold_adds_per_person_up_to_the_cap(string activists, string criterion, decimal line, string reason) =>
        Expect(Score("per_item(0.5) over 5 cap 2", activists, 2, "unit: 人"), criterion, line, reason);

    [TestCase("82%", "8", 8, "82%，达到目标 80%，8 分")]
    [TestCase("80%", "8", 8, "80%，达到目标 80%，8 分")]                                                  // exactly the target
    [TestCase("79%", "7", 7, "79% 低于目标 80% 1 个百分点 × 1 = 1，8 − 1 = 7")]                             // one point below
    [TestCase("76%", "4", 4, "76% 低于目标 80% 4 个百分点 × 1 = 4，8 − 4 = 4")]                             // the source's example
    [TestCase("76.5%", "4.5", 4.5, "76.5% 低于目标 80% 3.5 个百分点 × 1 = 3.5，8 − 3.5 = 4.5")]             // 80 − 76.5 = 3.5
    [TestCase("76.50%", "4.5", 4.5, "76.5% 低于目标 80% 3.5 个百分点 × 1 = 3.5，8 − 3.5 = 4.5")]            // the scale is normalised
    [TestCase("72%", "0", 0, "72% 低于目标 80% 8 个百分点 × 1 = 8，8 − 8 = 0")]                             // exactly used up
    [TestCase("71%", "0", 0, "71% 低于目标 80% 9 个百分点 × 1 = 9，8 − 9 = -1 → 0（下限 0）")]               // 直至本项分值扣完
    [TestCase("0%", "0", 0, "0% 低于目标 80% 80 个百分点 × 1 = 80，8 − 80 = -72 → 0（下限 0）")]
    [TestCase("1000%", "8", 8, "1000%，达到目标 80%，8 分")]                                              // the highest value accepted
    public void Each_percentage_point_below_the_target_deducts_until_the_points_are_gone(string rate, string criterion, decimal line, string reason) =>
        Expect(Score("per_percent(-1) of 80% floor 0", rate, 8), criterion, line, reason);

    [TestCase("per", "100%", "2", 2, "100%，达到目标 100%，2 分")]
    [TestCase("per", "96%", "2", 2, "96% 低于目标 100% 4 个百分点，每 5% 一档，0 档 × 0.5 = 0，2 − 0 = 2")]           // ⌊4 ÷ 5⌋ = 0
    [TestCase("per", "95%", "1.5", 1.5, "95% 低于目标 100% 5 个百分点，每 5% 一档，1 档 × 0.5 = 0.5，2 − 0.5 = 1.5")]  // exactly 5%: 1 step
    [TestCase("per", "90%", "1", 1, "90% 低于目标 100% 10 个百分点，每 5% 一档，2 档 × 0.5 = 1，2 − 1 = 1")]          // exactly 10%: 2 steps
    [TestCase("per", "87%", "1", 1, "87% 低于目标 100% 13 个百分点，每 5% 一档，2 档 × 0.5 = 1，2 − 1 = 1")]          // ⌊13 ÷ 5⌋ = 2
    [TestCase("per", "85%", "0.5", 0.5, "85% 低于目标 100% 15 个百分点，每 5% 一档，3 档 × 0.5 = 1.5，2 − 1.5 = 0.5")] // the source's example
    [TestCase("per_started", "100%", "2", 2, "100%，达到目标 100%，2 分")]
    [TestCase("per_started", "96%", "1.5", 1.5, "96% 低于目标 100% 4 个百分点，每 5% 一档（不足一档按一档计），1 档 × 0.5 = 0.5，2 − 0.5 = 1.5")]   // ⌈4 ÷ 5⌉ = 1
    [TestCase("per_started", "95%", "1.5", 1.5, "95% 低于目标 100% 5 个百分点，每 5% 一档（不足一档按一档计），1 档 × 0.5 = 0.5，2 − 0.5 = 1.5")]   // ⌈5 ÷ 5⌉ = 1
    [TestCase("per_started", "87%", "0.5", 0.5, "87% 低于目标 100% 13 个百分点，每 5% 一档（不足一档按一档计），3 档 × 0.5 = 1.5，2 − 1.5 = 0.5")] // ⌈13 ÷ 5⌉ = 3
    [TestCase("per_started", "80%", "0", 0, "80% 低于目标 100% 20 个百分点，每 5% 一档（不足一档按一档计），4 档 × 0.5 = 2，2 − 2 = 0")]
    [TestCase("per_started", "79%", "0", 0, "79% 低于目标 100% 21 个百分点，每 5% 一档（不足一档按一档计），5 档 × 0.5 = 2.5，2 − 2.5 = -0.5 → 0（下限 0）")] // ⌈21 ÷ 5⌉ = 5
    public void A_step_deduction_counts_completed_or_started_steps(string step, string rate, string criterion, decimal line, string reason) =>
        Expect(Score($"per_percent(-0.5) of 100% {step} 5% floor 0", rate, 2), criterion, line, reason);

    [TestCase("per_amount(0.1) cap 20", "unit: 小时", "175.5", "17.55", 17.55, "175.5 小时 × 0.1 = 17.55（上限 20）")]                       // 175.5 × 0.1
    [TestCase("per_amount(1) per 10 cap 5", "", "175.5", "5", 5, "175.5，每 10 一档，17 档 × 1 = 17 → 5（上限 5）")]                          // ⌊175.5 ÷ 10⌋ = 17
    [TestCase("per_amount(1) per 10 cap 5", "", "39.9", "3", 3, "39.9，每 10 一档，3 档 × 1 = 3（上限 5）")]                                   // ⌊3.99⌋ = 3
    [TestCase("per_amount(1) per 10 cap 5", "unit: 小时", "40", "4", 4, "40 小时，每 10 小时一档，4 档 × 1 = 4（上限 5）")]                      // exactly 4 steps
    [TestCase("per_amount(-0.1) of 200 floor 0", "unit: 小时", "175.5", "2.55", 2.55, "175.5 小时，比 200 小时少 24.5 小时 × 0.1 = 2.45，5 − 2.45 = 2.55")] // 5 − 24.5 × 0.1
    [TestCase("per_amount(-0.1) of 200 floor 0", "", "175.5", "2.55", 2.55, "175.5，比 200 少 24.5 × 0.1 = 2.45，5 − 2.45 = 2.55")]
    [TestCase("per_amount(-0.1) of 200 floor 0", "", "200.25", "5", 5, "200.25，达到 200，5 分")]
    public void An_amount_counts_in_its_own_unit(string rule, string extra, string value, string criterion, decimal line, string reason) =>
        Expect(Score(rule, value, rule.Contains("cap 20", StringComparison.Ordinal) ? 20 : 5, extra), criterion, line, reason);

    [TestCase("95%", "0.2", 0.2, "95%，超过 90% 5 个百分点，每 2% 一档，2 档 × 0.1 = 0.2（上限 4）")]   // ⌊5 ÷ 2⌋ = 2 steps × 0.1
    [TestCase("94%", "0.2", 0.2, "94%，超过 90% 4 个百分点，每 2% 一档，2 档 × 0.1 = 0.2（上限 4）")]   // exactly 2 steps
    [TestCase("91.5%", "0", 0, "91.5%，超过 90% 1.5 个百分点，每 2% 一档，0 档 × 0.1 = 0（上限 4）")]  // not one whole step
    [TestCase("90%", "0", 0, "90%，未超过 90%，0 分（上限 4）")]
    public void A_percentage_above_a_threshold_adds_per_completed_step(string rate, string criterion, decimal line, string reason) =>
        Expect(Score("per_percent(0.1) over 90% per 2% cap 4", rate, 4), criterion, line, reason);

    [TestCase("7", "1.5", 1.5, "7 项，比 10 项少 3 项 × 0.5 = 1.5（上限 4）")]   // a positive rate on a shortfall: 3 × 0.5
    [TestCase("10", "0", 0, "10 项，达到 10 项，0 分（上限 4）")]
    public void A_positive_rate_on_a_shortfall_scores_the_shortfall(string count, string criterion, decimal line, string reason) =>
        Expect(Score("per_item(0.5) of 10 cap 4", count, 4), criterion, line, reason);

    [TestCase("per_item(0.6) cap 6", false)]             // an empty count scores 0 × 0.6 = 0
    [TestCase("per_item(0) cap 6", false)]               // a rate of 0 too
    [TestCase("per_item(0.5) over 5 cap 6", false)]      // 0 is not above 5: 0
    [TestCase("per_percent(0.1) cap 6", false)]
    [TestCase("per_item(0.5) of 10 cap 6", true)]        // 0 is 10 short: 5, not the 0 of evidence not given
    [TestCase("per_item(-0.5) floor 0", true)]           // 6 + 0 × (−0.5) = 6, not 0
    [TestCase("all_of(6)", true)]                        // an empty list is 'all in place': 6
    public void The_numbers_path_checks_for_evidence_not_given_only_where_an_empty_cell_would_not_score_zero(string rule, bool guarded)
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule(rule, 6, rule.StartsWith("all_of", StringComparison.Ordinal) ? "items: [a]" : ""));
        (rubric.Compiled.Lines.Single().BaseRuntimes.Single() is RubricEngine.Compilation.GivenEvidenceRuntime).Should().Be(guarded);
        rubric.TryScoreText("rubric: test\nunit: 测试村\nlines:\n  only: {}\n", "e.yaml", out var card, out _).Should().BeTrue();
        card!.Total.Should().Be(0m, "evidence not given scores 0 whatever the rule");
    }

    [TestCase("per_item(-0.5) of 1000000 floor 0")]   // the largest quota a count can have
    [TestCase("per_item(0.5) over 0 cap 4")]          // a threshold of 0: every item counts
    [TestCase("per_item(0.5) per 1 cap 4")]           // the smallest step of a count
    [TestCase("per_amount(-0.1) of 0.01 floor 0")]    // an amount's quota only has to be above 0
    [TestCase("per_amount(0.1) per 0.001 cap 4")]
    [TestCase("per_amount(0.1) over 0 per 1000000 cap 4")]
    [TestCase("per_percent(-1) of 1000% floor 0")]    // the largest percentage
    [TestCase("per_percent(-1) of 0.01% floor 0")]
    [TestCase("per_percent(0.1) over 0% cap 4")]
    [TestCase("per_percent(0.1) over 1000% cap 4")]
    [TestCase("per_item(-1000) floor 0")]             // the rate's bounds
    [TestCase("per_item(1000) cap 4")]
    public void Options_at_the_edges_of_their_range_are_accepted(string rule)
    {
        Rubric.TryLoadText(RubricText.OneRule(rule), "test.yaml", out _, out var diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
        diagnostics.Where(d => d.IsError).Should().BeEmpty();
    }

    [Test]
    public void A_count_without_a_unit_counts_items_as_before()
    {
        Expect(Score("per_item(0.6) cap 6", "3", 6), "1.8", 1.8m, "3 项 × 0.6 = 1.8（上限 6）"); // 3 × 0.6
    }

    [Test]
    public void The_scale_a_rule_is_written_with_does_not_show_in_scores_or_reasons()
    {
        // 0.50 × 3 = 1.50 in decimal arithmetic: shown and kept as 1.5.
        Expect(Score("per_item(0.50) cap 4", "3", 4), "1.5", 1.5m, "3 项 × 0.5 = 1.5（上限 4）");
    }

    [Test]
    public void A_signed_rate_on_a_criterion_of_no_points_deducts_below_zero_but_the_line_stays_at_zero()
    {
        // 0 + 3 × (−0.5) = −1.5: the criterion goes negative; the line never goes below 0.
        Expect(Score("per_item(-0.5)", "3", 0, "unit: 例"), "-1.5", 0m, "3 例 × 0.5，扣 1.5");
        Expect(Score("per_item(-0.5)", "0", 0, "unit: 例"), "0", 0m, "0 例 × 0.5，扣 0");
    }

    [Test]
    public void A_signed_rate_on_a_bonus_adds_per_case()
    {
        var line = Score("per_item(0.5) bonus", "2", 0, "unit: 例");   // 2 × 0.5 = 1
        (line.Criteria.Single().Reason, line.Score, line.Bonus).Should().Be(("2 例 × 0.5 = 1", 0m, 1m));
    }

    [Test]
    public void A_deduction_per_case_from_the_points_shows_both_steps()
    {
        Expect(Score("per_item(-0.5)", "2", 3, "unit: 例"), "2", 2m, "2 例 × 0.5 = 1，3 − 1 = 2");   // 3 − 2 × 0.5
    }

    [Test]
    public void A_percentage_with_no_reference_counts_its_points()
    {
        Expect(Score("per_percent(0.04) cap 4", "76.5%", 4), "3.06", 3.06m, "76.5%，76.5 个百分点 × 0.04 = 3.06（上限 4）");   // 76.5 × 0.04
    }

    [Test]
    public void Evidence_not_given_scores_zero_even_where_zero_would_be_a_shortfall()
    {
        // An empty count would be 30 short of 30; evidence not given scores 0, on the card and on the numbers path.
        var rubric = EvidenceText.Compile(RubricText.OneRule(Sessions, 5, "unit: 场"));
        const string evidence = "rubric: test\nunit: 测试村\nlines:\n  only: {}\n";
        rubric.TryScoreText(evidence, "e.yaml", out var card, out _).Should().BeTrue();
        (card!.Lines.Single().Score, card.Lines.Single().Criteria.Single().Reason).Should().Be((0m, "未提供，0 分"));
        rubric.Compiled.Lines.Single().BaseRuntimes.Single().Should().BeOfType<RubricEngine.Compilation.GivenEvidenceRuntime>(
            "a quota makes an empty cell a shortfall, so the numbers path must keep the check for evidence not given");
    }

    [Test]
    public void A_percentage_given_in_code_is_read_as_one_written_in_a_file()
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule("per_percent(-1) of 80% floor 0", 8));
        var evidence = new UnitEvidence("test", "测试村").With("only", "k", new EvidenceFact.Percent(76.5m));
        rubric.TryScore(evidence, out var card, out var diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
        card!.Lines.Single().Criteria.Single().Reason.Should().Be("76.5% 低于目标 80% 3.5 个百分点 × 1 = 3.5，8 − 3.5 = 4.5");
    }

    [TestCase("76", 14, "RE0012", "'only.k' is a percentage: write 76% (with the % sign), not 76")]
    [TestCase("0.76", 14, "RE0012", "'only.k' is a percentage: write 0.76% (with the % sign), not 0.76; if 0.76 is a share of the whole, write 76%")]
    [TestCase("1000.5%", 14, "RE0303", "'only.k' must be from 0% to 1000%, not 1000.5%")]
    [TestCase("-1%", 14, "RE0303", "'only.k' must be from 0% to 1000%, not -1%")]
    [TestCase("high", 14, "RE0012", "'only.k' must be a percentage with its % sign, such as 76.5%, not 'high'")]
    public void A_percentage_without_its_sign_or_out_of_range_is_refused(string value, int column, string code, string message)
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule("per_percent(-1) of 80% floor 0", 8));
        var error = EvidenceText.Errors(rubric, EvidenceText.OneLine(value)).Should().ContainSingle().Subject;
        (error.Code, error.Message, error.Span.ToString()).Should().Be((code, message, $"e.yaml(4,{column})"));
    }

    [Test]
    public void A_quoted_percentage_is_read_as_json_writes_it()
    {
        Expect(Score("per_percent(-1) of 80% floor 0", "\"76%\"", 8), "4", 4m, "76% 低于目标 80% 4 个百分点 × 1 = 4，8 − 4 = 4");
    }

    [TestCase("1000000.5", "'only.k' must be from 0 to 1000000, not 1000000.5")]
    [TestCase("-0.5", "'only.k' must be from 0 to 1000000, not -0.5")]
    public void An_amount_outside_its_range_is_refused(string value, string message)
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule("per_amount(0.1) cap 4", 4));
        EvidenceText.Errors(rubric, EvidenceText.OneLine(value)).Should().ContainSingle().Which.Message.Should().Be(message);
    }

    private static readonly string Conditions = "items: [{ id: organ, label: 机构 }, { id: staff, label: 人员 }, { id: funding, label: 经费 }]";

    [TestCase("[]", "10", 10, "全部落实，10 分")]
    [TestCase("[funding]", "0", 0, "未落实：经费，不得分")]
    [TestCase("[organ, funding]", "0", 0, "未落实：机构、经费，不得分")]
    [TestCase("[organ, staff, funding]", "0", 0, "未落实：机构、人员、经费，不得分")]
    public void All_of_gives_its_points_only_when_nothing_is_missing(string missing, string criterion, decimal line, string reason) =>
        Expect(Score("all_of(10)", missing, 10, Conditions), criterion, line, reason);

    private const string Stars = "levels: [{ id: a, label: A }, { id: aa, label: AA }, { id: aaa, label: AAA }]";

    [Test]
    public void A_criterions_own_levels_replace_the_rubrics_and_each_village_counts_once()
    {
        // 村1 at AAA (2) and A (0.5) counts once, at 2; 村2 AA 1; 村3 A 0.5: 2 + 1 + 0.5 = 3.5, capped at 3 (最高加3分).
        var line = Score("tiered(0.5, 1, 2) max_per_item cap 3",
            "[{ item: 村1, level: aaa }, { item: 村1, level: a }, { item: 村2, level: aa }, { item: 村3, level: a }]", 3, Stars);
        Expect(line, "3", 3m, "村1 AAA 2 + 村2 AA 1 + 村3 A 0.5 = 3.5（同一项目取最高） → 3（上限 3）");
    }

    [Test]
    public void A_level_of_the_rubric_is_not_a_level_of_a_criterion_with_its_own()
    {
        var rubric = EvidenceText.Compile(RubricText.OneRule("tiered(0.5, 1, 2) max_per_item cap 3", 3, Stars));
        EvidenceText.Errors(rubric, EvidenceText.OneLine("[{ item: 村1, level: county }]")).Should().ContainSingle()
            .Which.Message.Should().Be("unknown level 'county'; the levels are a, aa, aaa");
    }

    [Test]
    public void Max_per_item_keeps_the_level_worth_most_not_the_highest_listed()
    {
        // county is worth 3, city 1 (tiers need not rise): item x at both counts once, at county's 3; y at city 1.
        var line = Score("uncapped tiered(3, 1) max_per_item", "[{ item: x, level: city }, { item: x, level: county }, { item: y, level: city }]", 4);
        Expect(line, "4", 4m, "x 县级 3 + y 市级 1 = 4（同一项目取最高）");
    }

    [Test]
    public void Max_per_item_keeps_the_level_worth_most_in_a_long_list_too()
    {
        // 17 publications (the runtime groups lists longer than 16): x at city 1 eight times and county 3 once, then
        // y1 … y8 at city 1 each: 3 + 8 × 1 = 11.
        var entries = Enumerable.Repeat("{ item: x, level: city }", 8).Append("{ item: x, level: county }")
            .Concat(Enumerable.Range(1, 8).Select(i => $"{{ item: y{i}, level: city }}"));
        var line = Score("uncapped tiered(3, 1) max_per_item", "[" + string.Join(", ", entries) + "]", 4);
        line.Criteria.Single().Score.Should().Be(11m);
        line.Criteria.Single().Reason.Should().StartWith("x 县级 3 + y1 市级 1 +").And.EndWith("= 11（同一项目取最高）");
    }

    private static ScoreRange RangeOf(ScoringFunction function, decimal argument, decimal points, params string[] options)
    {
        var arguments = ImmutableDictionary.CreateBuilder<string, NumberSyntax>();
        foreach (var option in options)
        {
            var (name, number) = (option.Split(' ')[0], option.Split(' ')[1]);
            var isPercent = number.EndsWith('%');
            arguments.Add(name, new NumberSyntax(decimal.Parse(number.TrimEnd('%'), CultureInfo.InvariantCulture), isPercent, default));
        }

        var context = new BindContext([argument], points, ["a"], [], [.. options.Select(o => o.Split(' ')[0])], [("k", default)])
        {
            OptionArguments = arguments.ToImmutable(),
        };
        return function.Range(context);
    }

    private static IEnumerable<TestCaseData> Ranges()
    {
        TestCaseData Case(ScoringFunction f, decimal rate, decimal points, string[] options, decimal? min, decimal? max, string why) =>
            new TestCaseData(f.Name, rate, points, options, min, max).SetArgDisplayNames($"{f.Name}({rate}) {string.Join(" ", options)} on {points}: {why}");

        var item = MeasureFunction.PerItem;
        var amount = MeasureFunction.PerAmount;
        var percent = MeasureFunction.PerPercent;
        yield return Case(item, -0.167m, 5, ["of 30"], -0.01m, 5m, "5 − 30 × 0.167 = −0.01 when none is held");
        yield return Case(item, 0.5m, 2, ["over 5"], 0m, null, "no upper bound to rely on");
        yield return Case(item, 0.5m, 4, ["of 10"], 0m, 5m, "10 short × 0.5");
        yield return Case(item, 0.5m, 4, ["of 10", "per 3"], 0m, 1.5m, "⌊10 ÷ 3⌋ = 3 × 0.5");
        yield return Case(item, 0.5m, 4, ["of 10", "per_started 3"], 0m, 2m, "⌈10 ÷ 3⌉ = 4 × 0.5");
        yield return Case(item, 0m, 4, [], 0m, 0m, "a rate of 0 scores 0");
        yield return Case(item, -0.5m, 0, [], null, 0m, "each case deducts, without a bound");
        yield return Case(item, -0.5m, 3, ["over 5"], null, 3m, "3 less each case above 5");
        yield return Case(amount, 1m, 5, ["per 10"], 0m, null, "no upper bound to rely on");
        yield return Case(amount, -0.1m, 5, ["of 200"], -15m, 5m, "5 − 200 × 0.1");
        yield return Case(percent, -1m, 8, ["of 80%"], -72m, 8m, "8 − 80 × 1 at 0%");
        yield return Case(percent, -0.5m, 2, ["of 100%", "per 5%"], -8m, 2m, "2 − 20 steps × 0.5 at 0%");
        yield return Case(percent, -0.5m, 2, ["of 100%", "per 30%"], 0.5m, 2m, "2 − ⌊100 ÷ 30⌋ = 3 × 0.5");
        yield return Case(percent, -0.5m, 2, ["of 100%", "per_started 30%"], 0m, 2m, "2 − ⌈100 ÷ 30⌉ = 4 × 0.5");
        yield return Case(percent, 0.1m, 4, [], 0m, 100m, "1000 points × 0.1 at 1000%");
        yield return Case(percent, 0.1m, 4, ["over 90%"], 0m, 91m, "(1000 − 90) × 0.1");
        yield return Case(percent, -1m, 8, [], -992m, 8m, "8 − 1000 × 1 at 1000%");
        yield return Case(new AllOfFunction(), 10m, 10, [], 0m, 10m, "all or nothing");
    }

    [TestCaseSource(nameof(Ranges))]
    public void The_checker_knows_the_exact_range(string function, decimal rate, decimal points, string[] options, decimal? min, decimal? max) =>
        RangeOf(FunctionCatalogue.ByName[function], rate, points, options).Should().Be(new ScoreRange(min, max));
}
