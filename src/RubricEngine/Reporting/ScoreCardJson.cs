using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RubricEngine.Diagnostics;

namespace RubricEngine.Reporting;

/// <summary>
/// Writes a score card as the JSON contract other teams read: <c>rubric</c>, <c>unit</c>, <c>total</c> and
/// <c>lines</c> (each with <c>id</c>, <c>score</c>, <c>bonus</c>), plus sections, reasons and warnings.
/// Numbers are JSON numbers; Chinese text is written as is, not escaped.
/// </summary>
public static class ScoreCardJson
{
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions OneLine = Options with { Indented = false };

    /// <summary>The score card as indented JSON text.</summary>
    /// <param name="card">The score card to write.</param>
    /// <exception cref="ArgumentNullException">The card, or any of its members, lines, criteria or warnings, is null.</exception>
    public static string Write(ScoreCard card) => Write(card, file: null, indented: true);

    /// <summary>
    /// The score card as JSON text that also names the evidence it was scored from, for output that holds many
    /// cards (a folder of evidence, a workbook of units): <c>{"file": "乡镇/白龙村.yaml", "rubric": …}</c>.
    /// <code>
    /// var jsonl = ScoreCardJson.Write(card, "samples/village-bailong.yaml", indented: false);   // one line
    /// </code>
    /// </summary>
    /// <param name="card">The score card to write.</param>
    /// <param name="file">The evidence file (or workbook row) it was scored from; no <c>file</c> key when null.</param>
    /// <param name="indented">True for indented text; false for one line, as JSON Lines needs.</param>
    /// <exception cref="ArgumentNullException">The card, or any of its members, lines, criteria or warnings, is null.</exception>
    public static string Write(ScoreCard card, string? file, bool indented)
    {
        ThrowIfIncomplete(card);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, indented ? Options : OneLine))
        {
            json.WriteStartObject();
            if (file is not null)
            {
                json.WriteString("file", file);
            }

            json.WriteString("rubric", card.RubricId);
            json.WriteString("title", card.Title);
            WriteTextOrNull(json, "version", card.Version);
            WriteTextOrNull(json, "effective", card.Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("unit", card.Unit);
            if (card.Year is { } year)
            {
                json.WriteNumber("year", year);
            }
            else
            {
                json.WriteNull("year");
            }

            WriteNumber(json, "base_total", card.BaseTotal);
            WriteNumber(json, "bonus_total", card.BonusTotal);
            WriteNumber(json, "total", card.Total);
            json.WriteStartArray("sections");
            foreach (var section in card.Sections)
            {
                json.WriteStartObject();
                json.WriteString("name", section.Name);
                WriteNumber(json, "points", section.Points);
                WriteNumber(json, "score", section.Score);
                WriteNumber(json, "bonus", section.Bonus);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("lines");
            foreach (var line in card.Lines)
            {
                WriteLine(json, line);
            }

            json.WriteEndArray();
            WriteDiagnostics(json, "warnings", card.Warnings);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// A card built by hand (it is a public record) can hold nulls the engine never produces; they are named
    /// before anything is written, so that a half-written document never results.
    /// </summary>
    private static void ThrowIfIncomplete(ScoreCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Require(card.RubricId, "card.RubricId");
        Require(card.Title, "card.Title");
        Require(card.Unit, "card.Unit");
        foreach (var section in Items(card.Sections, "card.Sections"))
        {
            Require(section?.Name, "card.Sections[].Name");
        }

        foreach (var line in Items(card.Lines, "card.Lines"))
        {
            Require(line?.Id, "card.Lines[].Id");
            Require(line!.Section, "card.Lines[].Section");
            foreach (var reason in Items(line.Reasons, "card.Lines[].Reasons"))
            {
                Require(reason, "card.Lines[].Reasons[]");
            }

            foreach (var criterion in Items(line.Criteria, "card.Lines[].Criteria"))
            {
                Require(criterion?.Label, "card.Lines[].Criteria[].Label");
                Require(criterion!.Reason, "card.Lines[].Criteria[].Reason");
                foreach (var key in Items(criterion.Keys, "card.Lines[].Criteria[].Keys"))
                {
                    Require(key, "card.Lines[].Criteria[].Keys[]");
                }
            }
        }

        foreach (var warning in Items(card.Warnings, "card.Warnings"))
        {
            Require(warning?.Code, "card.Warnings[].Code");
            Require(warning!.Message, "card.Warnings[].Message");
            Require(warning.Span.File, "card.Warnings[].Span.File");
        }

        static void Require(object? value, string name)
        {
            if (value is null)
            {
                throw new ArgumentNullException(name);
            }
        }

        static ImmutableArray<T> Items<T>(ImmutableArray<T> items, string name) =>
            items.IsDefault ? throw new ArgumentNullException(name) : items;
    }

    private static void WriteLine(Utf8JsonWriter json, LineScore line)
    {
        json.WriteStartObject();
        json.WriteString("id", line.Id);
        json.WriteString("section", line.Section);
        WriteNumber(json, "points", line.Points);
        WriteNumberOrNull(json, "maximum", line.Maximum);

        WriteNumber(json, "score", line.Score);
        WriteNumber(json, "bonus", line.Bonus);
        json.WriteStartArray("reasons");
        foreach (var reason in line.Reasons)
        {
            json.WriteStringValue(reason);
        }

        json.WriteEndArray();
        json.WriteStartArray("criteria");
        foreach (var criterion in line.Criteria)
        {
            json.WriteStartObject();
            json.WriteStartArray("keys");
            foreach (var key in criterion.Keys)
            {
                json.WriteStringValue(key);
            }

            json.WriteEndArray();
            json.WriteString("label", criterion.Label);
            WriteNumber(json, "score", criterion.Score);
            json.WriteBoolean("is_bonus", criterion.IsBonus);
            json.WriteString("reason", criterion.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static void WriteDiagnostics(Utf8JsonWriter json, string name, IEnumerable<Diagnostic> diagnostics)
    {
        json.WriteStartArray(name);
        foreach (var diagnostic in diagnostics)
        {
            WriteDiagnostic(json, diagnostic);
        }

        json.WriteEndArray();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("code", diagnostic.Code);
        json.WriteString("severity", diagnostic.IsError ? "error" : "warning");
        json.WriteString("file", diagnostic.Span.File);
        json.WriteNumber("line", diagnostic.Span.Line);
        json.WriteNumber("column", diagnostic.Span.Column);
        json.WriteString("message", diagnostic.Message);
        json.WriteEndObject();
    }

    internal static void WriteNumberOrNull(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } number)
        {
            WriteNumber(json, name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    internal static void WriteTextOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Writes the value without trailing zeros (15, not 15.00): still exact, and stable across inputs.</summary>
    internal static void WriteNumber(Utf8JsonWriter json, string name, decimal value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(Numbers.Format(value), skipInputValidation: true);
    }
}
