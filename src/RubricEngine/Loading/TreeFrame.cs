using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Loading;

/// <summary>A mapping or list under construction; shared by the YAML and JSON readers so both refuse the same things.</summary>
internal sealed class TreeFrame(bool isMapping, SourceSpan span)
{
    private readonly ImmutableArray<MappingEntry>.Builder entries = ImmutableArray.CreateBuilder<MappingEntry>();
    private readonly ImmutableArray<TreeNode>.Builder items = ImmutableArray.CreateBuilder<TreeNode>();
    private readonly Dictionary<string, ScalarNode> seenKeys = new(StringComparer.Ordinal);
    private ScalarNode? pendingKey;

    public bool Add(TreeNode node, List<Diagnostic> diagnostics)
    {
        if (!isMapping)
        {
            items.Add(node);
            return true;
        }

        if (pendingKey is null)
        {
            if (node is not ScalarNode key)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Syntax, node.Span, MessageText.Of("KeyNotText")));
                return false;
            }

            if (key.Value == "<<" && key.Kind == ScalarKind.Plain)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlFeatureRefused, key.Span, MessageText.Of("MergeKey")));
                return false;
            }

            if (seenKeys.TryGetValue(key.Value, out var first))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateKey, key.Span,
                    first.Span.Path is null
                        ? MessageText.Of("DuplicateKey", key.Value, Numbers.Format(first.Span.Line))
                        : MessageText.Of("DuplicateKeyNoLine", key.Value)));
                return false;
            }

            seenKeys.Add(key.Value, key);
            pendingKey = key;
            return true;
        }

        entries.Add(new MappingEntry(pendingKey, node));
        pendingKey = null;
        return true;
    }

    public TreeNode Complete() => isMapping
        ? new MappingNode(entries.ToImmutable(), span)
        : new SequenceNode(items.ToImmutable(), span);
}
