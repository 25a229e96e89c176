using Spectre.Console;

namespace RubricEngine.Cli.Scoring;

/// <summary>What a scoring run tells the person waiting: lines for stderr, and one more unit done.</summary>
internal interface IRunProgress
{
    /// <summary>Writes a line to stderr without tearing a progress bar.</summary>
    void WriteError(string line);

    /// <summary>One more unit was scored or refused.</summary>
    void Advance();

    /// <summary>The run has this many more units than files (a workbook holds several).</summary>
    void AddUnits(int count);
}

/// <summary>
/// Progress on stderr only when a person watches it: a Spectre.Console bar when stderr is a terminal, and plain
/// lines (no control codes, nothing extra) when it is redirected to a file or a pipe.
/// </summary>
internal static class RunProgress
{
    /// <summary>Runs <paramref name="body"/> with a progress display for <paramref name="units"/> units.</summary>
    public static int Run(TextWriter error, bool interactive, int units, Func<IRunProgress, int> body)
    {
        if (!interactive)
        {
            return body(new Plain(error));
        }

        // The caller has decided a person watches (stderr is a terminal); Spectre need not guess again from stdin.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Interactive = InteractionSupport.Yes });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => body(new Bar(console, context.AddTask("评分", maxValue: Math.Max(units, 1)))));
    }

    private sealed class Plain(TextWriter error) : IRunProgress
    {
        public void WriteError(string line) => error.WriteLine(line);

        public void Advance()
        {
        }

        public void AddUnits(int count)
        {
        }
    }

    private sealed class Bar(IAnsiConsole console, ProgressTask task) : IRunProgress
    {
        // Text, not markup: file names and messages may hold '[' and ']'.
        public void WriteError(string line) => console.Write(new Text(line + Environment.NewLine));

        public void Advance() => task.Increment(1);

        public void AddUnits(int count) => task.MaxValue += count;
    }
}
