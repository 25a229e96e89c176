using RubricEngine.Cli.Scoring;

namespace RubricEngine.Tests.Cli;

/// <summary>Progress is drawn only for a person watching a terminal; redirected, stderr carries the diagnostics alone.</summary>
public sealed class RunProgressTests
{
    [Test]
    public void Redirected_stderr_gets_the_error_lines_and_nothing_else()
    {
        var error = new StringWriter();
        var result = RunProgress.Run(error, interactive: false, units: 3, progress =>
        {
            progress.Advance();
            progress.WriteError("x.yaml(1,1): error RE0001: file not found");
            progress.AddUnits(2);
            progress.Advance();
            return 7;
        });
        result.Should().Be(7);
        error.ToString().Should().Be("x.yaml(1,1): error RE0001: file not found" + Environment.NewLine);
    }

    [Test]
    public void On_a_terminal_the_bar_is_drawn_and_the_error_lines_still_arrive()
    {
        var error = new StringWriter();
        RunProgress.Run(error, interactive: true, units: 2, progress =>
        {
            progress.Advance();
            progress.WriteError("x.yaml(1,1): error RE0001: file not found");
            progress.Advance();
            return 0;
        });
        // Spectre.Console draws 评分 ━━━━ 100% with colour codes; the bar ends full after two of two units.
        error.ToString().Should().Contain("x.yaml(1,1): error RE0001: file not found").And.Contain("评分").And.Contain("100%");
    }
}
