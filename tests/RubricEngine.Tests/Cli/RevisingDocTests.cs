using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Cli;

/// <summary>docs/revising.md shows real output: each command's block is what the command prints today.</summary>
[NonParallelizable] // the CLI runs in the repository root: it sets the current directory
public sealed class RevisingDocTests
{
    /// <summary>The lines of the ```text block that starts with "$ rubric …" for this command, without the "$" line.</summary>
    private static List<string> Block(string command, int occurrence = 0)
    {
        var doc = Repo.Read("docs/revising.md").Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = doc.IndexOf($"$ rubric {command}\n", start + 1, StringComparison.Ordinal);
            start.Should().BeGreaterThanOrEqualTo(0, $"docs/revising.md shows '$ rubric {command}'");
        }

        var body = doc.IndexOf('\n', start) + 1;
        return [.. doc[body..doc.IndexOf("```", body, StringComparison.Ordinal)].TrimEnd('\n').Split('\n')];
    }

    private static List<string> Printed(string command)
    {
        var (_, output, _) = CliRunner.Run(command.Split(' '));
        return [.. output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd())];
    }

    [TestCase("check samples/revisions/village-2023.yaml", 1)]
    [TestCase("diff rubrics/village.yaml samples/revisions/village-2023.yaml", 0)]
    [TestCase("diff rubrics/examples/school-safety-inspection.yaml samples/revisions/school-safety-2025.yaml --evidence samples/examples/school-safety-inspection.yaml", 0)]
    public void A_whole_block_is_the_commands_output(string command, int occurrence) =>
        Printed(command).Should().Equal(Block(command, occurrence));

    [TestCase("diff rubrics/village.yaml samples/revisions/village-2023.yaml --evidence samples/")]
    [TestCase("score -r samples/revisions/village-2023.yaml samples/village-qingshui.yaml")]
    public void An_abridged_block_is_the_tail_of_the_commands_output(string command)
    {
        var block = Block(command);
        block[0].Should().Be("…", "the block is abridged at its start");
        var printed = Printed(command);
        printed.TakeLast(block.Count - 1).Should().Equal(block.Skip(1));
    }
}
