using System.Globalization;
using System.Text;
using System.Text.Json;
using RubricEngine.Revisions;

namespace RubricEngine.Reporting;

/// <summary>
/// Writes a <see cref="RubricDiff"/> and its <see cref="RevisionImpact"/> as the JSON contract of <c>rubric diff --format json</c>:
/// <c>old</c>, <c>new</c>, <c>changes</c>, <c>sections</c>, <c>parts</c>, <c>impact</c>, <c>summary</c> and <c>refused</c>
/// (docs/revising.md). Totals are JSON numbers as in the score card; changed fields are text.
/// </summary>
public static class RevisionJson
{
    /// <summary>The diff, and the impact when given, as indented JSON text.</summary>
    /// <param name="diff">What changed.</param>
    /// <param name="impact">What it does to each unit; null writes an empty <c>impact</c>.</param>
    public static string Write(RubricDiff diff, RevisionImpact? impact = null)
    {
        ArgumentNullException.ThrowIfNull(diff);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, ScoreCardJson.Options))
        {
            json.WriteStartObject();
            WriteSide(json, "old", diff.Old);
            WriteSide(json, "new", diff.New);
            json.WriteStartArray("changes");
            foreach (var change in diff.Changes)
            {
                json.WriteStartObject();
                json.WriteString("line", change.Line);
                json.WriteString("kind", Kind(change.Kind));
                json.WriteString("section", change.Section);
                WriteFields(json, change.Fields);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("sections");
            foreach (var section in diff.Sections)
            {
                json.WriteStartObject();
                json.WriteString("name", section.Name);
                json.WriteString("kind", Kind(section.Kind));
                WriteFields(json, section.Fields);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("parts");
            foreach (var part in diff.Parts)
            {
                json.WriteStartObject();
                json.WriteString("part", part.Part);
                json.WriteString("id", part.Id);
                json.WriteString("kind", Kind(part.Kind));
                WriteFields(json, part.Fields);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteImpact(json, impact);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteImpact(Utf8JsonWriter json, RevisionImpact? impact)
    {
        json.WriteStartArray("impact");
        foreach (var unit in impact?.Units ?? [])
        {
            json.WriteStartObject();
            json.WriteString("unit", unit.Unit);
            json.WriteString("file", unit.File);
            ScoreCardJson.WriteNumber(json, "old_total", unit.OldTotal);
            ScoreCardJson.WriteNumber(json, "new_total", unit.NewTotal);
            ScoreCardJson.WriteNumber(json, "delta", unit.Delta);
            ScoreCardJson.WriteNumberOrNull(json, "old_rank", unit.OldRank);
            ScoreCardJson.WriteNumberOrNull(json, "new_rank", unit.NewRank);
            if (impact!.HasGrades)
            {
                WriteGrade(json, "old_grade", unit.OldGrade);
                WriteGrade(json, "new_grade", unit.NewGrade);
            }

            json.WriteStartArray("lines");
            foreach (var line in unit.Lines)
            {
                json.WriteStartObject();
                json.WriteString("line", line.Line);
                ScoreCardJson.WriteNumberOrNull(json, "old", line.Old);
                ScoreCardJson.WriteNumberOrNull(json, "new", line.New);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            ScoreCardJson.WriteDiagnostics(json, "warnings", unit.Warnings);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("up", impact?.Up ?? 0);
        json.WriteNumber("down", impact?.Down ?? 0);
        json.WriteNumber("unchanged", impact?.Unchanged ?? 0);
        json.WriteEndObject();
        json.WriteStartArray("refused");
        foreach (var file in impact?.Refused ?? [])
        {
            json.WriteStartObject();
            json.WriteString("file", file.File);
            ScoreCardJson.WriteDiagnostics(json, "diagnostics", file.Diagnostics);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary><c>{ "id", "label" }</c> as in the score card, or null.</summary>
    private static void WriteGrade(Utf8JsonWriter json, string name, ScoreGrade? grade)
    {
        if (grade is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("id", grade.Id);
        json.WriteString("label", grade.Label);
        json.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter json, string name, RubricVersionInfo side)
    {
        json.WriteStartObject(name);
        json.WriteString("id", side.Id);
        ScoreCardJson.WriteTextOrNull(json, "version", side.Version);
        ScoreCardJson.WriteTextOrNull(json, "effective", side.Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("file", side.File);
        ScoreCardJson.WriteNumber(json, "total", side.Total);
        json.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter json, IEnumerable<FieldChange> fields)
    {
        json.WriteStartArray("fields");
        foreach (var field in fields)
        {
            json.WriteStartObject();
            json.WriteString("field", field.Field);
            ScoreCardJson.WriteTextOrNull(json, "old", field.Old);
            ScoreCardJson.WriteTextOrNull(json, "new", field.New);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Kind(ChangeKind kind) => kind.ToString().ToLowerInvariant();
}
