using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Golden;

/// <summary>
/// The golden cases together must take every line of the three rubrics to a full, a zero and (where the line
/// can score in between) a partial outcome, so that no line's scoring goes untested.
/// </summary>
public sealed class CoverageTests
{
    private static readonly string[] RubricIds = ["platform", "town", "village"];

    [Test]
    public void The_three_rubrics_have_the_catalogues_39_lines()
    {
        RubricIds.Sum(id => Repo.Rubric(id).Lines.Length).Should().Be(39);
    }

    [TestCaseSource(nameof(RubricIds))]
    public void Every_line_reaches_full_zero_and_partial_across_the_golden_cases(string rubricId)
    {
        var rubric = Repo.Rubric(rubricId);
        var scores = GoldenCase.All().Where(c => c.RubricId == rubricId)
            .SelectMany(c => GoldenCaseTests.Score(c).Lines)
            .GroupBy(l => l.Id)
            .ToDictionary(g => g.Key, g => g.ToList());

        foreach (var line in rubric.Lines)
        {
            var full = line.Maximum ?? line.Points; // an uncapped line is "full" at its nominal points or more
            var outcomes = scores[line.Id];
            outcomes.Should().Contain(s => s.Score >= full, $"some case gives '{rubricId}.{line.Id}' its full {full}");
            outcomes.Should().Contain(s => s.Score == 0, $"some case gives '{rubricId}.{line.Id}' 0");
            if (HasPartial(line))
            {
                outcomes.Should().Contain(s => s.Score > 0 && s.Score < full, $"some case gives '{rubricId}.{line.Id}' a partial score");
            }
        }
    }

    /// <summary>A line of one yes/no criterion has no partial outcome; every other line does.</summary>
    private static bool HasPartial(RubricLine line) =>
        !(line.Criteria.Length == 1 && (line.Criteria[0].Rule.StartsWith("present(", StringComparison.Ordinal)
                                        || line.Criteria[0].Rule.StartsWith("all_or_nothing(", StringComparison.Ordinal)));
}
