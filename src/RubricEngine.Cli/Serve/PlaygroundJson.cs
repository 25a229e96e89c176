using System.Text.Json;
using System.Text.Json.Serialization;

namespace RubricEngine.Cli.Serve;

// The request and response bodies of the playground's JSON API (docs/playground.md), serialized by a source-generated
// context: no reflection, so the native build of the tool serves them as the managed one does.

/// <summary><c>POST /api/check</c>: the rubric's YAML and the language of the messages.</summary>
internal sealed record CheckRequest(string? Rubric, string? Lang);

/// <summary>
/// Names a rubric for <c>/api/score</c> and <c>/api/form</c>: its text, a built-in id, or a path inside the root
/// (exactly one of them).
/// </summary>
internal sealed record RubricChoice(string? Rubric, string? RubricId, string? RubricPath, string? Evidence, string? Lang);

/// <summary><c>POST /api/save</c> and <c>POST /api/diff</c>: a path inside the root and the rubric's text.</summary>
internal sealed record SaveRequest(string? Path, string? Rubric, bool SaveWithErrors, string? Lang);

internal sealed record DiagnosticBody(string Code, string Severity, string File, int Line, int Column, string Message);

internal sealed record LineMaximum(string Id, decimal Points, decimal? Maximum);

internal sealed record CheckResponse(bool Ok, IReadOnlyList<DiagnosticBody> Diagnostics, IReadOnlyList<LineMaximum> Lines);

internal sealed record DiagnosticsResponse(IReadOnlyList<DiagnosticBody> Diagnostics);

internal sealed record ErrorResponse(string Error);

internal sealed record RubricEntry(
    string? Id,
    string? Title,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Path);

internal sealed record RubricsResponse(IReadOnlyList<RubricEntry> Rubrics);

internal sealed record OpenResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Path,
    string Text);

internal sealed record SaveResponse(string Saved, IReadOnlyList<DiagnosticBody> Diagnostics);

internal sealed record DiffResponse(bool Ok, JsonElement? Diff, IReadOnlyList<DiagnosticBody> Diagnostics);

internal sealed record AllowedValue(string Id, string Label);

/// <summary>
/// One field of the form. <c>rows</c> and <c>columns</c> describe a category or grid table (a category row's points
/// range, the columns a grid row has a cell in); <c>lists_met</c> says whether ticked items are met or missing.
/// </summary>
internal sealed record FormField(
    string Key,
    string Kind,
    string Label,
    decimal Min,
    decimal? Max,
    IReadOnlyList<AllowedValue> Allowed,
    string Description,
    IReadOnlyList<FormTableRow> Rows,
    IReadOnlyList<AllowedValue> Columns,
    bool ListsMet);

internal sealed record FormTableRow(string Id, string Label, decimal? Min, decimal? Max, IReadOnlyList<string> Columns);

/// <summary>A veto the form offers as a checkbox: its effect (<c>Zero</c>, <c>Cap</c>, <c>LowestGrade</c>, as the field kinds are named) and, for Cap, the cap.</summary>
internal sealed record FormVeto(string Key, string Label, string Effect, decimal? Cap);

internal sealed record FormGrade(string Id, string Label, decimal? From);

internal sealed record FormLine(string Id, string Section, string Content, decimal Points, decimal? Maximum, IReadOnlyList<FormField> Fields);

internal sealed record EvidenceResponse(System.Text.Json.Nodes.JsonNode Evidence);

/// <summary>What the form is built from: the lines' fields and the rubric-level unit types, vetoes and grades (empty when it declares none).</summary>
internal sealed record FormResponse(
    string Id,
    string Title,
    decimal Total,
    IReadOnlyList<FormLine> Lines,
    IReadOnlyList<AllowedValue> UnitTypes,
    IReadOnlyList<FormVeto> Vetoes,
    IReadOnlyList<FormGrade> Grades);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CheckRequest))]
[JsonSerializable(typeof(RubricChoice))]
[JsonSerializable(typeof(SaveRequest))]
[JsonSerializable(typeof(CheckResponse))]
[JsonSerializable(typeof(DiagnosticsResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(RubricsResponse))]
[JsonSerializable(typeof(OpenResponse))]
[JsonSerializable(typeof(SaveResponse))]
[JsonSerializable(typeof(DiffResponse))]
[JsonSerializable(typeof(FormResponse))]
[JsonSerializable(typeof(EvidenceResponse))]
internal sealed partial class PlaygroundJson : JsonSerializerContext;
