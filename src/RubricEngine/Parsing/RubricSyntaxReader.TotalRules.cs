using System.Collections.Immutable;
using RubricEngine.Diagnostics;
using RubricEngine.Loading;
using RubricEngine.Syntax;

namespace RubricEngine.Parsing;

/// <summary>The rubric-level keys about the total: <c>unit_types</c>, <c>vetoes</c>, <c>grades</c>, and a criterion's <c>rules</c>.</summary>
internal static partial class RubricSyntaxReader
{
    private static readonly string[] UnitTypeKeys = ["id", "label"];
    private static readonly string[] VetoKeys = ["key", "label", "effect", "cap"];
    private static readonly string[] GradeKeys = ["id", "label", "from"];

    /// <summary>The most vetoes a rubric may declare: the evidence row keeps their flags in one 64-bit mask.</summary>
    public const int MaxVetoes = 64;

    private static readonly (string Name, VetoEffect Effect)[] VetoEffects =
        [("zero", VetoEffect.Zero), ("cap", VetoEffect.Cap), ("lowest_grade", VetoEffect.LowestGrade)];

    private static TotalRulesSyntax ReadTotalRules(MappingReader reader, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        if (reader.Node("unit_types", required: false) is null && reader.Node("vetoes", required: false) is null
            && reader.Node("grades", required: false) is null)
        {
            return TotalRulesSyntax.None;
        }

        var unitTypes = ReadList(reader, "unit_types", required: false, limits.MaxLines, diagnostics, node => ReadUnitType(node, diagnostics));
        var vetoes = ReadList(reader, "vetoes", required: false, MaxVetoes, diagnostics, node => ReadVeto(node, diagnostics));
        var grades = ReadList(reader, "grades", required: false, limits.MaxLines, diagnostics, node => ReadGrade(node, diagnostics));
        var unitTypesNode = reader.Node("unit_types", required: false);
        var complete = Counts(reader, "unit_types", unitTypes.Length) && Counts(reader, "vetoes", vetoes.Length) && Counts(reader, "grades", grades.Length);
        return new TotalRulesSyntax(unitTypes, vetoes, grades, unitTypesNode?.Span, complete);

        static bool Counts(MappingReader reader, string key, int read) =>
            reader.Node(key, required: false) is not { } node || (node is SequenceNode list && list.Items.Length == read);
    }

    private static UnitTypeSyntax? ReadUnitType(TreeNode node, List<Diagnostic> diagnostics) =>
        ReadLabelled(node, "WhatUnitType", "WhatUnitTypeId", "id", UnitTypeKeys, diagnostics) is ({ } id, { } label, _)
            ? new UnitTypeSyntax(id, label)
            : null;

    /// <summary>
    /// An entry with an id and a label (a level, a unit type, a veto, a grade): the id and label, each null when
    /// unreadable, and the reader for the entry's other keys; null when the entry is not a mapping.
    /// </summary>
    private static (Located<string>? Id, string? Label, MappingReader Reader)? ReadLabelled(TreeNode node, string what, string whatId, string idKey,
        string[] keys, List<Diagnostic> diagnostics)
    {
        if (Values.Mapping(node, MessageText.Of(what), diagnostics) is not { } mapping)
        {
            return null;
        }

        var reader = new MappingReader(mapping, MessageText.Of(what), keys, diagnostics);
        var id = Identifier(reader, idKey, MessageText.Of(whatId), diagnostics);
        return (id, reader.Text("label"), reader);
    }

    private static VetoSyntax? ReadVeto(TreeNode node, List<Diagnostic> diagnostics)
    {
        if (ReadLabelled(node, "WhatVeto", "WhatVetoKey", "key", VetoKeys, diagnostics) is not var (key, label, reader))
        {
            return null;
        }

        var effectText = reader.Text("effect");
        var effectNode = reader.Node("effect", required: false);
        Located<VetoEffect>? effect = null;
        if (effectText is not null)
        {
            var known = VetoEffects.FirstOrDefault(e => e.Name == effectText);
            if (known.Name is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, effectNode!.Span, MessageText.Of("UnknownVetoEffect", effectText,
                    Suggestions.DidYouMean(effectText, VetoEffects.Select(e => e.Name)), string.Join(", ", VetoEffects.Select(e => e.Name)))));
            }
            else
            {
                effect = new Located<VetoEffect>(known.Effect, effectNode!.Span);
            }
        }

        Located<decimal>? cap = reader.Node("cap", required: false) is null ? null : Points(reader, "cap", diagnostics);
        var name = key?.Value ?? "?";
        if (effect is { Value: VetoEffect.Cap } && reader.Node("cap", required: false) is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, effect.Value.Span, MessageText.Of("VetoCapMissing", name)));
            return null;
        }

        if (effect is { Value: not VetoEffect.Cap } && reader.KeyNode("cap") is { } capKey)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, capKey.Span, MessageText.Of("VetoCapWithoutEffect", name, effectText!)));
            return null;
        }

        return key is null || label is null || effect is null || (reader.Node("cap", required: false) is not null && cap is null)
            ? null
            : new VetoSyntax(key.Value, label, effect.Value, cap);
    }

    private static GradeSyntax? ReadGrade(TreeNode node, List<Diagnostic> diagnostics)
    {
        if (ReadLabelled(node, "WhatGrade", "WhatGradeId", "id", GradeKeys, diagnostics) is not var (id, label, reader))
        {
            return null;
        }

        Located<decimal>? from = null;
        if (reader.Node("from", required: false) is { } fromNode)
        {
            if (Values.Decimal(fromNode, MessageText.Quoted("from"), diagnostics) is not { } value)
            {
                return null;
            }

            from = new Located<decimal>(value, fromNode.Span);
        }

        return id is null || label is null ? null : new GradeSyntax(id.Value, label, from, reader.Span);
    }

    /// <summary>
    /// <c>rules: { district: "per_item(-0.5) of 10", zone: "per_item(-1.25) of 4" }</c>: each rule parsed as a
    /// <c>rule</c> is, positioned in the file. Null when any entry is unreadable (its error is reported).
    /// </summary>
    private static ImmutableArray<RuleVariantSyntax>? ReadRuleVariants(TreeNode node, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        if (Values.Mapping(node, MessageText.Quoted("rules"), diagnostics) is not { } mapping)
        {
            return null;
        }

        if (mapping.Entries.Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, mapping.Span, MessageText.Of("ListEmpty", MessageText.Quoted("rules"))));
            return null;
        }

        var variants = ImmutableArray.CreateBuilder<RuleVariantSyntax>(mapping.Entries.Length);
        var complete = true;
        foreach (var entry in mapping.Entries)
        {
            var unitType = Identifier(entry.Key, MessageText.Of("WhatUnitTypeId"), diagnostics);
            if (entry.Value is not ScalarNode { IsNull: false } scalar)
            {
                diagnostics.Add(Values.WrongType(entry.Value, MessageText.Quoted($"rules.{entry.Key.Value}"), MessageText.Of("ExpectRule")));
                complete = false;
                continue;
            }

            var source = new RuleSource(scalar.Value, scalar.ValueSpan, scalar.IsSingleLine);
            if (RuleParser.Parse(source, limits, diagnostics) is { } rule && unitType is { } type)
            {
                variants.Add(new RuleVariantSyntax(type, source, rule));
            }
            else
            {
                complete = false;
            }
        }

        return complete ? variants.MoveToImmutable() : null;
    }
}
