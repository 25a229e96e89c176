namespace RubricEngine.Cli;

/// <summary>Evidence arguments as files: a folder stands for the YAML and JSON files directly inside it, in name order.</summary>
internal static class EvidenceInputs
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <returns>Every file, and which of them came from a folder (so evidence for another rubric there can be skipped).</returns>
    public static (List<string> Files, HashSet<string> FromFolders) Expand(IEnumerable<string> inputs, TextWriter error)
    {
        var files = new List<string>();
        var fromFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (!Directory.Exists(input))
            {
                files.Add(input); // a missing file becomes the library's RE0001 with the others still scored
                continue;
            }

            // Not recursive: a folder of evidence may hold other things below it (samples/revisions holds rubrics).
            var found = Directory.EnumerateFiles(input)
                .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (found.Count == 0)
            {
                error.WriteLine($"rubric: {input} holds no .yaml, .yml or .json file");
            }

            files.AddRange(found);
            fromFolders.UnionWith(found);
        }

        return (files, fromFolders);
    }
}
