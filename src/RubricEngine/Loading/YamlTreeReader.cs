using System.Collections.Immutable;
using System.Globalization;
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
    /// <summary>
    /// The deepest YAML read, even when <see cref="LoadLimits.MaxDepth"/> allows more. YamlDotNet's scanner
    /// re-examines every open flow level ('[' or '{') on each token, so its time grows with depth × tokens:
    /// 100,000 nested brackets took 56 s against 1 s for the same JSON. Real rubrics nest about 6 levels deep.
    /// </summary>
    public const int DepthCeiling = 1_000;

    public static TreeNode? Read(string text, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        var errorCount = diagnostics.Count;
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<TreeFrame>();
        TreeNode? root = null;
        var documents = 0;
        var nodes = 0;
        var lastMark = Mark.Empty;

        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                lastMark = current.End;
                switch (current)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DocumentShape, At(file, current.Start),
                                MessageText.Of("SecondDocument")));
                            return null;
                        }

                        continue;
                    case StreamStart or StreamEnd or DocumentEnd or Comment:
                        continue;
                    case AnchorAlias alias:
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlFeatureRefused, At(file, current.Start),
                            MessageText.Of("YamlAlias", alias.Value.ToString())));
                        return null;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlFeatureRefused, At(file, current.Start),
                            MessageText.Of("YamlAnchor", node.Anchor.ToString())));
                        return null;
                    case NodeEvent node when !node.Tag.IsEmpty:
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlFeatureRefused, At(file, current.Start),
                            MessageText.Of("YamlTag", node.Tag.ToString())));
                        return null;
                }

                if (current is NodeEvent && ++nodes > limits.MaxNodes)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, At(file, current.Start),
                        MessageText.Of("TooManyValues", Numbers.Format(limits.MaxNodes))));
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
                                MessageText.Of("TooDeep", Numbers.Format(limits.MaxDepth))));
                            return null;
                        }

                        if (stack.Count >= DepthCeiling)
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, At(file, current.Start),
                                MessageText.Of("TooDeepYaml", Numbers.Format(DepthCeiling))));
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
            // YamlDotNet's Start is where the construct began (an opening quote: useful), but for a tab it is the
            // enclosing mapping's start: point at the first tab after it instead.
            var at = At(file, e.Start);
            if (e.Message.Contains("tab", StringComparison.Ordinal) && FirstTab(text, at.Line) is { } tab)
            {
                at = new SourceSpan(file, tab.Line, tab.Column);
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Syntax, at, YamlMessage(e, text, at.Line)));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet 18.1.0's scanner can throw these instead of a YamlException on some malformed input
            // (a '---' inside a flow mapping, found by the property tests). They carry no position: use the last good one.
            diagnostics.Add(UnclosedBracket(text) is { } open
                ? Diagnostic.Error(DiagnosticCodes.Syntax, new SourceSpan(file, open.Line, open.Column),
                    MessageText.Of("UnclosedBracket", open.Bracket.ToString(), open.Bracket == '[' ? "]" : "}"))
                : Diagnostic.Error(DiagnosticCodes.Syntax, At(file, lastMark),
                    MessageText.Of("MalformedAfter")));
            return null;
        }

        if (root is null && diagnostics.Count == errorCount)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DocumentShape, SourceSpan.StartOf(file), MessageText.Of("EmptyFile")));
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

    /// <summary>
    /// The first flow bracket left open (or closed by the wrong bracket), skipping quoted text and comments: where
    /// YamlDotNet gives no position, this is usually the mistake.
    /// </summary>
    internal static (char Bracket, int Line, int Column)? UnclosedBracket(string text)
    {
        var open = new Stack<(char Bracket, int Line, int Column)>();
        var line = 1;
        var column = 0;
        char? quote = null;
        var previous = '\n';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            column++;
            if (c == '\n')
            {
                line++;
                column = 0;
            }

            if (quote is { } q)
            {
                if (c == '\\' && q == '"')
                {
                    i++;
                    column++;
                }
                else if (c == q)
                {
                    quote = null;
                }
            }
            else if (c == '#' && (previous is ' ' or '\t' or '\n'))
            {
                while (i + 1 < text.Length && text[i + 1] != '\n')
                {
                    i++;
                }
            }
            else if (c is '"' or '\'' && previous is ' ' or '\t' or '\n' or '[' or '{' or ',' or ':')
            {
                quote = c;
            }
            else if (c is '[' or '{')
            {
                open.Push((c, line, column));
            }
            else if (c is ']' or '}')
            {
                if (open.Count == 0)
                {
                    return null;
                }

                var top = open.Pop();
                if ((top.Bracket == '[') != (c == ']'))
                {
                    return top;
                }
            }

            if (c is not (' ' or '\t'))
            {
                previous = c;
            }
            else if (previous != '\n')
            {
                previous = ' ';
            }
        }

        return open.Count > 0 ? open.Last() : null;
    }

    /// <summary>YamlDotNet's wording for a key or list item that is indented too little or too much.</summary>
    private static readonly string[] IndentationMessages =
    [
        "did not find expected '-' indicator",
        "did not find expected key",
        "found invalid mapping",
        "Mapping values are not allowed in this context",
    ];

    private static (int Line, int Column)? FirstTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            if (lines[i].IndexOf('\t') is var column and >= 0)
            {
                return (i + 1, column + 1);
            }
        }

        return null;
    }

    /// <summary>YamlDotNet's messages carry their own positions; ours are in the span, and a hint helps on the usual slips.</summary>
    private static MessageText YamlMessage(YamlException e, string text, int line)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line", StringComparison.Ordinal) && close > 0)
        {
            message = message[(close + 3)..];
        }

        if (message.Contains("invalid Unicode surrogates", StringComparison.Ordinal))
        {
            // The quote is there; the escape is what is wrong, so YamlDotNet's wording would send the reader astray.
            return MessageText.Of("YamlSurrogate");
        }

        // YamlDotNet's own words stay as they are (English); the hint after them is in the reader's language.
        message = message.TrimEnd('.');
        var hint = MessageText.None;
        var lines = text.Split('\n');

        // The slip is usually on the reported line or the one before it (YAML notices a bad key a line late).
        var nearby = Enumerable.Range(line - 2, 2).Where(i => i >= 0 && i < lines.Length).Select(i => lines[i]).ToList();
        // Searched as a position, not a character: the control character most often met is U+0000, default(char).
        var control = nearby.SelectMany(l => l).Select(c => (int?)c).FirstOrDefault(c => c < 0x20 && c is not ('\t' or '\r'));
        if (control is { } code)
        {
            hint = MessageText.Of("ControlCharacterHint", code.ToString("X4", CultureInfo.InvariantCulture));
        }
        else if (nearby.Any(l => l.Contains('\t')))
        {
            hint = MessageText.Of("TabHint");
        }
        else if (nearby.Any(l => l.Contains('\uFF1A')))
        {
            hint = MessageText.Of("FullWidthColonHint");
        }
        else if (message.Contains("quoted scalar", StringComparison.Ordinal))
        {
            hint = MessageText.Of("ClosingQuoteHint");
        }
        else if (IndentationMessages.Any(m => message.Contains(m, StringComparison.Ordinal)))
        {
            hint = MessageText.Of("IndentationHint");
        }

        return MessageText.Of("MalformedYaml", message, hint);
    }
}
