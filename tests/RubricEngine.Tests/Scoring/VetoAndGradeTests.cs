using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Scoring;

/// <summary>
/// Vetoes (一票否决) and grades of the total, on <see cref="TotalRulesText.Rubric"/>, worked by hand: the line scores stay
/// as scored, <c>total</c> is after the vetoes, the grade is the first whose <c>from</c> the total reaches.
/// </summary>
public sealed class VetoAndGradeTests
{
    private static readonly Rubric Graded = EvidenceText.Compile(TotalRulesText.Rubric());

    private static ScoreCard Score(string evidence, Rubric? rubric = null)
    {
        (rubric ?? Graded).TryScoreText(evidence, "e.yaml", out var card, out var diagnostics).Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return card!;
    }

    /// <summary>Score 85, award, zone with 2 people: base 85 + 2 × 1.25 = 87.5, bonus 2, total 89.5.</summary>
    private static string Evidence89(string vetoes) => TotalRulesText.Evidence(85, award: true, recommended: 2, top: "unit_type: zone\n" + vetoes);

    [Test]
    public void Without_a_veto_the_total_is_base_plus_bonus_and_its_grade_is_the_first_it_reaches()
    {
        var card = Score(Evidence89(""));

        // 85 + 2 × 1.25 = 87.5; + bonus 2 = 89.5; 80 ≤ 89.5 < 90 → 良好.
        card.BaseTotal.Should().Be(87.5m);
        card.BonusTotal.Should().Be(2m);
        card.Total.Should().Be(89.5m);
        card.Grade.Should().Be(new ScoreGrade("good", "良好"));
        card.HasGrades.Should().BeTrue();
        card.HasVetoes.Should().BeTrue();
        card.Vetoes.Should().BeEmpty();
        card.UnitType.Should().Be(new RubricUnitType("zone", "开发区"));
    }

    [Test]
    public void A_veto_written_false_or_left_empty_does_not_apply()
    {
        var card = Score(Evidence89("vetoes: { major_accident: false, late_report: ~ }"));
        card.Total.Should().Be(89.5m); // as without any veto
        card.Vetoes.Should().BeEmpty();
        Score(Evidence89("vetoes:")).Total.Should().Be(89.5m);
    }

    [Test]
    public void A_zero_veto_makes_the_total_0_and_keeps_the_line_scores()
    {
        var card = Score(Evidence89("vetoes: { major_accident: true }"));

        card.Lines.Select(l => l.Score).Should().Equal(85m, 2.5m); // unchanged: 85, 2 × 1.25
        card.Lines[0].Bonus.Should().Be(2m);
        card.BaseTotal.Should().Be(87.5m);
        card.BonusTotal.Should().Be(2m);
        card.Total.Should().Be(0m);
        card.Grade.Should().Be(new ScoreGrade("fail", "不合格")); // 0 < 60: the last grade, which has no 'from'
        card.Vetoes.Should().Equal(new AppliedVeto("major_accident", "发生较大事故以上（因不可抗力因素除外）", VetoEffect.Zero,
            "一票否决：发生较大事故以上（因不可抗力因素除外），总分 89.5 → 0"));
    }

    [Test]
    public void A_zero_veto_listed_after_others_still_makes_the_total_0()
    {
        // The same vetoes, the zero listed last: which one is raised must not depend on its place in the list.
        var reordered = EvidenceText.Compile(TotalRulesText.Rubric(TotalRulesText.UnitTypes + """

            vetoes:
              - { key: late_report, label: 未按时报送, effect: cap, cap: 60 }
              - { key: fraud, label: 弄虚作假, effect: lowest_grade }
              - { key: major_accident, label: 发生较大事故以上（因不可抗力因素除外）, effect: zero }

            """ + TotalRulesText.Grades));

        // 89.5 before the veto (85 + 2 × 1.25 + bonus 2) → 0, and 0 < 60 is the last grade.
        var card = Score(Evidence89("vetoes: { major_accident: true }"), reordered);
        card.Total.Should().Be(0m);
        card.Grade.Should().Be(new ScoreGrade("fail", "不合格"));

        // With the cap (first) raised too, the zero still wins, and the cap's reason says why.
        var both = Score(Evidence89("vetoes: { late_report: true, major_accident: true }"), reordered);
        both.Total.Should().Be(0m);
        both.Vetoes.Select(v => v.Key).Should().Equal("late_report", "major_accident");
        both.Vetoes[0].Reason.Should().Contain("另有否决使总分为 0");
    }

    [Test]
    public void A_cap_below_the_total_lowers_it_to_the_cap()
    {
        var card = Score(Evidence89("vetoes: { late_report: true }"));

        card.Total.Should().Be(60m); // min(89.5, 60)
        card.Grade!.Id.Should().Be("pass"); // 60 is exactly 合格's 'from'
        card.Vetoes.Should().Equal(new AppliedVeto("late_report", "未按时报送", VetoEffect.Cap, "一票否决：未按时报送，总分 89.5 → 60（上限 60）"));
    }

    [Test]
    public void A_cap_above_the_total_leaves_it_and_says_so()
    {
        // 50 + 2 × 1.25 = 52.5, no bonus: below the cap 60.
        var card = Score(TotalRulesText.Evidence(50, award: false, recommended: 2, top: "unit_type: zone\nvetoes: { late_report: true }"));

        card.Total.Should().Be(52.5m);
        card.Grade!.Id.Should().Be("fail"); // 52.5 < 60
        card.Vetoes.Single().Reason.Should().Be("一票否决：未按时报送，总分 52.5 未超过上限 60，不变");
    }

    [Test]
    public void A_cap_equal_to_the_total_leaves_it()
    {
        // 57.5 + 2 × 1.25 = 60: min(60, 60) = 60, the boundary of 'before ≤ cap'.
        var card = Score(TotalRulesText.Evidence(57.5m, award: false, recommended: 2, top: "unit_type: zone\nvetoes: { late_report: true }"));
        card.Total.Should().Be(60m);
        card.Vetoes.Single().Reason.Should().Be("一票否决：未按时报送，总分 60 未超过上限 60，不变");
    }

    [Test]
    public void A_lowest_grade_veto_keeps_the_total_and_forces_the_last_grade()
    {
        var card = Score(Evidence89("vetoes: { fraud: true }"));

        card.Total.Should().Be(89.5m);
        card.Grade.Should().Be(new ScoreGrade("fail", "不合格")); // 89.5 would be 良好
        card.Vetoes.Should().Equal(new AppliedVeto("fraud", "弄虚作假", VetoEffect.LowestGrade, "一票否决：弄虚作假，等级定为最低等级 不合格"));
    }

    [Test]
    public void With_a_zero_and_a_cap_the_zero_wins_and_both_are_listed_in_rubric_order()
    {
        var card = Score(Evidence89("vetoes: { late_report: true, major_accident: true }"));

        card.Total.Should().Be(0m);
        card.Vetoes.Select(v => v.Reason).Should().Equal(
            "一票否决：发生较大事故以上（因不可抗力因素除外），总分 89.5 → 0",
            "一票否决：未按时报送，总分上限 60（另有否决使总分为 0）");
    }

    [Test]
    public void With_two_caps_the_lower_wins()
    {
        var card = Score(Evidence89("vetoes: { late_report: true, late_twice: true }"));

        card.Total.Should().Be(50m); // min(89.5, 60, 50)
        card.Grade!.Id.Should().Be("fail");
        card.Vetoes.Select(v => v.Reason).Should().Equal(
            "一票否决：未按时报送，总分上限 60（另有更低的上限 50）",
            "一票否决：两次未按时报送，总分 89.5 → 50（上限 50）");
    }

    [Test]
    public void A_cap_and_a_lowest_grade_both_apply()
    {
        var card = Score(Evidence89("vetoes: { late_report: true, fraud: true }"));
        card.Total.Should().Be(60m); // min(89.5, 60); 60 would be 合格, the veto makes it 不合格
        card.Grade!.Id.Should().Be("fail");
        card.Vetoes.Select(v => v.Key).Should().Equal("late_report", "fraud");
    }

    /// <summary>Score only (no bonus, district with 0 people): the total is the judged score.</summary>
    [TestCase("90", "excellent")] // exactly 优秀's 'from'
    [TestCase("89.99", "good")]   // 0.01 below it
    [TestCase("80", "good")]
    [TestCase("79.99", "pass")]
    [TestCase("60", "pass")]
    [TestCase("59.99", "fail")]
    [TestCase("0", "fail")]
    [TestCase("95", "excellent")]
    public void Every_grade_boundary_holds_at_from_and_a_hundredth_below(string score, string grade)
    {
        var card = Score(TotalRulesText.Evidence(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), award: false, recommended: 0, top: "unit_type: district"));
        card.Total.Should().Be(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture));
        card.Grade!.Id.Should().Be(grade);
    }

    [Test]
    public void A_total_below_every_grade_has_no_grade_when_the_last_grade_has_a_from()
    {
        var rubric = EvidenceText.Compile(TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\ngrades: [{ id: pass, label: 合格, from: 60 }]"));
        var card = Score(TotalRulesText.Evidence(59.99m, award: false, recommended: 0, top: "unit_type: district"), rubric);
        card.HasGrades.Should().BeTrue();
        card.Grade.Should().BeNull();
        card.HasVetoes.Should().BeFalse();
        Score(TotalRulesText.Evidence(60, award: false, recommended: 0, top: "unit_type: district"), rubric).Grade!.Label.Should().Be("合格");
    }

    [Test]
    public void A_rubric_with_vetoes_and_no_grades_gives_no_grade()
    {
        var rubric = EvidenceText.Compile(TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\n" + TotalRulesText.Vetoes.Replace("lowest_grade", "zero", StringComparison.Ordinal)));
        var card = Score(Evidence89("vetoes: { late_twice: true }"), rubric);
        card.HasGrades.Should().BeFalse();
        card.Grade.Should().BeNull();
        card.HasVetoes.Should().BeTrue();
        card.Total.Should().Be(50m); // min(89.5, 50)
    }

    [TestCase("district", 3, "1.5", "3 项 × 0.5 = 1.5（上限 5）")]    // 3 × 0.5
    [TestCase("zone", 3, "3.75", "3 项 × 1.25 = 3.75（上限 5）")]     // 3 × 1.25
    [TestCase("district", 12, "5", "12 项 × 0.5 = 6 → 5（上限 5）")]  // 12 × 0.5 = 6, capped at 5
    [TestCase("zone", 4, "5", "4 项 × 1.25 = 5（上限 5）")]           // 4 × 1.25 = 5, at the cap
    public void The_unit_type_picks_the_rule(string type, int people, string score, string reason)
    {
        var card = Score(TotalRulesText.Evidence(0, award: false, recommended: people, top: $"unit_type: {type}"));
        card.Lines[1].Score.Should().Be(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture));
        card.Lines[1].Criteria.Single().Reason.Should().Be(reason);
        card.UnitType!.Id.Should().Be(type);
    }

    [Test]
    public void A_rubric_with_unit_types_also_takes_one_rule_for_every_type()
    {
        var rubric = EvidenceText.Compile(TotalRulesText.Rubric(TotalRulesText.UnitTypes, "rule: per_item(1) cap 5"));
        Score(TotalRulesText.Evidence(0, false, 3, "unit_type: district"), rubric).Lines[1].Score.Should().Be(3m); // 3 × 1
        Score(TotalRulesText.Evidence(0, false, 3, "unit_type: zone"), rubric).Lines[1].Score.Should().Be(3m);
    }

    [Test]
    public void The_public_rubric_describes_its_unit_types_vetoes_grades_and_rules_by_type()
    {
        Graded.UnitTypes.Should().Equal(new RubricUnitType("district", "区"), new RubricUnitType("zone", "开发区"));
        Graded.Vetoes.Should().Equal(
            new RubricVeto("major_accident", "发生较大事故以上（因不可抗力因素除外）", VetoEffect.Zero, null),
            new RubricVeto("late_report", "未按时报送", VetoEffect.Cap, 60m),
            new RubricVeto("late_twice", "两次未按时报送", VetoEffect.Cap, 50m),
            new RubricVeto("fraud", "弄虚作假", VetoEffect.LowestGrade, null));
        Graded.Grades.Should().Equal(new RubricGrade("excellent", "优秀", 90m), new RubricGrade("good", "良好", 80m),
            new RubricGrade("pass", "合格", 60m), new RubricGrade("fail", "不合格", null));
        Graded.Lines[1].Criteria.Single().Rule.Should().Be("district: per_item(0.5) cap 5; zone: per_item(1.25) cap 5");
        Repo.Rubric("village").Vetoes.Should().BeEmpty();
        Repo.Rubric("village").Grades.Should().BeEmpty();
        Repo.Rubric("village").UnitTypes.Should().BeEmpty();
    }

    /// <summary>
    /// The numbers path gives the card's total, grade and vetoes for every combination of the four vetoes, on totals
    /// on both sides of every grade boundary and of both caps.
    /// </summary>
    [Test]
    public void The_numbers_path_equals_the_card_for_every_combination_of_vetoes()
    {
        string[] keys = ["major_accident", "late_report", "late_twice", "fraud"];
        decimal[] scores = [0m, 45m, 49.99m, 50m, 55m, 59.99m, 60m, 79.99m, 80m, 87m, 95m];
        var checkedCards = 0;
        foreach (var score in scores)
        {
            for (var mask = 0; mask < 16; mask++)
            {
                var evidence = new UnitEvidence("test", "测试区") { UnitType = "zone" }
                    .With("base", "score", new EvidenceFact.Amount(score))
                    .With("base", "award", new EvidenceFact.Flag(true))
                    .With("people", "recommended", new EvidenceFact.Count(2));
                for (var k = 0; k < keys.Length; k++)
                {
                    evidence = evidence.WithVeto(keys[k], (mask & (1 << k)) != 0);
                }

                Graded.TryScore(evidence, out var card, out var diagnostics).Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
                Graded.TryScoreNumbers(evidence, out var numbers, out _).Should().BeTrue();
                numbers!.Total.Should().Be(card!.Total, $"score {score}, vetoes {mask}");
                numbers.Grade.Should().Be(card.Grade, $"score {score}, vetoes {mask}");
                numbers.Vetoes.Should().Equal(card.Vetoes.Select(v => v.Key));
                numbers.BaseTotal.Should().Be(card.BaseTotal);
                numbers.BonusTotal.Should().Be(card.BonusTotal);
                checkedCards++;
            }
        }

        checkedCards.Should().Be(11 * 16);
    }

    [Test]
    public void The_numbers_path_applies_a_veto_by_hand_calculated_numbers()
    {
        var evidence = new UnitEvidence("test", "测试区") { UnitType = "zone" }
            .With("base", "score", new EvidenceFact.Amount(85))
            .With("base", "award", new EvidenceFact.Flag(true))
            .With("people", "recommended", new EvidenceFact.Count(2))
            .WithVeto("late_report");
        Graded.TryScoreNumbers(evidence, out var numbers, out _).Should().BeTrue();
        numbers!.BaseTotal.Should().Be(87.5m); // 85 + 2 × 1.25
        numbers.BonusTotal.Should().Be(2m);
        numbers.Total.Should().Be(60m);         // min(89.5, 60)
        numbers.Grade.Should().Be(new ScoreGrade("pass", "合格"));
        numbers.Vetoes.Should().Equal("late_report");
    }

    [Test]
    public void A_rubric_without_vetoes_or_grades_scores_numbers_as_before()
    {
        var village = Repo.Rubric("village");
        village.TryScore(Repo.PathOf("samples/village-bailong.yaml"), out var card, out _).Should().BeTrue();
        card!.HasGrades.Should().BeFalse();
        card.HasVetoes.Should().BeFalse();
        card.Grade.Should().BeNull();
        card.UnitType.Should().BeNull();
        card.Total.Should().Be(card.BaseTotal + card.BonusTotal);
    }
}
