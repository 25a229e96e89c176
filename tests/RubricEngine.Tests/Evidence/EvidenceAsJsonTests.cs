using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Evidence;

/// <summary><c>rubric.TryReadEvidenceText</c>: evidence text as a JSON value, checked as scoring checks it.</summary>
public sealed class EvidenceAsJsonTests
{
    [Test]
    public void Plain_scalars_become_booleans_and_numbers_and_quoted_ones_stay_text()
    {
        var rubric = Repo.Rubric("village");
        const string yaml = """
            rubric: village
            unit: "007"
            year: 2022
            lines:
              organization: { leading_group: true, duties_on_wall: false }
              venue: { discretionary_deduction: 0.5 }
              rules: { missing: [duties, "signboard"] }
            """;

        rubric.TryReadEvidenceText(yaml, "e.yaml", out var evidence, out var diagnostics).Should().BeTrue(string.Join('\n', diagnostics));

        evidence!.ToJsonString().Should().Be(
            """{"rubric":"village","unit":"007","year":2022,"lines":{"organization":{"leading_group":true,"duties_on_wall":false},"venue":{"discretionary_deduction":0.5},"rules":{"missing":["duties","signboard"]}}}""");
    }

    [Test]
    public void Evidence_with_errors_gives_no_json_and_the_diagnostics_scoring_gives()
    {
        var rubric = Repo.Rubric("village");
        const string yaml = "rubric: village\nunit: x\nlines: { lectures: { lecture_months: [13] } }\n";

        rubric.TryReadEvidenceText(yaml, "e.yaml", out var evidence, out var diagnostics).Should().BeFalse();
        rubric.TryScoreText(yaml, "e.yaml", out _, out var scoring).Should().BeFalse();

        evidence.Should().BeNull();
        diagnostics.Should().Equal(scoring);
        diagnostics.Select(d => d.Code).Should().Contain("RE0303");
    }
}
