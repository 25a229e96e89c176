using System.Reflection;
using System.Runtime.CompilerServices;

namespace RubricEngine.Tests.Package;

/// <summary>What a consumer of the package sees: the tool is one of them, with no access to internals.</summary>
public sealed class PublicSurfaceTests
{
    [Test]
    public void Only_the_tests_and_the_benchmarks_see_the_librarys_internals()
    {
        // Neither ships; the benchmarks time the stages apart (evidence already read, numbers without text) as the
        // tests do. The CLI, like any consumer, sees only the public API.
        typeof(Rubric).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName)
            .Should().Equal("RubricEngine.Tests", "RubricEngine.Benchmarks");
    }

    [Test]
    public void Every_public_member_is_declared_in_PublicAPI_Shipped_or_Unshipped()
    {
        // The analyzer enforces this at build time (RS0016/RS0017); this checks the declared list is not empty and names the main entry points.
        var declared = File.ReadAllLines(Support.Repo.PathOf("src/RubricEngine/PublicAPI.Shipped.txt"))
            .Concat(File.ReadAllLines(Support.Repo.PathOf("src/RubricEngine/PublicAPI.Unshipped.txt")))
            .ToHashSet(StringComparer.Ordinal);
        var publicTypes = typeof(Rubric).Assembly.GetExportedTypes().Select(t => t.FullName!.Replace('+', '.')).ToList();
        publicTypes.Should().NotBeEmpty();
        publicTypes.Should().OnlyContain(t => declared.Contains(t));
        declared.Should().Contain(line => line.StartsWith("static RubricEngine.Rubric.TryLoadBuiltIn(", StringComparison.Ordinal));
    }

    [Test]
    public void Scores_are_formatted_as_the_library_writes_them_whatever_the_culture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            RubricEngine.Reporting.ScoreText.Format(15.00m).Should().Be("15");
            RubricEngine.Reporting.ScoreText.Format(2.50m).Should().Be("2.5");
            RubricEngine.Reporting.ScoreText.Format(-0.5m).Should().Be("-0.5");
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }
}
