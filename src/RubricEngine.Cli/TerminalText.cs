using System.Globalization;
using System.Text;

namespace RubricEngine.Cli;

/// <summary>
/// Text from files (a unit's name, an evidence key, a file name) never reaches the terminal raw: control characters
/// could move the cursor, recolour or clear the screen (a unit named "\u001b[2J"), bidirectional overrides could
/// reorder what is shown, and invisible characters would hide the very difference a message points at. Each is
/// written as its code point instead: <c>&lt;U+001B&gt;</c>, <c>&lt;U+200B&gt;</c>.
/// </summary>
internal static class TerminalText
{
    public static string Safe(string text)
    {
        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            safe.Append(IsUnsafe(c) ? Named(c) : c.ToString());
        }

        return safe.ToString();
    }

    /// <summary>Line breaks and tabs lay text out; every other control, format and bidi character is unsafe.</summary>
    public static bool IsUnsafe(char c) =>
        c is not ('\n' or '\r' or '\t')
        && (char.IsControl(c) || c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2060' and <= '\u2069' or '\uFEFF' or '\u00AD');

    private static string Named(char c) => string.Create(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
}

/// <summary>A writer that passes everything through <see cref="TerminalText.Safe"/>: stdout and stderr of the tool.</summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    /// <summary>The writer underneath, for the progress bar, whose own control codes are meant for the terminal.</summary>
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override IFormatProvider FormatProvider => Inner.FormatProvider;

    public override string NewLine
    {
        get => Inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null; the inner writer decides.
        set => Inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        if (TerminalText.IsUnsafe(value))
        {
            Inner.Write(TerminalText.Safe(value.ToString()));
        }
        else
        {
            Inner.Write(value);
        }
    }

    public override void Write(string? value) => Inner.Write(value is null ? null : TerminalText.Safe(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Inner.WriteLine(value is null ? null : TerminalText.Safe(value));

    public override void Flush() => Inner.Flush();

    /// <summary>The raw writer under a safe one, or the writer itself.</summary>
    public static TextWriter Unwrap(TextWriter writer) => writer is TerminalSafeWriter safe ? safe.Inner : writer;
}
