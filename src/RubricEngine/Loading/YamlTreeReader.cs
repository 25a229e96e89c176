using System.Collections.Immutable;
using RubricEngine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RubricEngine.Loading;

/// <summary>
/// Reads YAML into a <see cref="TreeNode"/> from YamlDotNet's event stream, never from its object model:
/// the walk is iterative (no recursion to overflow), aliases are refused before anything expands them,
/// and depth and node count are bounded as the events arrive.
/// </summary>
internal static class YamlTreeReader
{
    public static TreeNode? Read(string text, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        var errorCount = diagnostics.Count;
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<TreeFrame>();
        TreeNode? root = null;
        var documents = 0;
        var nodes = 0;

        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DocumentShape, At(file, current.Start),
                                "the file holds a second YAML document; put everything in one document (remove the '---' line)"));
                            return null;
                        }

                        continue;
                    case StreamStart or StreamEnd or DocumentEnd or Comment:
                        continue;
                    case AnchorAlias alias:
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlFeatureRefused, At(file, current.Start),
                            $"aliases ('*{alias.Value}') are not allowed; write the value out in full"));
                        return null;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlFeatureRefused, At(file, current.Start),
                            $"anchors ('&{node.Anchor}') are not allowed; write each value out in full"));
                        return null;
                    case NodeEvent node when !node.Tag.IsEmpty:
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlFeatureRefused, At(file, current.Start),
                            $"tags ('{node.Tag}') are not allowed; remove it"));
                        return null;
                }

                if (++nodes > limits.MaxNodes && current is NodeEvent)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, At(file, current.Start),
                        $"the file has more than {limits.MaxNodes} values, the limit"));
                    return null;
                }

                TreeNode? completed = null;
                switch (current)
                {
                    case Scalar scalar:
                        completed = ToScalar(scalar, file);
                        break;
                    case MappingStart or SequenceStart:
                        if (stack.Count >= limits.MaxDepth)
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, At(file, current.Start),
                                $"the file nests deeper than {limits.MaxDepth} levels, the limit"));
                            return null;
                        }

                        stack.Push(new TreeFrame(current is MappingStart, At(file, current.Start)));
                        continue;
                    case MappingEnd or SequenceEnd:
                        completed = stack.Pop().Complete();
                        break;
                }

                if (completed is null)
                {
                    continue;
                }

                if (stack.Count == 0)
                {
                    root = completed;
                }
                else if (!stack.Peek().Add(completed, diagnostics))
                {
                    return null;
                }
            }
        }
        catch (YamlException e)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Syntax, At(file, e.Start), YamlMessage(e, text)));
            return null;
        }

        if (root is null && diagnostics.Count == errorCount)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DocumentShape, SourceSpan.StartOf(file), "the file is empty"));
        }

        return root;
    }

    internal static SourceSpan At(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static ScalarNode ToScalar(Scalar scalar, string file)
    {
        var span = At(file, scalar.Start);
        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        var valueSpan = quoted ? span.Shift(1) : span;
        var singleLine = scalar.Start.Line == scalar.End.Line && scalar.Style is not (ScalarStyle.Literal or ScalarStyle.Folded);
        return new ScalarNode(scalar.Value, quoted || scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded ? ScalarKind.Quoted : ScalarKind.Plain,
            span, valueSpan, singleLine);
    }

    /// <summary>YamlDotNet's messages carry their own positions; ours are in the span, and a hint helps on the usual slips.</summary>
    private static string YamlMessage(YamlException e, string text)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line", StringComparison.Ordinal) && close > 0)
        {
            message = message[(close + 3)..];
        }

        message = "malformed YAML: " + message.TrimEnd('.');
        var lineIndex = (int)e.Start.Line - 1;
        var lines = text.Split('\n');
        if (lineIndex >= 0 && lineIndex < lines.Length)
        {
            var line = lines[lineIndex];
            if (line.Contains('\t'))
            {
                message += "; the line contains a tab: indent with spaces";
            }
            else if (line.Contains('：'))
            {
                message += "; the line has a full-width colon '：': use ':' followed by a space";
            }
        }

        return message;
    }
}
