using System.Text;
using System.Text.Json;
using RubricEngine.Diagnostics;

namespace RubricEngine.Loading;

/// <summary>
/// Reads JSON into a <see cref="TreeNode"/> with System.Text.Json's forward-only reader: strict JSON
/// (no comments, no trailing commas, no NaN), bounded depth, duplicate keys refused, positions kept.
/// </summary>
internal static class JsonTreeReader
{
    public static TreeNode? Read(string text, string file, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var positions = new BytePositions(bytes, file);
        // The reader's own depth check is set one above ours, so that ours, with its message, fires first.
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        var stack = new Stack<TreeFrame>();
        TreeNode? root = null;
        var nodes = 0;

        try
        {
            while (reader.Read())
            {
                var span = positions.At((int)reader.TokenStartIndex);
                if (reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray) && ++nodes > limits.MaxNodes)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, span, MessageText.Of("TooManyValues", Numbers.Format(limits.MaxNodes))));
                    return null;
                }

                TreeNode? completed = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (stack.Count >= limits.MaxDepth)
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, span, MessageText.Of("TooDeep", Numbers.Format(limits.MaxDepth))));
                            return null;
                        }

                        stack.Push(new TreeFrame(reader.TokenType == JsonTokenType.StartObject, span));
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        completed = stack.Pop().Complete();
                        break;
                    case JsonTokenType.PropertyName or JsonTokenType.String:
                        if (!TryGetString(ref reader, out var value))
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Syntax, span,
                                MessageText.Of("JsonSurrogate")));
                            return null;
                        }

                        completed = new ScalarNode(value, ScalarKind.Quoted, span, span.Shift(1), IsSingleLine: true);
                        break;
                    case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                        var raw = Encoding.UTF8.GetString(reader.ValueSpan);
                        completed = new ScalarNode(raw, ScalarKind.Plain, span, span, IsSingleLine: true);
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
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = positions.ColumnOf(line, (int)(e.BytePositionInLine ?? 0));
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.Syntax, new SourceSpan(file, line, column), CleanMessage(e.Message)));
            return null;
        }

        if (root is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DocumentShape, SourceSpan.StartOf(file), MessageText.Of("EmptyFile")));
        }

        return root;
    }

    /// <summary>
    /// The reader accepts "\ud800" as a token and only refuses it when the string is asked for, with an
    /// InvalidOperationException: the one case where the text is valid JSON syntax but not valid text.
    /// </summary>
    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = "";
            return false;
        }
    }

    private static MessageText CleanMessage(string message)
    {
        // System.Text.Json appends its own "LineNumber: … | BytePositionInLine: …"; ours is in the span.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');

        // Advice meant for programmers ("Change the reader options") is no help to whoever edits the file.
        var advice = message.IndexOf(". Change the reader options", StringComparison.Ordinal);
        // System.Text.Json's own words stay as they are (English); the advice is in the reader's language.
        return advice > 0 ? MessageText.Of("MalformedJson", message[..advice], MessageText.Of("JsonCommaHint")) : MessageText.Of("MalformedJson", message, MessageText.None);
    }

    /// <summary>Maps UTF-8 byte offsets to 1-based line and character column.</summary>
    private sealed class BytePositions
    {
        private readonly byte[] bytes;
        private readonly string file;
        private readonly List<int> lineStarts = [0];

        public BytePositions(byte[] bytes, string file)
        {
            this.bytes = bytes;
            this.file = file;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }
        }

        public SourceSpan At(int offset)
        {
            var index = lineStarts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return new SourceSpan(file, line + 1, ColumnOf(line + 1, offset - lineStarts[line]));
        }

        public int ColumnOf(int line, int byteInLine)
        {
            if (line < 1 || line > lineStarts.Count)
            {
                return 1;
            }

            var start = lineStarts[line - 1];
            var length = Math.Clamp(byteInLine, 0, bytes.Length - start);
            return Encoding.UTF8.GetCharCount(bytes, start, length) + 1;
        }
    }
}
