using System.Text.Json;
using RubricEngine.Reporting;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Reports;

/// <summary>The JSON card with its <c>file</c>, indented or on one line (JSON Lines).</summary>
public sealed class ScoreCardJsonTests
{
    [Test]
    public void The_card_can_name_its_file_first_and_fit_on_one_line()
    {
        Repo.Rubric("village").TryScoreText(Repo.Read("samples/village-bailong.yaml"), "samples/village-bailong.yaml", out var card, out _)
            .Should().BeTrue();

        var line = ScoreCardJson.Write(card!, "乡镇/白龙村.yaml", indented: false);

        line.Should().StartWith("{\"file\":\"乡镇/白龙村.yaml\",\"rubric\":\"village\",").And.NotContain("\n");
        var withFile = JsonDocument.Parse(line).RootElement;
        var plain = JsonDocument.Parse(ScoreCardJson.Write(card!)).RootElement;
        plain.TryGetProperty("file", out _).Should().BeFalse("the one-argument Write keeps the contract as it was");
        withFile.EnumerateObject().Select(p => p.Name).Should().Equal(new[] { "file" }.Concat(plain.EnumerateObject().Select(p => p.Name)));
        withFile.GetProperty("total").GetDecimal().Should().Be(75); // see CliTests: the quick-start card totals 75
        ScoreCardJson.Write(card!, file: null, indented: true).Should().Be(ScoreCardJson.Write(card!));
    }
}
