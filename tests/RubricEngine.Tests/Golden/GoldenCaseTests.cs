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

        // Read from the JSON contract other teams read (docs/evidence.md), not from the card's C# shape.
        var json = JObject.Parse(ScoreCardJson.Write(card));
        if (expected.UnitType is { } unitType)
        {
            Text(json["unit_type"]).Should().Be(unitType, "the card's unit_type");
        }

        if (expected.Grade is { } grade)
        {
            Text(json["grade"]?.Type == JTokenType.Object ? json["grade"]!["id"] : json["grade"]).Should().Be(grade, "the card's grade");
        }

        if (expected.Vetoes is { } vetoes)
        {
            json["vetoes"].Should().NotBeNull("a rubric with vetoes writes the card's 'vetoes', empty when none applied");
            json["vetoes"]!.Select(v => (string?)v["key"]).Should().BeEquivalentTo(vetoes, "the vetoes applied");
        }
    }

    private static string? Text(JToken? token) =>
        token is null ? null : token.Type == JTokenType.Null ? GoldenCase.ExpectedNull : (string?)token;

    [TestCaseSource(nameof(Cases))]
    public void The_whole_score_card_matches_its_snapshot(GoldenCase golden)
    {
        var json = ScoreCardJson.Write(Score(golden));
        // Snapshooter names the snapshot after the test case, so each case has its own file.
        Snapshot.Match(JToken.Parse(json));
    }

    internal static ScoreCard Score(GoldenCase golden)
    {
        var rubric = Repo.RubricAt(golden.RubricFile);
        rubric.TryScoreText(Repo.Read(golden.EvidenceFile), golden.EvidenceFile, out var card, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return card!;
    }
}
