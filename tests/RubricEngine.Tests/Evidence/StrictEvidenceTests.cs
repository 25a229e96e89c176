using RubricEngine.Diagnostics;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Evidence;

/// <summary>
/// Strict scoring: evidence not given refuses the file (RE0305 as an error) instead of scoring 0 with a warning,
/// for an office that wants every form complete before anything is ranked.
/// </summary>
public sealed class StrictEvidenceTests
{
    // The village sample with duties_on_wall left out of organization, and the whole archives line removed.
    private static readonly string Incomplete = Repo.Read("samples/village-bailong.yaml")
        .Replace("organization: { leading_group: true, dedicated_staff: true, duties_on_wall: false }",
            "organization: { leading_group: true, dedicated_staff: true }", StringComparison.Ordinal)
        .Replace("  archives: { archive_quality: 6.5 }\n", "", StringComparison.Ordinal);

    [Test]
    public void By_default_evidence_not_given_is_a_warning_and_scores_0()
    {
        Repo.Rubric("village").IsStrict.Should().BeFalse();
        Repo.Rubric("village").TryScoreText(Incomplete, "e.yaml", out var card, out var diagnostics).Should().BeTrue();
        diagnostics.Where(d => d.Code == DiagnosticCodes.MissingEvidence).Should().HaveCount(2).And.OnlyContain(d => !d.IsError);
        card!.Total.Should().Be(68.5m); // the sample's 75, less archives 6.5 (not given); duties_on_wall scored 0 either way
    }

    [Test]
    public void Strictly_evidence_not_given_refuses_the_file_with_each_place_named()
    {
        var strict = Repo.Rubric("village").WithStrictEvidence();
        strict.IsStrict.Should().BeTrue();
        strict.WithStrictEvidence().Should().BeSameAs(strict);
        strict.WithStrictEvidence(false).IsStrict.Should().BeFalse();

        strict.TryScoreText(Incomplete, "e.yaml", out var card, out var diagnostics).Should().BeFalse();
        card.Should().BeNull();
        diagnostics.Select(d => d.ToString()).Should().Equal(
            "e.yaml(6,1): error RE0305: no evidence for line 'archives'; strict scoring needs every key given: fill them in, or score without --strict",
            "e.yaml(7,3): error RE0305: no evidence for 'organization.duties_on_wall'; strict scoring needs every key given: fill it in, or score without --strict");
    }

    [Test]
    public void Strictly_a_deduction_may_still_be_left_out()
    {
        // deduction() reads 'not given' as 'nothing deducted' (MissingIsNone): strict scoring does not ask for it.
        var text = Repo.Read("samples/village-bailong.yaml").Replace(", discretionary_deduction: 0.5", "", StringComparison.Ordinal);
        Repo.Rubric("village").WithStrictEvidence().TryScoreText(text, "e.yaml", out var card, out var diagnostics)
            .Should().BeTrue(string.Join("\n", diagnostics));
        card!.Total.Should().Be(75.5m); // 75 with the 0.5 deduction no longer taken
    }

    [Test]
    [NonParallelizable] // the CLI runs from the repository root
    public void The_cli_scores_strictly_with_strict_and_leniently_without()
    {
        using var folder = new TempFolder();
        var file = folder.File("incomplete.yaml");
        File.WriteAllText(file, Incomplete);

        var (exit, output, error) = CliRunner.Run("score", "-r", "village", "--format", "json", file);
        exit.Should().Be(0);
        output.Should().Contain("\"total\": 68.5");

        (exit, output, error) = CliRunner.Run("score", "-r", "village", "--strict", "--format", "json", file);
        exit.Should().Be(1);
        error.Should().Contain("error RE0305: no evidence for line 'archives'; strict scoring needs every key given");
        output.Should().NotContain("\"total\"");
    }
}
