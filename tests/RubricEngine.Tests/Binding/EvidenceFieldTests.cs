using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Binding;

/// <summary><see cref="RubricCriterion.Fields"/>: what each evidence key must hold, read from the shipped rubrics.</summary>
public sealed class EvidenceFieldTests
{
    private static EvidenceField Field(string rubric, string line, string key) =>
        Repo.Rubric(rubric).FindLine(line)!.Criteria.SelectMany(c => c.Fields).Single(f => f.Key == key);

    [Test]
    public void Each_function_gives_its_keys_their_shape_and_range()
    {
        Field("village", "organization", "leading_group").Kind.Should().Be(EvidenceValueKind.Flag);       // present(2)
        Field("village", "lectures", "lecture_months").Kind.Should().Be(EvidenceValueKind.Months);         // monthly(0.5)
        Field("village", "review_meetings", "meeting_quarters").Kind.Should().Be(EvidenceValueKind.Quarters); // quarterly(3)

        var quality = Field("village", "activity_plan", "plan_quality");                                     // judged(0, 3)
        (quality.Kind, quality.Min, quality.Max).Should().Be((EvidenceValueKind.Amount, 0m, 3m));

        var missing = Field("village", "rules", "missing");                                                  // items: [signboard, duties, lecture_rules]
        missing.Kind.Should().Be(EvidenceValueKind.ItemIds);
        missing.Allowed.Should().Equal("signboard", "duties", "lecture_rules");

        var publications = Field("village", "publicity", "publications");                                    // levels of village.yaml
        publications.Kind.Should().Be(EvidenceValueKind.Publications);
        publications.Allowed.Should().Equal("county", "city", "province", "national");
        publications.AllowedLabels.Should().Equal("县级", "市级", "省级", "国家级");
        publications.Description.Should().Be("a list of publications such as { item: tea-lecture, level: county }");
    }

    [Test]
    public void Every_key_of_every_shipped_rubric_is_described_once_and_a_ratio_has_two()
    {
        foreach (var id in new[] { "platform", "town", "village" })
        {
            foreach (var criterion in Repo.Rubric(id).Lines.SelectMany(l => l.Criteria))
            {
                criterion.Fields.Select(f => f.Key).Should().Equal(criterion.Keys, $"{id}: {criterion.Label}");
            }
        }

        var ratio = Repo.Rubric("town").Lines.SelectMany(l => l.Criteria).First(c => c.Keys.Length == 2);
        ratio.Fields.Should().OnlyContain(f => f.Kind == EvidenceValueKind.Count && f.Min >= 0);
    }
}
