using System.Collections.Concurrent;
using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Tests.Support;

/// <summary>Files of the repository (rubrics, samples, golden cases), found from the test's output folder.</summary>
internal static class Repo
{
    private static readonly ConcurrentDictionary<string, Rubric> Rubrics = new();

    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>A shipped rubric, loaded once; diagnostics name it by its repository path.</summary>
    public static Rubric Rubric(string id) => Rubrics.GetOrAdd(id, key =>
    {
        var file = $"rubrics/{key}.yaml";
        RubricEngine.Rubric.TryLoadText(Read(file), file, out var rubric, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return rubric!;
    });

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
