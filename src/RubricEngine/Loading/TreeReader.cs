using RubricEngine.Diagnostics;

namespace RubricEngine.Loading;

/// <summary>Chooses the YAML or JSON reader by file name: <c>.json</c> is JSON, anything else YAML.</summary>
internal static class TreeReader
{
    public static TreeNode? Read(string text, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DocumentShape, SourceSpan.StartOf(file), "the file is empty"));
            return null;
        }

        return file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonTreeReader.Read(text, file, limits, diagnostics)
            : YamlTreeReader.Read(text, file, limits, diagnostics);
    }
}
