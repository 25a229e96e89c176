using RubricEngine.Cli;

namespace RubricEngine.Tests.Support;

/// <summary>
/// Base of tests that run the <c>rubric</c> command in-process: each test gets its own temp folder, runs from the
/// repository root (or the folder <see cref="StartFolder"/> names), and the current directory is restored after.
/// Subclasses are [NonParallelizable], since the current directory belongs to the whole process.
/// </summary>
public abstract class CliFixture
{
    private string savedDirectory = "";

    internal TempFolder Temp { get; private set; } = null!;

    /// <summary>The folder each test starts in; the repository root unless a test class needs its temp folder.</summary>
    protected virtual string StartFolder => Repo.Root;

    [SetUp]
    public void EnterStartFolder()
    {
        savedDirectory = Environment.CurrentDirectory;
        Temp = new TempFolder("rubric-cli");
        Environment.CurrentDirectory = StartFolder;
    }

    [TearDown]
    public void LeaveAndClean()
    {
        Environment.CurrentDirectory = savedDirectory;
        Temp.Dispose();
    }

    /// <summary>Runs the tool with stdout and stderr captured, as a redirected (non-interactive) run.</summary>
    internal static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
