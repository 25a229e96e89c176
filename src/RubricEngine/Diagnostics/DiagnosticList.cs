namespace RubricEngine.Diagnostics;

/// <summary>Questions a stage asks of the diagnostics it appends to.</summary>
internal static class DiagnosticList
{
    /// <summary>
    /// True when a diagnostic appended at or after <paramref name="start"/> is an error. Each stage asks only about
    /// what it added itself, so a file with thousands of errors is still checked in time linear in its size.
    /// </summary>
    public static bool HasErrorsSince(this List<Diagnostic> diagnostics, int start)
    {
        for (var i = start; i < diagnostics.Count; i++)
        {
            if (diagnostics[i].IsError)
            {
                return true;
            }
        }

        return false;
    }
}
