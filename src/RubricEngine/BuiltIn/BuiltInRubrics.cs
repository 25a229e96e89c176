using System.Collections.Immutable;
using System.Reflection;
using RubricEngine.Diagnostics;
using RubricEngine.Loading;

namespace RubricEngine.BuiltIn;

/// <summary>The shipped rubrics, embedded in the assembly as <c>RubricEngine.Rubrics.&lt;id&gt;.yaml</c> (see the project file).</summary>
internal static class BuiltInRubrics
{
    private const string Prefix = "RubricEngine.Rubrics.";
    private const string Suffix = ".yaml";

    public static ImmutableArray<string> Ids { get; } =
    [
        .. typeof(BuiltInRubrics).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^Suffix.Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The name diagnostics give a built-in rubric: not a path on disk, so nobody looks for it there.</summary>
    public static string FileOf(string id) => $"<built-in>/{id}{Suffix}";

    public static string? Read(string id, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        using var stream = Ids.Contains(id, StringComparer.Ordinal) ? typeof(BuiltInRubrics).Assembly.GetManifestResourceStream(Prefix + id + Suffix) : null;
        if (stream is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileUnreadable, SourceSpan.StartOf(file),
                MessageText.Of("NoBuiltInRubric", id, Suggestions.DidYouMean(id, Ids), string.Join(", ", Ids))));
            return null;
        }

        return SourceText.ReadStream(stream, file, limits, diagnostics);
    }
}
