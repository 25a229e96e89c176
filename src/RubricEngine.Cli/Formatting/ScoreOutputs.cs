using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RubricEngine.Reporting;

namespace RubricEngine.Cli.Formatting;

/// <summary>
/// Writes score cards to stdout one at a time as they arrive, so nothing grows with the number of units.
/// Refused units write nothing here: their errors go to stderr.
/// </summary>
internal abstract class ScoreOutput(TextWriter output)
{
    /// <summary>The formats of <c>rubric score --format</c>, and how each is written.</summary>
    /// <remarks>The culture is the reader's language for the words around the card (warnings); JSON stays English, its contract.</remarks>
    public static readonly FrozenDictionary<string, Func<TextWriter, bool, CultureInfo, ScoreOutput>> Formats =
        new Dictionary<string, Func<TextWriter, bool, CultureInfo, ScoreOutput>>
        {
            ["table"] = (output, _, culture) => new TextCards(output, card => TableFormatter.Format(card, culture)),
            ["markdown"] = (output, _, culture) => new TextCards(output, card => MarkdownFormatter.Format(card, culture)),
            ["json"] = (output, several, _) => several ? new JsonArray(output) : new JsonCards(output, indented: true),
            ["jsonl"] = (output, _, _) => new JsonCards(output, indented: false),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    protected TextWriter Output { get; } = output;

    public virtual void Begin()
    {
    }

    public abstract void Write(string source, ScoreCard card);

    public virtual void End()
    {
    }

    private sealed class TextCards(TextWriter output, Func<ScoreCard, string> format) : ScoreOutput(output)
    {
        public override void Write(string source, ScoreCard card)
        {
            Output.Write(format(card));
            Output.WriteLine();
        }
    }

    /// <summary>One card per line (JSON Lines), or one indented object for a single file.</summary>
    private sealed class JsonCards(TextWriter output, bool indented) : ScoreOutput(output)
    {
        public override void Write(string source, ScoreCard card) => Output.WriteLine(ScoreCardJson.Write(card, source, indented));
    }

    /// <summary>
    /// A JSON array written element by element: the shape scripts already read, without holding it whole. One
    /// writer makes the whole array (brackets, commas, indentation); what it has written is handed on after each card.
    /// </summary>
    private sealed class JsonArray(TextWriter output) : ScoreOutput(output)
    {
        private readonly ArrayBufferWriter<byte> buffer = new();
        private Utf8JsonWriter? json;

        public override void Begin()
        {
            json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartArray();
            HandOn();
        }

        public override void Write(string source, ScoreCard card)
        {
            ScoreCardJson.WriteTo(card, json!, source);
            HandOn();
        }

        public override void End()
        {
            json!.WriteEndArray();
            HandOn();
            json.Dispose();
            Output.WriteLine();
        }

        /// <summary>The writer flushes whole tokens, so the bytes handed on never split a character.</summary>
        private void HandOn()
        {
            json!.Flush();
            Output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
        }
    }
}
