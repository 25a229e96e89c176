using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Tests.Support;

/// <summary>Files of the repository (rubrics, samples, golden cases), found from the test's output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>
    /// A shipped rubric, compiled afresh on every call; diagnostics name it by its repository path. Not cached: a cache
    /// would let one test's compilation serve the next, so a fault in the binder or compiler (code that runs at load
    /// time) would meet only the first test to load the rubric, and mutation testing would report it as surviving.
    /// </summary>
    public static Rubric Rubric(string id) => RubricAt($"rubrics/{id}.yaml");

    /// <summary>A rubric file by its repository path (an example under rubrics/examples/, say), compiled afresh as <see cref="Rubric(string)"/>.</summary>
    public static Rubric RubricAt(string file)
    {
        RubricEngine.Rubric.TryLoadText(Read(file), file, out var rubric, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return rubric!;
    }

    /// <summary>Loads rubric text that must fail, and returns its diagnostics.</summary>
    public static ImmutableArray<Diagnostic> RubricErrors(string text, string file = "test.yaml")
    {
        RubricEngine.Rubric.TryLoadText(text, file, out var rubric, out var diagnostics).Should().BeFalse();
        rubric.Should().BeNull();
        return diagnostics;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RubricEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RubricEngine.sln not found above the test folder");
    }
}
