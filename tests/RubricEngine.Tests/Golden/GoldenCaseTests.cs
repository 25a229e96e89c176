using Newtonsoft.Json.Linq;
using RubricEngine.Reporting;
using RubricEngine.Tests.Support;
using Snapshooter.NUnit;

namespace RubricEngine.Tests.Golden;

/// <summary>Scores every golden case and compares with the hand calculation, then with the read snapshot of the whole card.</summary>
public sealed class GoldenCaseTests
{
    private static IEnumerable<GoldenCase> Cases() => GoldenCase.All();

    [TestCaseSource(nameof(Cases))]
    public void Every_line_and_total_matches_the_hand_calculation(GoldenCase golden)
    {
        var card = Score(golden);
        var expected = golden.ReadExpected();

        card.Lines.Select(l => l.Id).Should().Equal(expected.Lines.Keys, "expected.yaml lists every line, in rubric order");
        foreach (var line in card.Lines)
        {
            line.Score.Should().Be(expected.Lines[line.Id], $"line '{line.Id}': {string.Join(" | ", line.Reasons)}");
            line.Bonus.Should().Be(expected.Bonuses.GetValueOrDefault(line.Id), $"bonus of line '{line.Id}'");
        }

        card.BaseTotal.Should().Be(expected.BaseTotal);
        card.BonusTotal.Should().Be(expected.BonusTotal);
        card.Total.Should().Be(expected.Total);
    }

    [TestCaseSource(nameof(Cases))]
    public void The_whole_score_card_matches_its_snapshot(GoldenCase golden)
    {
        var json = ScoreCardJson.Write(Score(golden));
        // Snapshooter names the snapshot after the test case, so each case has its own file.
        Snapshot.Match(JToken.Parse(json));
    }

    internal static ScoreCard Score(GoldenCase golden)
    {
        var rubric = Repo.Rubric(golden.RubricId);
        rubric.TryScoreText(Repo.Read(golden.EvidenceFile), golden.EvidenceFile, out var card, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return card!;
    }
}
