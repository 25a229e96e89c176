using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Loading;

/// <summary>
/// The document tree both YAML and JSON files are read into: only scalars, mappings and lists, each
/// with its position. Later stages never see YamlDotNet or System.Text.Json types.
/// </summary>
internal abstract record TreeNode(SourceSpan Span)
{
    /// <summary>A word for messages: "text", "a number", "a mapping", "a list".</summary>
    public abstract MessageText Describe();
}

/// <summary>How a scalar was written; quoted text is never taken for a number or a boolean.</summary>
internal enum ScalarKind
{
    Plain,
    Quoted,
}

/// <summary>A scalar, as written.</summary>
/// <param name="Value">The text of the scalar, quotes removed.</param>
/// <param name="Kind">Plain or quoted.</param>
/// <param name="Span">Where the scalar starts.</param>
/// <param name="ValueSpan">Where the first character of the value is (after an opening quote).</param>
/// <param name="IsSingleLine">True when the value sits on one source line, so column offsets into it are exact.</param>
internal sealed record ScalarNode(string Value, ScalarKind Kind, SourceSpan Span, SourceSpan ValueSpan, bool IsSingleLine) : TreeNode(Span)
{
    public bool IsNull => Kind == ScalarKind.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override MessageText Describe() => IsNull ? MessageText.Of("DescribeEmpty") : Kind == ScalarKind.Quoted ? MessageText.Of("DescribeQuoted", Value) : MessageText.Quoted(Value);
}

internal sealed record MappingEntry(ScalarNode Key, TreeNode Value);

internal sealed record MappingNode(ImmutableArray<MappingEntry> Entries, SourceSpan Span) : TreeNode(Span)
{
    public override MessageText Describe() => MessageText.Of("DescribeMapping");
}

internal sealed record SequenceNode(ImmutableArray<TreeNode> Items, SourceSpan Span) : TreeNode(Span)
{
    public override MessageText Describe() => MessageText.Of("DescribeList");
}
