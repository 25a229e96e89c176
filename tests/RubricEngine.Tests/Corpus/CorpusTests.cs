using System.Globalization;
using RubricEngine.Cli;
using RubricEngine.Diagnostics;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Corpus;

/// <summary>
/// The bad-input corpus: every file under Corpus/Rubrics is a broken rubric, every file under
/// Corpus/Evidence/&lt;rubric id&gt;/ is broken evidence for that shipped rubric. Beside each file, <c>&lt;name&gt;.expected</c>
/// holds the exact diagnostics, one per line, in the compiler format. Adding a case adds two files, not code.
/// </summary>
public sealed class CorpusTests
{
    public const string Folder = "tests/RubricEngine.Tests/Corpus";

    public sealed record Case(string Kind, string RubricId, string File)
    {
        public string ExpectedFile => System.IO.Path.ChangeExtension(File, ".expected");

        public override string ToString() => File[(Folder.Length + 1)..];
    }

    public static IEnumerable<Case> Cases()
    {
        foreach (var file in Inputs($"{Folder}/Rubrics"))
        {
            yield return new Case("rubric", "", file);
        }

        foreach (var directory in Directory.GetDirectories(Repo.PathOf($"{Folder}/Evidence")).Order(StringComparer.Ordinal))
        {
            var rubricId = Path.GetFileName(directory);
            foreach (var file in Inputs($"{Folder}/Evidence/{rubricId}"))
            {
                yield return new Case("evidence", rubricId, file);
            }
        }
    }

    [Test]
    public void The_corpus_has_at_least_sixty_cases() => Cases().Count().Should().BeGreaterThanOrEqualTo(60);

    [TestCaseSource(nameof(Cases))]
    public void Each_case_gives_exactly_its_expected_diagnostics(Case @case)
    {
        var diagnostics = Load(@case);
        diagnostics.Should().Contain(d => d.IsError, "every corpus file is refused");
        diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.InternalError);
        var expected = File.ReadAllLines(Repo.PathOf(@case.ExpectedFile)).Where(l => l.Length > 0 && !l.StartsWith('#'));
        diagnostics.Select(d => d.ToString()).Should().Equal(expected);
    }

    public static IEnumerable<TestCaseData> CasesInOtherCultures() =>
        from culture in new[] { "de-DE", "zh-CN" }
        from @case in Cases()
        select new TestCaseData(@case, culture).SetArgDisplayNames(@case.ToString(), culture);

    [Test]
    public void The_other_cultures_really_format_differently() =>
        // Without ICU every culture would behave as the invariant one and the test below would prove nothing.
        (2.5m).ToString(CultureInfo.GetCultureInfo("de-DE")).Should().Be("2,5");

    /// <summary>Messages are the same on every machine: a German or Chinese desktop must not write 2,5 for 2.5.</summary>
    [TestCaseSource(nameof(CasesInOtherCultures))]
    public void Each_case_gives_exactly_its_expected_diagnostics_under_another_culture(Case @case, string culture)
    {
        var (savedCulture, savedUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Each_case_gives_exactly_its_expected_diagnostics(@case);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (savedCulture, savedUiCulture);
        }
    }

    [TestCaseSource(nameof(Cases))]
    [NonParallelizable]
    public void The_cli_refuses_each_case_without_a_stack_trace(Case @case)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var saved = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Repo.Root;
        try
        {
            string[] args = @case.Kind == "rubric"
                ? ["check", @case.File]
                : ["score", "--rubric", $"rubrics/{@case.RubricId}.yaml", @case.File, "--format", "json"];
            CliApp.Run(args, output, error).Should().Be(CliApp.InputErrors);
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }

        (output.ToString() + error.ToString()).Should().NotContain("   at ").And.NotContain("Exception");
    }

    internal static IReadOnlyList<Diagnostic> Load(Case @case)
    {
        var path = Repo.PathOf(@case.File);
        if (@case.Kind == "rubric")
        {
            return LoadAs(path, @case.File, (p, f) => { Rubric.TryLoad(p, out _, out var d); return d; });
        }

        var rubric = Repo.Rubric(@case.RubricId);
        return LoadAs(path, @case.File, (p, _) => { rubric.TryScore(p, out var card, out var d); card.Should().BeNull(); return d; });
    }

    /// <summary>Loads by absolute path, then names the file by its repository path, as the expected files do.</summary>
    private static IReadOnlyList<Diagnostic> LoadAs(string path, string name, Func<string, string, IEnumerable<Diagnostic>> load) =>
        load(path, name).Select(d => d with { Span = d.Span with { File = d.Span.File == path ? name : d.Span.File } }).ToList();

    private static IEnumerable<string> Inputs(string folder) =>
        Directory.GetFiles(Repo.PathOf(folder))
            .Where(f => !f.EndsWith(".expected", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{folder}/{Path.GetFileName(f)}");
}
