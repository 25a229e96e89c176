using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RubricEngine.Diagnostics;

namespace RubricEngine.Loading;

/// <summary>
/// Evidence that has no text (a <see cref="UnitEvidence"/> built in code, or a <see cref="JsonElement"/>) as the same
/// tree a file is read into, so the evidence reader checks it with the very same rules and messages. There is no
/// line or column to give, so each node's span is its key path: <c>organization.leading_group</c>.
/// </summary>
internal static class ValueTreeReader
{
    public static TreeNode FromEvidence(UnitEvidence evidence, string file)
    {
        var top = ImmutableArray.CreateBuilder<MappingEntry>();
        top.Add(Entry(file, "", "rubric", Text(evidence.RubricId, file, "rubric")));
        top.Add(Entry(file, "", "unit", Text(evidence.Unit, file, "unit")));
        if (evidence.Year is { } year)
        {
            top.Add(Entry(file, "", "year", Plain(year.ToString(CultureInfo.InvariantCulture), file, "year")));
        }

        if (evidence.UnitType is { } unitType)
        {
            top.Add(Entry(file, "", "unit_type", Text(unitType, file, "unit_type")));
        }

        if (!evidence.Vetoes.IsEmpty)
        {
            top.Add(Entry(file, "", "vetoes", new MappingNode(
                [.. evidence.Vetoes.Select(v => Entry(file, "vetoes", v.Key, Plain(v.Value ? "true" : "false", file, $"vetoes.{v.Key}")))],
                SourceSpan.AtPath(file, "vetoes"))));
        }

        var lines = ImmutableArray.CreateBuilder<MappingEntry>();
        foreach (var (lineId, keys) in evidence.Lines)
        {
            var entries = ImmutableArray.CreateBuilder<MappingEntry>();
            foreach (var (key, fact) in keys)
            {
                entries.Add(Entry(file, lineId, key, FromFact(fact, file, $"{lineId}.{key}")));
            }

            lines.Add(Entry(file, "", lineId, new MappingNode(entries.ToImmutable(), SourceSpan.AtPath(file, lineId))));
        }

        top.Add(Entry(file, "", "lines", new MappingNode(lines.ToImmutable(), SourceSpan.AtPath(file, "lines"))));
        return new MappingNode(top.ToImmutable(), SourceSpan.AtPath(file, "."));
    }

    /// <summary>A JSON node as a tree: written by the node itself (no reflection, so AOT-safe) and read back as an element.</summary>
    public static TreeNode? FromJson(JsonNode? node, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        try
        {
            using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null", new JsonDocumentOptions { MaxDepth = limits.MaxDepth + 1 });
            return FromJson(document.RootElement, file, limits, diagnostics);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Only nesting deeper than the limit (ours, or the writer's own) can fail here: a node is valid JSON.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, SourceSpan.AtPath(file, "."), MessageText.Of("EvidenceTooDeep", Numbers.Format(limits.MaxDepth))));
            return null;
        }
    }

    /// <summary>A JSON value as a tree, refusing what a JSON file would refuse: duplicate keys, too deep, too many values.</summary>
    public static TreeNode? FromJson(JsonElement root, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        var nodes = 0;
        return Read(root, ".", 0);

        TreeNode? Read(JsonElement element, string path, int depth)
        {
            var span = SourceSpan.AtPath(file, path);

            // The walk recurses once per level: a value nested deeper than the thread's stack allows is refused
            // here, as a diagnostic, before the stack runs out (which no handler could catch).
            if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, span, MessageText.Of("EvidenceTooDeepToRead")));
                return null;
            }

            if (++nodes > limits.MaxNodes)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, span, MessageText.Of("EvidenceTooManyValues", Numbers.Format(limits.MaxNodes))));
                return null;
            }

            switch (element.ValueKind)
            {
                case JsonValueKind.Object or JsonValueKind.Array when depth >= limits.MaxDepth:
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, span, MessageText.Of("EvidenceTooDeep", Numbers.Format(limits.MaxDepth))));
                    return null;
                case JsonValueKind.Object:
                    var mapping = new TreeFrame(isMapping: true, span);
                    foreach (var property in element.EnumerateObject())
                    {
                        // As for evidence built in code: a line's path is its id ("lectures"), not "lines.lectures".
                        var childPath = path == "." || (path == "lines" && depth == 1) ? property.Name : $"{path}.{property.Name}";
                        if (Read(property.Value, childPath, depth + 1) is not { } value
                            || !mapping.Add(new ScalarNode(property.Name, ScalarKind.Quoted, SourceSpan.AtPath(file, childPath), SourceSpan.AtPath(file, childPath), IsSingleLine: true), diagnostics)
                            || !mapping.Add(value, diagnostics))
                        {
                            return null;
                        }
                    }

                    return mapping.Complete();
                case JsonValueKind.Array:
                    var list = new TreeFrame(isMapping: false, span);
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (Read(item, $"{path}[{index++}]", depth + 1) is not { } value)
                        {
                            return null;
                        }

                        list.Add(value, diagnostics);
                    }

                    return list.Complete();
                case JsonValueKind.Undefined:
                    // default(JsonElement): nothing was given, which reads as an empty value does in a file.
                    return new ScalarNode("", ScalarKind.Plain, span, span, IsSingleLine: true);
                case JsonValueKind.String:
                    return new ScalarNode(element.GetString()!, ScalarKind.Quoted, span, span, IsSingleLine: true);
                default:
                    // Numbers, true, false and null keep their JSON text, as the JSON file reader keeps it.
                    return new ScalarNode(element.GetRawText(), ScalarKind.Plain, span, span, IsSingleLine: true);
            }
        }
    }

    /// <summary>Top-level keys have their name as path; a line's keys have "line.key".</summary>
    private static MappingEntry Entry(string file, string parent, string key, TreeNode value)
    {
        var path = parent.Length == 0 ? key : $"{parent}.{key}";
        var span = SourceSpan.AtPath(file, path);
        return new MappingEntry(new ScalarNode(key, ScalarKind.Quoted, span, span, IsSingleLine: true), value);
    }

    private static TreeNode FromFact(EvidenceFact fact, string file, string path) => fact switch
    {
        EvidenceFact.Flag flag => Plain(flag.Value ? "true" : "false", file, path),
        EvidenceFact.Count count => Plain(count.Value.ToString(CultureInfo.InvariantCulture), file, path),
        EvidenceFact.Amount amount => Plain(Numbers.Format(amount.Value), file, path),
        EvidenceFact.Percent percent => Plain(Numbers.Format(percent.Value) + "%", file, path),
        EvidenceFact.Months months => List(months.Values, file, path, (m, at) => Plain(m.ToString(CultureInfo.InvariantCulture), file, at)),
        EvidenceFact.Quarters quarters => List(quarters.Values, file, path, (q, at) => Plain(q.ToString(CultureInfo.InvariantCulture), file, at)),
        EvidenceFact.MissingItems missing => List(missing.Values, file, path, (id, at) => Text(id, file, at)),
        EvidenceFact.Publications publications => List(publications.Values, file, path, (p, at) => new MappingNode(
            [Entry(file, at, "item", Text(p.Item, file, $"{at}.item")), Entry(file, at, "level", Text(p.Level, file, $"{at}.level"))],
            SourceSpan.AtPath(file, at))),
        EvidenceFact.Category { Points: null } category => Text(category.Id, file, path),
        EvidenceFact.Category category => new MappingNode(
            [Entry(file, path, "category", Text(category.Id, file, $"{path}.category")),
                Entry(file, path, "points", Plain(Numbers.Format(category.Points!.Value), file, $"{path}.points"))],
            SourceSpan.AtPath(file, path)),
        EvidenceFact.Grid grid => List(grid.Values, file, path, (g, at) => new MappingNode(
            [Entry(file, at, "item", Text(g.Item, file, $"{at}.item")), Entry(file, at, "row", Text(g.Row, file, $"{at}.row")),
                Entry(file, at, "column", Text(g.Column, file, $"{at}.column"))],
            SourceSpan.AtPath(file, at))),
        _ => throw new ArgumentException($"unknown kind of evidence fact: {fact.GetType().Name}", nameof(fact)),
    };

    private static SequenceNode List<T>(ImmutableArray<T> values, string file, string path, Func<T, string, TreeNode> item) =>
        new([.. (values.IsDefault ? [] : values).Select((v, i) => item(v, $"{path}[{i}]"))], SourceSpan.AtPath(file, path));

    private static ScalarNode Plain(string text, string file, string path) =>
        new(text, ScalarKind.Plain, SourceSpan.AtPath(file, path), SourceSpan.AtPath(file, path), IsSingleLine: true);

    /// <summary>Text is quoted, so that "true" or "12" given as text stays text, as in a file.</summary>
    private static ScalarNode Text(string? text, string file, string path) =>
        new(text ?? "", ScalarKind.Quoted, SourceSpan.AtPath(file, path), SourceSpan.AtPath(file, path), IsSingleLine: true);
}
