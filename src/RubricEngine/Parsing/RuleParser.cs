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
                $"the rule has {text.Length} characters, more than the limit of {limits.MaxRuleLength}"));
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSyntax, source.PositionOf(0),
                "the rule is empty; write a scoring function such as present(2)"));
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
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSyntax, source.PositionOf(0), $"the rule cannot be read: {e.Message}"));
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
                        $"a rule has one scoring function, but '{term.Name.Text}(…)' follows '{call.Name.Text}(…)'; put the second one in a criterion of its own"));
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
            var hint = terms is [{ Tail: null } only] ? $"; if '{only.Name.Text}' is a function, add its parentheses: {only.Name.Text}(…)" : "";
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleShape, source.PositionOf(0),
                $"the rule has no scoring function such as monthly(1.5){hint}"));
            return null;
        }

        return new RuleSyntax(prefixes.ToImmutable(), call, modifiers.ToImmutable(), new TextSpan(0, text.TrimEnd().Length));
    }

    private static string SyntaxMessage(IResult<ImmutableArray<RuleGrammar.Term>> result, string text)
    {
        var remainder = result.Remainder;
        var unexpected = remainder.AtEnd ? "end of the rule" : $"'{remainder.Current}'";

        // Nothing read yet means the rule does not start with a name: it needs its function first.
        var atStart = remainder.Position == text.Length - text.TrimStart(' ', '\t').Length;
        var afterTerms = atStart ? "a scoring function such as present(2)" : "a modifier or the end of the rule";
        var expected = string.Join(" or ", result.Expectations.Select(e => e == "end of input" ? afterTerms : e).Distinct());
        if (result.Message.StartsWith("the number", StringComparison.Ordinal))
        {
            return $"{result.Message}; expected {expected}";
        }

        return expected.Length == 0 ? $"unexpected {unexpected}" : $"unexpected {unexpected}; expected {expected}";
    }

    /// <summary>The first character outside the DSL's ASCII alphabet, with a suggestion of the ASCII one meant.</summary>
    private static (int Offset, string Message)? ForeignCharacter(string text)
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
            string advice;
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                advice = $"write the ASCII '{(char)(c - 0xFEE0)}'";
            }
            else if (AsciiFor.TryGetValue(c, out var ascii))
            {
                advice = ascii == "" ? "delete it" : $"write '{ascii}'";
            }
            else
            {
                advice = "rules use ASCII letters, digits and ( ) , . - % only";
            }

            var shown = char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' ? "" : $" '{c}'";
            return (i, $"unexpected character{shown} ({named}) in the rule; {advice}");
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
