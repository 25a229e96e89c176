using System.Collections.Immutable;
using System.Globalization;
using RubricEngine.Diagnostics;
using RubricEngine.Syntax;
using Sprache;

namespace RubricEngine.Parsing;

/// <summary>Parses one rule's text into a <see cref="RuleSyntax"/>, or reports why it cannot, at a position in the rubric file.</summary>
internal static class RuleParser
{
    public static RuleSyntax? Parse(RuleSource source, LoadLimits limits, List<Diagnostic> diagnostics)
    {
        var text = source.Text;
        if (text.Length > limits.MaxRuleLength)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LimitExceeded, source.PositionOf(0),
                MessageText.Of("RuleTooLong", Numbers.Format(text.Length), Numbers.Format(limits.MaxRuleLength))));
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSyntax, source.PositionOf(0),
                MessageText.Of("RuleEmpty")));
            return null;
        }

        if (ForeignCharacter(text) is { } foreign)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleCharacter, source.PositionOf(foreign.Offset), foreign.Message));
            return null;
        }

        IResult<ImmutableArray<RuleGrammar.Term>> result;
        try
        {
            result = RuleGrammar.Rule.TryParse(text);
        }
        catch (ParseException e)
        {
            // Sprache 2.3.1 can throw from a retried Parse.Ref; the grammar has none, but the boundary stays safe.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSyntax, source.PositionOf(0), MessageText.Of("RuleUnreadable", e.Message)));
            return null;
        }

        if (!result.WasSuccessful)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSyntax, source.PositionOf(result.Remainder.Position), SyntaxMessage(result, text)));
            return null;
        }

        return Shape(result.Value, source, text, diagnostics);
    }

    /// <summary>Sorts the terms into prefix modifiers, the one call, and modifiers.</summary>
    private static RuleSyntax? Shape(ImmutableArray<RuleGrammar.Term> terms, RuleSource source, string text, List<Diagnostic> diagnostics)
    {
        var prefixes = ImmutableArray.CreateBuilder<ModifierSyntax>();
        var modifiers = ImmutableArray.CreateBuilder<ModifierSyntax>();
        CallSyntax? call = null;
        foreach (var term in terms)
        {
            if (term.Tail is RuleGrammar.ArgumentsTail arguments)
            {
                var span = new TextSpan(term.Name.Span.Offset, arguments.End - term.Name.Span.Offset);
                if (call is not null)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleShape, source.PositionOf(term.Name.Span.Offset),
                        MessageText.Of("TwoFunctions", term.Name.Text, call.Name.Text)));
                    return null;
                }

                call = new CallSyntax(term.Name, arguments.Arguments, span);
                continue;
            }

            var number = (term.Tail as RuleGrammar.NumberTail)?.Number;
            var end = number?.Span.End ?? term.Name.Span.End;
            var modifier = new ModifierSyntax(term.Name, number, new TextSpan(term.Name.Span.Offset, end - term.Name.Span.Offset));
            (call is null ? prefixes : modifiers).Add(modifier);
        }

        if (call is null)
        {
            // A lone bare name may be a function without its parentheses; a name with a number is a modifier.
            var hint = terms is [{ Tail: null } only] ? MessageText.Of("AddParentheses", only.Name.Text) : MessageText.None;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleShape, source.PositionOf(0),
                MessageText.Of("NoFunction", hint)));
            return null;
        }

        return new RuleSyntax(prefixes.ToImmutable(), call, modifiers.ToImmutable(), new TextSpan(0, text.TrimEnd().Length));
    }

    private static MessageText SyntaxMessage(IResult<ImmutableArray<RuleGrammar.Term>> result, string text)
    {
        var remainder = result.Remainder;
        var unexpected = remainder.AtEnd ? MessageText.Of("EndOfRule") : MessageText.Quoted(remainder.Current.ToString());

        // Nothing read yet means the rule does not start with a name: it needs its function first.
        var atStart = remainder.Position == text.Length - text.TrimStart(' ', '\t').Length;
        var afterTerms = MessageText.Of(atStart ? "ExpectFunction" : "ExpectModifierOrEnd");
        // The grammar's own names (a number, '(' …) are the DSL's words and stay as they are; "or" joins them.
        var expected = result.Expectations.Select(e => e == "end of input" ? afterTerms : (object)e).Distinct().ToList();
        var joined = expected.Count == 0 ? null : expected.Skip(1).Aggregate(Part(expected[0]), (all, next) => MessageText.Of("Or", all, Part(next)));
        if (result.Message.StartsWith("the number", StringComparison.Ordinal))
        {
            return MessageText.Of("NumberExpected", result.Message, joined ?? MessageText.None);
        }

        return joined is null ? MessageText.Of("Unexpected", unexpected) : MessageText.Of("UnexpectedExpected", unexpected, joined);
    }

    private static MessageText Part(object part) => part as MessageText ?? MessageText.Of("Plain", (string)part);

    /// <summary>The first character outside the DSL's ASCII alphabet, with a suggestion of the ASCII one meant.</summary>
    private static (int Offset, MessageText Message)? ForeignCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and <= '~' or '\t')
            {
                continue;
            }

            var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            var named = CharacterNames.TryGetValue(c, out var name) ? $"U+{code} {name}" : $"U+{code}";
            MessageText advice;
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                advice = MessageText.Of("WriteAscii", ((char)(c - 0xFEE0)).ToString());
            }
            else if (AsciiFor.TryGetValue(c, out var ascii))
            {
                advice = ascii == "" ? MessageText.Of("DeleteIt") : MessageText.Of("WriteChar", ascii);
            }
            else
            {
                advice = MessageText.Of("RuleAlphabet");
            }

            // An invisible character is named, never shown: it would print as nothing, or move the cursor.
            var shown = char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' ? "" : $" '{c}'";
            return (i, MessageText.Of("UnexpectedCharacter", shown, named, advice));
        }

        return null;
    }

    private static readonly Dictionary<char, string> AsciiFor = new()
    {
        ['\u3000'] = " ", ['\u00A0'] = " ", ['\u3001'] = ",", ['\u3002'] = ".",
        ['\u200B'] = "", ['\u200C'] = "", ['\u200D'] = "", ['\uFEFF'] = "",
        ['\u2212'] = "-", ['\u2013'] = "-", ['\u2014'] = "-",
    };

    private static readonly Dictionary<char, string> CharacterNames = new()
    {
        ['\u3000'] = "IDEOGRAPHIC SPACE", ['\u00A0'] = "NO-BREAK SPACE", ['\u3001'] = "IDEOGRAPHIC COMMA",
        ['\u3002'] = "IDEOGRAPHIC FULL STOP", ['\u200B'] = "ZERO WIDTH SPACE", ['\u200C'] = "ZERO WIDTH NON-JOINER",
        ['\u200D'] = "ZERO WIDTH JOINER", ['\uFEFF'] = "ZERO WIDTH NO-BREAK SPACE", ['\u2212'] = "MINUS SIGN",
        ['\u2013'] = "EN DASH", ['\u2014'] = "EM DASH", ['\uFF08'] = "FULLWIDTH LEFT PARENTHESIS",
        ['\uFF09'] = "FULLWIDTH RIGHT PARENTHESIS", ['\uFF0C'] = "FULLWIDTH COMMA", ['\uFF0E'] = "FULLWIDTH FULL STOP",
        ['\uFF05'] = "FULLWIDTH PERCENT SIGN", ['\uFF0D'] = "FULLWIDTH HYPHEN-MINUS",
        ['\uFF10'] = "FULLWIDTH DIGIT ZERO", ['\uFF11'] = "FULLWIDTH DIGIT ONE", ['\uFF12'] = "FULLWIDTH DIGIT TWO",
        ['\uFF13'] = "FULLWIDTH DIGIT THREE", ['\uFF14'] = "FULLWIDTH DIGIT FOUR", ['\uFF15'] = "FULLWIDTH DIGIT FIVE",
        ['\uFF16'] = "FULLWIDTH DIGIT SIX", ['\uFF17'] = "FULLWIDTH DIGIT SEVEN", ['\uFF18'] = "FULLWIDTH DIGIT EIGHT",
        ['\uFF19'] = "FULLWIDTH DIGIT NINE",
    };
}
