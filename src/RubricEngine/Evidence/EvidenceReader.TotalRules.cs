using RubricEngine.Diagnostics;
using RubricEngine.Loading;
using RubricEngine.Runtime;

namespace RubricEngine.Evidence;

/// <summary>The evidence's <c>unit_type</c> and <c>vetoes</c>, read into the row before any line is checked.</summary>
internal static partial class EvidenceReader
{
    /// <summary>
    /// <c>unit_type</c>: required when the rubric declares unit types (a rule may differ by type), refused otherwise.
    /// The type's label written for its id (开发区 for <c>zone</c>) is named in the message.
    /// </summary>
    private static void ReadUnitType(MappingReader reader, CompiledRubric compiled, string rubricId, EvidenceRow row, List<Diagnostic> diagnostics)
    {
        var types = compiled.UnitTypes;
        var ids = types.Select(t => t.Id).ToList();
        var node = reader.Node("unit_type", required: false);
        if (types.IsEmpty)
        {
            if (node is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownKey, reader.KeyNode("unit_type")!.Span, MessageText.Of("NoUnitTypes", rubricId)));
            }

            return;
        }

        if (node is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, reader.Span, MessageText.Of("UnitTypeRequired", rubricId,
                string.Join(", ", types.Select(t => $"'{t.Id}' ({t.Label})")))));
            return;
        }

        if (Values.Text(node, MessageText.Quoted("unit_type"), diagnostics) is not { } text)
        {
            return;
        }

        var index = ids.IndexOf(text);
        if (index < 0)
        {
            var byLabel = types.Select(t => t.Label).ToList().IndexOf(text);
            var hint = byLabel >= 0 ? MessageText.Of("WriteLevelFor", ids[byLabel], text) : Suggestions.DidYouMean(text, ids);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownEvidenceValue, node.Span, MessageText.Of("UnknownUnitType",
                text, hint, string.Join(", ", ids), Values.FullWidthHint(text))));
            return;
        }

        row.UnitType = index;
    }

    /// <summary>
    /// <c>vetoes: { major_accident: true }</c>: a veto not written did not happen, as a deduction not written is none;
    /// a key the rubric does not declare is an error with a suggestion.
    /// </summary>
    private static void ReadVetoes(MappingReader reader, CompiledRubric compiled, string rubricId, EvidenceRow row, List<Diagnostic> diagnostics)
    {
        if (reader.Node("vetoes", required: false) is not { } node)
        {
            return;
        }

        var vetoes = compiled.TotalRules?.Vetoes ?? [];
        if (vetoes.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownKey, reader.KeyNode("vetoes")!.Span, MessageText.Of("NoVetoes", rubricId)));
            return;
        }

        if (node is ScalarNode { IsNull: true } || Values.Mapping(node, MessageText.Quoted("vetoes"), diagnostics) is not { } mapping)
        {
            return; // 'vetoes:' left empty: none raised
        }

        var keys = vetoes.Select(v => v.Key).ToList();
        var raised = 0UL;
        foreach (var entry in mapping.Entries)
        {
            var index = keys.IndexOf(entry.Key.Value);
            if (index < 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownEvidenceKey, entry.Key.Span, MessageText.Of("UnknownVeto",
                    rubricId, entry.Key.Value, Suggestions.DidYouMean(entry.Key.Value, keys), string.Join(", ", keys), Values.FullWidthHint(entry.Key.Value))));
                continue;
            }

            if (entry.Value is ScalarNode { IsNull: true })
            {
                continue; // left empty: not raised
            }

            if (Values.Bool(entry.Value, MessageText.Quoted($"vetoes.{entry.Key.Value}"), diagnostics) == true)
            {
                raised |= 1UL << index;
            }
        }

        row.Vetoes = raised;
    }
}
