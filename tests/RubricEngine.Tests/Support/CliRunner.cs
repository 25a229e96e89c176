using RubricEngine.Cli;

namespace RubricEngine.Tests.Support;

/// <summary>Runs the <c>rubric</c> command in-process from the repository root, as staff and scripts run it.</summary>
internal static class CliRunner
{
    private static readonly object CurrentDirectory = new();

    /// <summary>The exit code and what was written to stdout and stderr. Tests using it must be [NonParallelizable]-safe: it sets the current directory.</summary>
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        lock (CurrentDirectory)
        {
            var saved = Environment.CurrentDirectory;
            Environment.CurrentDirectory = Repo.Root;
            try
            {
                var output = new StringWriter();
                var error = new StringWriter();
                // English unless a test asks with --lang: neither RUBRIC_LANG nor the machine's locale changes what tests read.
                var exit = CliApp.Run(args, output, error, environment: "en");
                return (exit, output.ToString(), error.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = saved;
            }
        }
    }
}
