using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace RubricEngine.Cli.Reports;

/// <summary>What the HTML report's charts read (<c>const REPORT = …</c>): the rubric's total, sections, ranked units.</summary>
internal sealed record ChartData(
    [property: JsonPropertyName("total")] decimal Total,
    [property: JsonPropertyName("sections")] ImmutableArray<ChartSection> Sections,
    [property: JsonPropertyName("units")] ImmutableArray<ChartUnit> Units);

internal sealed record ChartSection(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("points")] decimal Points,
    [property: JsonPropertyName("meanShare")] decimal? MeanShare);

internal sealed record ChartUnit(
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("total")] decimal Total,
    [property: JsonPropertyName("sections")] ImmutableArray<decimal> Sections);

/// <summary>
/// The tool's own JSON, source-generated so that the Native AOT binary needs no reflection. The default encoder
/// escapes '&lt;', '&gt;' and '&amp;', so no text can close the report's script element.
/// </summary>
[JsonSerializable(typeof(ChartData))]
[JsonSerializable(typeof(string))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
