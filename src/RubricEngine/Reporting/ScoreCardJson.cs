using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RubricEngine.Diagnostics;

namespace RubricEngine.Reporting;

/// <summary>
/// Writes a score card as the JSON contract other teams read: <c>file</c> (when given), <c>rubric</c>, <c>title</c>,
/// <c>version</c>, <c>effective</c>, <c>unit</c>, <c>unit_type</c> (when the rubric declares unit types), <c>year</c>,
/// <c>base_total</c>, <c>bonus_total</c>, <c>total</c>, <c>grade</c> and <c>vetoes</c> (when the rubric declares
/// grades or vetoes), <c>sections</c>, <c>lines</c> (each with <c>id</c>,
/// <c>score</c>, <c>bonus</c>, reasons and criteria) and <c>warnings</c>. Numbers are JSON numbers without trailing
/// zeros; Chinese text is written as is, not escaped. Serialization is source-generated (no reflection, AOT-safe).
/// <code>
/// ScoreCardJson.WriteTo(card, Console.OpenStandardOutput(), indented: false);
/// </code>
/// </summary>
public static class ScoreCardJson
{
    /// <summary>The writer options of the JSON the library writes by hand (the revision reports): indented, Chinese unescaped.</summary>
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly ScoreCardJsonContext Indented = CreateContext(indented: true);
    private static readonly ScoreCardJsonContext Compact = CreateContext(indented: false);

    /// <summary>The score card as indented JSON text.</summary>
    /// <param name="card">The score card to write.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException">The card, or any of its members, lines, criteria or warnings, is null.</exception>
    public static string Write(ScoreCard card) => Write(card, file: null, indented: true);

    /// <summary>The score card as JSON text, indented or on one line.</summary>
    /// <param name="card">The score card to write.</param>
    /// <param name="indented">True for indented text; false for one compact line.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException">The card, or any of its members, lines, criteria or warnings, is null.</exception>
    public static string Write(ScoreCard card, bool indented) => Write(card, file: null, indented);

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
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException">The card, or any of its members, lines, criteria or warnings, is null.</exception>
    public static string Write(ScoreCard card, string? file, bool indented)
    {
        ThrowIfIncomplete(card);
        var context = indented ? Indented : Compact;
        return JsonSerializer.Serialize(ScoreCardDocument.Of(card, file), context.ScoreCardDocument);
    }

    /// <summary>Writes the score card as UTF-8 JSON to a stream (which stays open).</summary>
    /// <param name="card">The score card to write.</param>
    /// <param name="stream">Where to write it.</param>
    /// <param name="indented">True for indented text, false for one compact line.</param>
    /// <exception cref="ArgumentNullException">The card, or any of its members, lines, criteria or warnings, is null.</exception>
    public static void WriteTo(ScoreCard card, Stream stream, bool indented)
    {
        ThrowIfIncomplete(card);
        ArgumentNullException.ThrowIfNull(stream);
        var context = indented ? Indented : Compact;
        JsonSerializer.Serialize(stream, ScoreCardDocument.Of(card, file: null), context.ScoreCardDocument);
    }

    /// <summary>
    /// Writes the score card as one JSON value to a writer, e.g. as an element of an array the caller writes. The
    /// writer's own options decide indentation and escaping; for the contract's unescaped Chinese text create it with
    /// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>.
    /// </summary>
    /// <param name="card">The score card to write.</param>
    /// <param name="writer">Where to write it; not flushed.</param>
    /// <exception cref="ArgumentNullException">The card, or any of its members, lines, criteria or warnings, is null.</exception>
    public static void WriteTo(ScoreCard card, Utf8JsonWriter writer) => WriteTo(card, writer, file: null);

    /// <summary>Writes the score card as one JSON value to a writer, with a first key <c>file</c> naming its evidence.</summary>
    /// <param name="card">The score card to write.</param>
    /// <param name="writer">Where to write it; not flushed.</param>
    /// <param name="file">The evidence file it was scored from; no <c>file</c> key when null.</param>
    /// <exception cref="ArgumentNullException">The card, or any of its members, lines, criteria or warnings, is null.</exception>
    public static void WriteTo(ScoreCard card, Utf8JsonWriter writer, string? file)
    {
        ThrowIfIncomplete(card);
        ArgumentNullException.ThrowIfNull(writer);
        JsonSerializer.Serialize(writer, ScoreCardDocument.Of(card, file), Indented.ScoreCardDocument);
    }

    /// <summary>Writes diagnostics as the card's <c>warnings</c> are written, for reports that carry them too.</summary>
    internal static void WriteDiagnostics(Utf8JsonWriter json, string name, IEnumerable<Diagnostic> diagnostics)
    {
        json.WritePropertyName(name);
        JsonSerializer.Serialize(json, [.. diagnostics.Select(DiagnosticDocument.Of)], Indented.ImmutableArrayDiagnosticDocument);
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

    /// <summary>Writes the value without trailing zeros (15, not 15.00), as the card's numbers are.</summary>
    internal static void WriteNumber(Utf8JsonWriter json, string name, decimal value)
    {
        json.WritePropertyName(name);
        json.WriteNumberValue(Numbers.Normalize(value));
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

        foreach (var veto in Items(card.Vetoes, "card.Vetoes"))
        {
            Require(veto?.Key, "card.Vetoes[].Key");
            Require(veto!.Label, "card.Vetoes[].Label");
            Require(veto.Reason, "card.Vetoes[].Reason");
        }

        if (card.UnitType is { } unitType)
        {
            Require(unitType.Id, "card.UnitType.Id");
        }

        if (card.Grade is { } grade)
        {
            Require(grade.Id, "card.Grade.Id");
            Require(grade.Label, "card.Grade.Label");
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

    private static ScoreCardJsonContext CreateContext(bool indented) => new(new JsonSerializerOptions
    {
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new PlainDecimalConverter() },
    });
}

// The contract, one record per JSON object: property order is key order, names are the JSON keys.

internal sealed record ScoreCardDocument(
    [property: JsonPropertyName("file"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File,
    [property: JsonPropertyName("rubric")] string Rubric,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("effective")] string? Effective,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("unit_type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnitType,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("base_total")] decimal BaseTotal,
    [property: JsonPropertyName("bonus_total")] decimal BonusTotal,
    [property: JsonPropertyName("total")] decimal Total,
    [property: JsonPropertyName("grade"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] GradeField Grade,
    [property: JsonPropertyName("vetoes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VetoDocument[]? Vetoes,
    [property: JsonPropertyName("sections")] ImmutableArray<SectionDocument> Sections,
    [property: JsonPropertyName("lines")] ImmutableArray<LineDocument> Lines,
    [property: JsonPropertyName("warnings")] ImmutableArray<DiagnosticDocument> Warnings)
{
    public static ScoreCardDocument Of(ScoreCard card, string? file) => new(
        file, card.RubricId, card.Title, card.Version, card.Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), card.Unit, card.UnitType?.Id, card.Year,
        card.BaseTotal, card.BonusTotal, card.Total,
        card.HasGrades ? new GradeField(IsPresent: true, card.Grade) : default,
        card.HasVetoes ? [.. card.Vetoes.Select(VetoDocument.Of)] : null,
        [.. card.Sections.Select(s => new SectionDocument(s.Name, s.Points, s.Score, s.Bonus))],
        [.. card.Lines.Select(LineDocument.Of)],
        [.. card.Warnings.Select(DiagnosticDocument.Of)]);
}

/// <summary>
/// The card's <c>grade</c>: absent (the default) when the rubric declares no grades, so cards of rubrics without
/// them keep their old shape; <c>null</c> when no grade was reached; else <c>{ "id", "label" }</c>.
/// </summary>
[JsonConverter(typeof(GradeFieldConverter))]
internal readonly record struct GradeField(bool IsPresent, ScoreGrade? Grade);

internal sealed class GradeFieldConverter : JsonConverter<GradeField>
{
    public override GradeField Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the score card is written, never read");

    public override void Write(Utf8JsonWriter writer, GradeField value, JsonSerializerOptions options)
    {
        if (value.Grade is not { } grade)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id", grade.Id);
        writer.WriteString("label", grade.Label);
        writer.WriteEndObject();
    }
}

/// <summary>An applied veto: <c>effect</c> is <c>zero</c>, <c>cap</c> or <c>lowest_grade</c>, as the rubric writes it.</summary>
internal sealed record VetoDocument(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("effect")] string Effect,
    [property: JsonPropertyName("reason")] string Reason)
{
    public static VetoDocument Of(AppliedVeto veto) => new(veto.Key, veto.Label, VetoEffectNames.Of(veto.Effect), veto.Reason);
}

internal sealed record SectionDocument(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("points")] decimal Points,
    [property: JsonPropertyName("score")] decimal Score,
    [property: JsonPropertyName("bonus")] decimal Bonus);

internal sealed record LineDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("points")] decimal Points,
    [property: JsonPropertyName("maximum")] decimal? Maximum,
    [property: JsonPropertyName("score")] decimal Score,
    [property: JsonPropertyName("bonus")] decimal Bonus,
    [property: JsonPropertyName("reasons")] ImmutableArray<string> Reasons,
    [property: JsonPropertyName("criteria")] ImmutableArray<CriterionDocument> Criteria)
{
    public static LineDocument Of(LineScore line) => new(
        line.Id, line.Section, line.Points, line.Maximum, line.Score, line.Bonus, line.Reasons,
        [.. line.Criteria.Select(c => new CriterionDocument(c.Keys, c.Label, c.Score, c.IsBonus, c.Reason))]);
}

internal sealed record CriterionDocument(
    [property: JsonPropertyName("keys")] ImmutableArray<string> Keys,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("score")] decimal Score,
    [property: JsonPropertyName("is_bonus")] bool IsBonus,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>A warning on the card. <c>path</c> is written only for evidence without text (built in code, or a JSON value).</summary>
internal sealed record DiagnosticDocument(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("path"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Path)
{
    public static DiagnosticDocument Of(Diagnostic d) =>
        new(d.Code, d.IsError ? "error" : "warning", d.Span.File, d.Span.Line, d.Span.Column, d.Message, d.Span.Path);
}

/// <summary>Writes a decimal without trailing zeros (15, not 15.00): still exact, and stable across inputs.</summary>
internal sealed class PlainDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Numbers.Normalize(value));
}

[JsonSerializable(typeof(ScoreCardDocument))]
[JsonSerializable(typeof(ImmutableArray<DiagnosticDocument>))]
internal sealed partial class ScoreCardJsonContext : JsonSerializerContext;
