using System.Globalization;
using RubricEngine.Diagnostics;

namespace RubricEngine.Loading;

/// <summary>
/// Reads one mapping against a fixed set of keys: unknown keys are reported with a suggestion,
/// required keys are checked, and each value is converted with a positioned message when it does not fit.
/// </summary>
internal sealed class MappingReader
{
    private readonly MappingNode node;
    private readonly MessageText what;
    private readonly List<Diagnostic> diagnostics;
    private readonly HashSet<string> suggested = new(StringComparer.Ordinal);

    public MappingReader(MappingNode node, MessageText what, IReadOnlyCollection<string> allowedKeys, List<Diagnostic> diagnostics)
    {
        this.node = node;
        this.what = what;
        this.diagnostics = diagnostics;
        foreach (var entry in node.Entries)
        {
            if (!allowedKeys.Contains(entry.Key.Value))
            {
                if (Suggestions.Closest(entry.Key.Value, allowedKeys) is { } suggestion)
                {
                    suggested.Add(suggestion);
                }

                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownKey, entry.Key.Span, MessageText.Of("UnknownKey",
                    entry.Key.Value, what, Suggestions.DidYouMean(entry.Key.Value, allowedKeys), Values.FullWidthHint(entry.Key.Value))));
            }
        }
    }

    public SourceSpan Span => node.Span;

    public TreeNode? Node(string key, bool required)
    {
        foreach (var entry in node.Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        // A misspelt key was already reported with this key as its suggestion: saying it is missing too is noise.
        if (required && !suggested.Contains(key))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, node.Span, MessageText.Of("MissingKey", what, key)));
        }

        return null;
    }

    public ScalarNode? KeyNode(string key) => node.Entries.FirstOrDefault(e => e.Key.Value == key)?.Key;

    public string? Text(string key, bool required = true) =>
        Node(key, required) is { } value ? Values.Text(value, MessageText.Quoted(key), diagnostics) : null;

    public decimal? Decimal(string key, bool required = true) =>
        Node(key, required) is { } value ? Values.Decimal(value, MessageText.Quoted(key), diagnostics) : null;

    public SequenceNode? List(string key, bool required = true) =>
        Node(key, required) is { } value ? Values.List(value, MessageText.Quoted(key), diagnostics) : null;

    public MappingNode? Mapping(string key, bool required = true) =>
        Node(key, required) is { } value ? Values.Mapping(value, MessageText.Quoted(key), diagnostics) : null;
}

/// <summary>Conversions from tree nodes to values, each reporting a positioned error when the node does not fit.</summary>
internal static class Values
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static string? Text(TreeNode node, MessageText what, List<Diagnostic> diagnostics)
    {
        if (node is ScalarNode { IsNull: false } scalar && !string.IsNullOrWhiteSpace(scalar.Value))
        {
            return scalar.Value;
        }

        diagnostics.Add(node is ScalarNode { IsNull: false }
            ? Diagnostic.Error(DiagnosticCodes.WrongType, node.Span, MessageText.Of("EmptyText", what))
            : WrongType(node, what, MessageText.Of("ExpectText")));
        return null;
    }

    /// <param name="expected">What to ask for when the text is not a number, e.g. "a year such as 2022"; default a plain decimal.</param>
    public static decimal? Decimal(TreeNode node, MessageText what, List<Diagnostic> diagnostics, MessageText? expected = null)
    {
        expected ??= MessageText.Of("ExpectDecimal");
        if (node is ScalarNode { Kind: ScalarKind.Plain, IsNull: false } scalar)
        {
            if (TryDecimal(scalar.Value, out var value))
            {
                return value;
            }

            diagnostics.Add(IsPlainNumber(scalar.Value) && scalar.Value.Length > MaxNumberLength
                // Too long to read, whatever its value (0000…0001 is 1): say so, not "out of range".
                ? Diagnostic.Error(DiagnosticCodes.WrongType, node.Span, MessageText.Of("NumberTextTooLong", what, Shorten(scalar.Value),
                    Numbers.Format(scalar.Value.Length), Numbers.Format(MaxNumberLength)))
                : IsPlainNumber(scalar.Value)
                ? Diagnostic.Error(DiagnosticCodes.WrongType, node.Span, MessageText.Of("NumberTooLong", what, Shorten(scalar.Value),
                    Numbers.Format(scalar.Value.Count(char.IsAsciiDigit)), Numbers.Format(MaxNumberLength)))
                : Diagnostic.Error(DiagnosticCodes.WrongType, node.Span,
                    MessageText.Of("WrongValue", what, expected, Shorten(scalar.Value), FullWidthHint(scalar.Value))));
            return null;
        }

        diagnostics.Add(WrongType(node, what, MessageText.Of("ExpectNumber")));
        return null;
    }

    /// <summary>
    /// A percentage written with its sign (<c>76%</c>, <c>76.5%</c>; plain in YAML, a string in JSON) as a ratio
    /// (0.765), or null after an error. A bare number is refused with the fix: <c>write 76%</c>. Used for evidence
    /// values and for rubric data, so both read percentages alike; the caller checks the range.
    /// </summary>
    public static decimal? Percent(TreeNode node, MessageText what, List<Diagnostic> diagnostics)
    {
        if (node is not ScalarNode { IsNull: false } scalar)
        {
            diagnostics.Add(WrongType(node, what, MessageText.Of("ExpectPercent")));
            return null;
        }

        var text = scalar.Value.Trim();
        if (PercentText.TryParse(text, out var ratio))
        {
            return ratio;
        }

        if (PercentText.IsBareNumber(text))
        {
            // 0.76 is more likely a share (76%) than 0.76%: say both.
            var share = TryDecimal(text, out var bare) && bare is > 0m and < 1m
                ? MessageText.Of("ShareHint", text, Numbers.Format(bare * 100m))
                : MessageText.None;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongType, node.Span, MessageText.Of("PercentNeedsSign", what, text, share)));
            return null;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongType, node.Span,
            MessageText.Of("WrongValue", what, MessageText.Of("ExpectPercent"), Shorten(text), FullWidthHint(text))));
        return null;
    }

    /// <summary>"; it contains the full-width '，' (U+FF0C): write ','" for text typed with a Chinese input method, else nothing.</summary>
    public static MessageText FullWidthHint(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                return MessageText.Of("FullWidthHint", c.ToString(), ((int)c).ToString("X4", CultureInfo.InvariantCulture), ((char)(c - 0xFEE0)).ToString(),
                    c == '\uFF1A' ? MessageText.Of("FollowedBySpace") : MessageText.None);
            }

            if (c == '\u3000')
            {
                return MessageText.Of("IdeographicSpaceHint");
            }

            // Invisible characters are named: the text looks right, and a message quoting it would look right too.
            if (c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2060' and <= '\u2069' or '\uFEFF' or '\u00AD' or '\u00A0'
                || char.IsControl(c))
            {
                return MessageText.Of("InvisibleHint", ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                    InvisibleNames.TryGetValue(c, out var name) ? $" ({name})" : "");
            }
        }

        return MessageText.None;
    }

    private static readonly Dictionary<char, string> InvisibleNames = new()
    {
        ['\u200B'] = "ZERO WIDTH SPACE", ['\u200C'] = "ZERO WIDTH NON-JOINER", ['\u200D'] = "ZERO WIDTH JOINER",
        ['\u200E'] = "LEFT-TO-RIGHT MARK", ['\u200F'] = "RIGHT-TO-LEFT MARK", ['\u2060'] = "WORD JOINER",
        ['\uFEFF'] = "ZERO WIDTH NO-BREAK SPACE", ['\u00AD'] = "SOFT HYPHEN", ['\u00A0'] = "NO-BREAK SPACE",
        ['\u202E'] = "RIGHT-TO-LEFT OVERRIDE", ['\u001B'] = "ESCAPE", ['\u0000'] = "NULL",
    };

    /// <summary>The longest number text read: 28 digits, a sign, a point and a little room for leading zeros.</summary>
    public const int MaxNumberLength = 32;

    public static bool TryDecimal(string text, out decimal value)
    {
        // Plain digits with an optional sign and point: no exponent, thousands separator, NaN or Infinity,
        // and a leading zero is decimal (YAML 1.1 would have read 012 as octal 10).
        value = 0;
        if (text.Length > MaxNumberLength || !IsPlainNumber(text))
        {
            return false;
        }

        return decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Digits with at most one leading '-' and one '.': the shape of a number, whatever its size.</summary>
    private static bool IsPlainNumber(string text)
    {
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        return digits.Length > 0 && digits.Count('.') <= 1 && digits.ContainsAnyExcept("0123456789.") is false
            && digits.ContainsAnyInRange('0', '9');
    }

    /// <summary>A value quoted back in a message: long enough to recognise, short enough to read.</summary>
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";

    public static bool? Bool(TreeNode node, MessageText what, List<Diagnostic> diagnostics)
    {
        if (node is ScalarNode { Kind: ScalarKind.Plain } scalar)
        {
            switch (scalar.Value)
            {
                case "true": return true;
                case "false": return false;
            }
        }

        diagnostics.Add(WrongType(node, what, MessageText.Of("ExpectBool")));
        return null;
    }

    public static SequenceNode? List(TreeNode node, MessageText what, List<Diagnostic> diagnostics)
    {
        if (node is SequenceNode list)
        {
            return list;
        }

        diagnostics.Add(WrongType(node, what, MessageText.Of("ExpectList")));
        return null;
    }

    public static MappingNode? Mapping(TreeNode node, MessageText what, List<Diagnostic> diagnostics)
    {
        if (node is MappingNode mapping)
        {
            return mapping;
        }

        diagnostics.Add(WrongType(node, what, MessageText.Of("ExpectMapping")));
        return null;
    }

    public static Diagnostic WrongType(TreeNode node, MessageText what, MessageText expected) =>
        Diagnostic.Error(DiagnosticCodes.WrongType, node.Span, MessageText.Of("WrongType", what, expected, node.Describe(),
            node is ScalarNode scalar ? FullWidthHint(scalar.Value) : MessageText.None));
}
