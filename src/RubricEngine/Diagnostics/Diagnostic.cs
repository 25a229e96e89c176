using System.Globalization;

namespace RubricEngine.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something worth a look; loading or scoring still succeeds.</summary>
    Warning,

    /// <summary>The file is refused: nothing is loaded or scored from it.</summary>
    Error,
}

/// <summary>
/// One finding about a rubric or evidence file: a stable code, a severity, a plain message and where it is.
/// Every error the library reports is one of these; exceptions are kept for programming mistakes.
/// </summary>
/// <param name="Code">A stable code such as <c>RE0102</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">Warning or error.</param>
/// <param name="Message">A sentence for the person who edits the file, with a suggestion where one is known.</param>
/// <param name="Span">The file, line and column it refers to.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceSpan Span)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// The compiler format: <c>rubrics/village.yaml(42,18): error RE0102: unknown function 'montly'; did you mean 'monthly'?</c>
    /// </summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Span}: {(IsError ? "error" : "warning")} {Code}: {Message}");

    internal static Diagnostic Error(string code, SourceSpan span, string message) =>
        new(code, DiagnosticSeverity.Error, message, span);

    internal static Diagnostic Warning(string code, SourceSpan span, string message) =>
        new(code, DiagnosticSeverity.Warning, message, span);
}
