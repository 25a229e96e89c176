using RubricEngine.Diagnostics;

namespace RubricEngine.Loading;

/// <summary>Chooses the YAML or JSON reader by file name: <c>.json</c> is JSON, anything else YAML.</summary>
internal static class TreeReader
{
    public static TreeNode? Read(string text, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        // A byte order mark decoded into the text (Encoding.UTF8.GetString keeps it) is dropped, as it is from a
        // file's bytes, so that the same content scores the same from memory and from disk.
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DocumentShape, SourceSpan.StartOf(file), MessageText.Of("EmptyFile")));
            return null;
        }

        return file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonTreeReader.Read(text, file, limits, diagnostics)
            : YamlTreeReader.Read(text, file, limits, diagnostics);
    }
}
