using RubricEngine.Diagnostics;
using RubricEngine.Revisions;
using RubricEngine.Tests.Support;
using static RubricEngine.Tests.Revisions.RevisionSamples;

namespace RubricEngine.Tests.Revisions;

/// <summary>
/// The impact of the sample 2023 revision on the village samples, calculated by hand. What the revision changes
/// (samples/revisions/village-2023.yaml): micro_lecture removed; cloud_platform added (the samples have no evidence
/// for it: 0); review_meetings quarterly(3) → quarterly(2); lectures' months (lecture_months, 0.5 a month) replaced by
/// quarters (lecture_quarters, 1.5 a quarter), for which the 2022 samples have no evidence: 0.
/// </summary>
public sealed class RevisionImpactTests
{
    private static readonly string Bailong = Repo.PathOf("samples/village-bailong.yaml");
    private static readonly string Qingshui = Repo.PathOf("samples/village-qingshui.yaml");

    [Test]
    public void The_village_samples_old_and_new_totals_and_deltas_match_the_hand_calculation()
    {
        var impact = RevisionImpact.Assess(Village2022, Village2023, [Bailong, Qingshui]);
        impact.Refused.Should().BeEmpty();
        impact.Units.Select(u => u.Unit).Should().Equal("白龙村", "清水村");

        // 白龙村 under 2022: organization 2 + 2 + 0 = 4; venue 2 + 2 − 0.5 = 3.5; micro_lecture 4; team 1 + 2 + 0 = 3;
        // lectures 4 + 11 months × 0.5 = 9.5; rules 4 − 2 (duties missing) = 2; activity_plan 2 + 2.5 = 4.5;
        // review_meetings 3 quarters × 3 = 9; activities 12 + 10 = 22; publicity tea-lecture max(2, 3) + clean-village 2 = 5;
        // innovation 2; archives 6.5. Total 4 + 3.5 + 4 + 3 + 9.5 + 2 + 4.5 + 9 + 22 + 5 + 2 + 6.5 = 75.
        // Under 2023: micro_lecture gone (−4); lectures 4 + 0 = 4 (−5.5); review_meetings 3 × 2 = 6 (−3); cloud_platform 0.
        // Total 75 − 4 − 5.5 − 3 = 62.5, delta −12.5.
        var bailong = impact.Units[0];
        (bailong.OldTotal, bailong.NewTotal, bailong.Delta).Should().Be((75m, 62.5m, -12.5m));
        bailong.Lines.Should().Equal(
            new LineImpact("micro_lecture", 4m, null),
            new LineImpact("lectures", 9.5m, 4m),
            new LineImpact("review_meetings", 9m, 6m),
            new LineImpact("cloud_platform", null, 0m));

        // 清水村 under 2022: organization 6; venue 2 + 0 = 2; micro_lecture 0; team 5; lectures 4 + 12 × 0.5 = 10; rules 4;
        // activity_plan 2 + 3 = 5; review_meetings 4 × 3 = 12; activities 6 + 6 = 12; publicity province 4; innovation 2 + 4 = 6;
        // archives 7. Total 6 + 2 + 0 + 5 + 10 + 4 + 5 + 12 + 12 + 4 + 6 + 7 = 73.
        // Under 2023: lectures 4 (−6); review_meetings 4 × 2 = 8 (−4); micro_lecture was 0. Total 73 − 6 − 4 = 63, delta −10.
        var qingshui = impact.Units[1];
        (qingshui.OldTotal, qingshui.NewTotal, qingshui.Delta).Should().Be((73m, 63m, -10m));
        qingshui.Lines.Should().Equal(
            new LineImpact("micro_lecture", 0m, null),
            new LineImpact("lectures", 10m, 4m),
            new LineImpact("review_meetings", 12m, 8m),
            new LineImpact("cloud_platform", null, 0m));

        // 75 > 73, then 63 > 62.5: the two villages swap places.
        (bailong.OldRank, bailong.NewRank, qingshui.OldRank, qingshui.NewRank).Should().Be((1, 2, 2, 1));
        (impact.Up, impact.Down, impact.Unchanged).Should().Be((0, 2, 0));
        impact.Largest(1).Should().Equal(bailong);
    }

    [Test]
    public void Old_evidence_is_scored_under_the_new_version_with_warnings_naming_what_no_longer_exists()
    {
        var unit = RevisionImpact.Assess(Village2022, Village2023, [Bailong]).Units.Should().ContainSingle().Subject;
        unit.OldRank.Should().BeNull("ranks are for several units");
        var file = Bailong;
        unit.Warnings.Select(w => w.ToString()).Should().Equal(
            $"{file}(6,1): warning RE0305: no evidence for line 'cloud_platform'; it scores 0",
            $"{file}(9,3): warning RE0309: version 2023 of rubric 'village' has no line 'micro_lecture'; its evidence is not scored",
            $"{file}(11,3): warning RE0305: no evidence for 'lectures.lecture_quarters'; it scores 0",
            $"{file}(13,5): warning RE0309: version 2023 of rubric 'village' has no evidence key 'lectures.lecture_months'; it is not scored");
    }

    [Test]
    public void A_value_that_fitted_the_old_rule_but_not_the_new_one_is_a_warning_and_scores_as_not_given()
    {
        // The key stays lecture_months but is now read as quarters: 白龙村's months 5 to 12 are not quarters.
        var quarterly = EditedVillage(("rule: monthly(0.5)", "rule: quarterly(1.5)"));
        var unit = RevisionImpact.Assess(Village2022, quarterly, [Bailong]).Units.Should().ContainSingle().Subject;
        // lectures: 4 (team) + 0 (months not given) = 4, down from 9.5: 75 − 5.5 = 69.5.
        (unit.OldTotal, unit.NewTotal).Should().Be((75m, 69.5m));
        unit.Warnings.Where(w => w.Code == DiagnosticCodes.NotInThisVersion).Select(w => w.Message).Should().HaveCount(7)
            .And.Contain("5 is not a quarter; quarters are whole numbers from 1 to 4, as version 2022 of rubric 'village' reads it; 'lectures.lecture_months' scores as not given");
    }

    [Test]
    public void Evidence_given_as_text_has_the_same_impact_as_the_same_files()
    {
        var impact = RevisionImpact.AssessText(Village2022, Village2023, new Dictionary<string, string>
        {
            ["village-bailong.yaml"] = Repo.Read("samples/village-bailong.yaml"),
            ["village-qingshui.yaml"] = Repo.Read("samples/village-qingshui.yaml"),
        });
        // As in the hand calculation above: 75 → 62.5 and 73 → 63.
        impact.Units.Select(u => (u.File, u.OldTotal, u.NewTotal)).Should().Equal(
            ("village-bailong.yaml", 75m, 62.5m), ("village-qingshui.yaml", 73m, 63m));
    }

    [Test]
    public void Evidence_with_an_error_under_its_own_version_is_refused_and_the_others_are_still_scored()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"village-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(bad, Repo.Read("samples/village-bailong.yaml").Replace("[1, 2, 4]", "[1, 2, 5]", StringComparison.Ordinal));
        try
        {
            var impact = RevisionImpact.Assess(Village2022, Village2023, [bad, Qingshui]);
            impact.Units.Select(u => u.Unit).Should().Equal("清水村");
            impact.Refused.Should().ContainSingle().Which.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.EvidenceOutOfRange);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
