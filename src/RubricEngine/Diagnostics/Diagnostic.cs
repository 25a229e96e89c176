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
    /// <summary>
    /// The message as an id and arguments, to render it in another language with <see cref="Format"/>; null for a
    /// message that exists in English only (then every culture gets <see cref="Message"/>).
    /// </summary>
    public MessageText? Text { get; init; }

    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// The compiler format: <c>rubrics/village.yaml(42,18): error RE0102: unknown function 'montly'; did you mean 'monthly'?</c>
    /// </summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Span}: {(IsError ? "error" : "warning")} {Code}: {Message}");

    /// <summary>The message in <paramref name="culture"/>: Chinese for <c>zh</c> and every <c>zh-*</c> culture (zh-Hans, zh-CN), English otherwise.</summary>
    /// <param name="culture">The reader's language.</param>
    public string Format(CultureInfo culture) => Text?.Format(culture) ?? Message;

    /// <summary>
    /// The compiler format in <paramref name="culture"/>, with the same file, position and code as in English:
    /// <c>rubrics/village.yaml(42,18): 错误 RE0102: 未知的评分函数 'montly'，是否应为 'monthly'？</c>
    /// </summary>
    /// <param name="culture">The reader's language.</param>
    public string ToString(CultureInfo culture) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Span}: {MessageText.TemplateOf(IsError ? "SeverityError" : "SeverityWarning", culture)} {Code}: {Format(culture)}");

    /// <summary>
    /// The same finding moved to a spreadsheet cell, its column header named after the message in every language:
    /// <c>13 is not a month; …（列：每月开展理论宣讲）</c>. An empty header only moves it.
    /// </summary>
    /// <param name="cell">The cell's position.</param>
    /// <param name="header">The column's header as the form shows it.</param>
    public Diagnostic InColumn(SourceSpan cell, string header)
    {
        if (header.Length == 0)
        {
            return this with { Span = cell };
        }

        var text = MessageText.Of("InColumn", Text ?? (object)Message, header);
        return this with { Span = cell, Message = text.ToString(), Text = text };
    }

    /// <summary>Value equality on what a reader sees: code, severity, English message and position.</summary>
    /// <param name="other">The other diagnostic.</param>
    public bool Equals(Diagnostic? other) =>
        other is not null && Code == other.Code && Severity == other.Severity && Message == other.Message && Span == other.Span;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Severity, Message, Span);

    internal static Diagnostic Error(string code, SourceSpan span, MessageText text) =>
        new(code, DiagnosticSeverity.Error, text.ToString(), span) { Text = text };

    internal static Diagnostic Warning(string code, SourceSpan span, MessageText text) =>
        new(code, DiagnosticSeverity.Warning, text.ToString(), span) { Text = text };
}
