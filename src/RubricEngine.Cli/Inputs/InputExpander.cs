using System.Collections.Immutable;
using Microsoft.Extensions.FileSystemGlobbing;
using RubricEngine.Diagnostics;

namespace RubricEngine.Cli.Inputs;

/// <summary>What the command line named, expanded to evidence files in a stable order, and what named nothing.</summary>
/// <param name="Files">Evidence files (YAML, JSON or Excel forms), in argument order; inside a folder or pattern, sorted by path.</param>
/// <param name="Problems">Patterns or folders that named no evidence file: errors, so a typo never passes as "nothing to score".</param>
/// <param name="NamedSeveral">True unless exactly one plain file was named: output then holds a list, whatever the count.</param>
internal sealed record ExpandedInputs(ImmutableArray<string> Files, ImmutableArray<Diagnostic> Problems, bool NamedSeveral);

/// <summary>
/// Turns arguments into files the same way on every system: Windows shells do not expand <c>*.yaml</c>, so the tool
/// does it itself, for files, folders and glob patterns alike (<c>*</c>, <c>?</c>, <c>**</c> for any depth).
/// </summary>
internal static class InputExpander
{
    /// <summary>The file endings a folder or a pattern picks up.</summary>
    public static readonly ImmutableArray<string> EvidenceExtensions = [".yaml", ".yml", ".json", ".xlsx"];

    private static readonly char[] Wildcards = ['*', '?', '['];

    /// <param name="arguments">Files, folders and patterns, as typed.</param>
    /// <param name="recursive">True to read the subfolders of the folders named.</param>
    /// <param name="exclude">A file never to read from a folder or a pattern, such as the report being written.</param>
    public static ExpandedInputs Expand(IReadOnlyList<string> arguments, bool recursive, string? exclude = null)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (exclude is not null)
        {
            seen.Add(Path.GetFullPath(exclude));
        }

        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var argument in arguments)
        {
            var found = argument.IndexOfAny(Wildcards) >= 0 ? FromPattern(argument)
                : Directory.Exists(argument) ? FromFolder(argument, recursive)
                : [argument]; // a plain file, even a missing one: the library reports RE0001 with its name
            if (found.Count == 0)
            {
                problems.Add(new Diagnostic(DiagnosticCodes.FileUnreadable, DiagnosticSeverity.Error,
                    Directory.Exists(argument)
                        ? $"the folder has no evidence files ({string.Join(", ", EvidenceExtensions)})" + (recursive ? "" : "; add --recursive to look in its subfolders")
                        : "the pattern matches no evidence file; check the folder and the spelling",
                    SourceSpan.StartOf(argument)));
            }

            // The same file named twice (a folder and a pattern inside it) is scored once, where first named.
            files.AddRange(found.Where(f => seen.Add(Path.GetFullPath(f))));
        }

        var namedSeveral = arguments.Count != 1 || arguments[0].IndexOfAny(Wildcards) >= 0 || Directory.Exists(arguments[0]);
        return new ExpandedInputs([.. files], problems.ToImmutable(), namedSeveral);
    }

    private static List<string> FromFolder(string folder, bool recursive)
    {
        var option = recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        return Sorted(Directory.EnumerateFiles(folder, "*", option).Where(IsEvidence));
    }

    /// <summary>
    /// The fixed folder before the first wildcard is the root; the rest is matched by
    /// Microsoft.Extensions.FileSystemGlobbing, case-insensitively as Windows users expect.
    /// </summary>
    private static List<string> FromPattern(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var firstWildcard = normalized.IndexOfAny(Wildcards);
        var rootEnd = normalized.LastIndexOf('/', firstWildcard);
        var root = rootEnd < 0 ? "" : normalized[..(rootEnd + 1)];
        var rest = normalized[(rootEnd + 1)..];
        var rootFolder = root.Length == 0 ? "." : root;
        if (!Directory.Exists(rootFolder))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddInclude(rest);
        return Sorted(matcher.GetResultsInFullPath(rootFolder)
            .Select(full => root + Path.GetRelativePath(rootFolder, full).Replace('\\', '/'))
            .Where(IsEvidence));
    }

    private static bool IsEvidence(string path) =>
        EvidenceExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))
        && !Path.GetFileName(path).StartsWith("~$", StringComparison.Ordinal); // Excel's lock file beside an open workbook

    /// <summary>Ordinal order by path, so every machine and every run scores and lists the same files the same way.</summary>
    private static List<string> Sorted(IEnumerable<string> paths) => [.. paths.Order(StringComparer.Ordinal)];
}
