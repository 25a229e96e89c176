using System.Collections.Immutable;
using System.Globalization;
using RubricEngine.Syntax;
using Sprache;

namespace RubricEngine.Parsing;

/// <summary>
/// The scoring DSL's grammar in Sprache. The grammar is loose: it reads names, calls and numbers;
/// the binder decides which functions and modifiers exist.
/// <code>
/// rule      = { term } ;                      (* exactly one term must be a call; checked after parsing *)
/// term      = name , [ arguments | number ] ; (* a call, a modifier with an argument, or a bare modifier *)
/// arguments = "(" , [ number , { "," , number } ] , ")" ;
/// number    = [ "-" ] , digit , { digit } , [ "." , digit , { digit } ] , [ "%" ] ;
/// name      = letter , { letter | digit | "_" } ;
/// letter    = "a" … "z" | "A" … "Z" ;
/// digit     = "0" … "9" ;
/// </code>
/// Spaces and tabs may follow any token. Every choice is decided by the next character
/// (<c>XOr</c>, <c>XOptional</c>, <c>XMany</c>), so parsing never backtracks and runs in linear time;
/// the grammar has no recursion, so no input can nest it deep enough to exhaust the stack.
/// </summary>
internal static class RuleGrammar
{
    /// <summary>A call's parentheses, or a modifier's number, following a name.</summary>
    internal abstract record Tail;

    internal sealed record ArgumentsTail(ImmutableArray<NumberSyntax> Arguments, int End) : Tail;

    internal sealed record NumberTail(NumberSyntax Number) : Tail;

    /// <summary>A name and what follows it, before the parser decides whether it is a call or a modifier.</summary>
    internal sealed record Term(NameSyntax Name, Tail? Tail);

    private static readonly Parser<IEnumerable<char>> Space = Parse.Chars(' ', '\t').Many();

    private static readonly Parser<char> Letter = Parse.Char(char.IsAsciiLetter, "letter");

    private static readonly Parser<char> Digit = Parse.Char(char.IsAsciiDigit, "a digit");

    private static readonly Parser<NameSyntax> Name =
        (from first in Letter
         from rest in Parse.Char(c => char.IsAsciiLetterOrDigit(c) || c == '_', "letter, digit or '_'").Many().Text()
         select first + rest)
        .Span()
        .Select(s => new NameSyntax(s.Value, SpanOf(s)))
        .Named("a name");

    private static readonly Parser<string> NumberText =
        from minus in Parse.Char('-').Once().Text().XOptional()
        from whole in Digit.AtLeastOnce().Text()
        from fraction in (from point in Parse.Char('.') from digits in Digit.AtLeastOnce().Text() select "." + digits).XOptional()
        select minus.GetOrDefault() + whole + fraction.GetOrDefault();

    private static readonly Parser<NumberSyntax> Number =
        WithValue(
            from text in NumberText
            from percent in Parse.Char('%').Once().XOptional()
            select (Text: text, IsPercent: percent.IsDefined))
        .Named("a number");

    private static readonly Parser<ITextSpan<char>> CloseAfterArgument = Parse.Char(')').Named("',' or ')'").Span();

    private static readonly Parser<ITextSpan<char>> CloseWithoutArgument = Parse.Char(')').Named("a number or ')'").Span();

    private static readonly Parser<ArgumentsTail> Arguments =
        from open in Token(Parse.Char('('))
        from arguments in Token(Number).XDelimitedBy(Token(Parse.Char(','))).XOptional()
        from close in arguments.IsDefined ? CloseAfterArgument : CloseWithoutArgument
        from _ in Space
        select new ArgumentsTail([.. arguments.GetOrElse([])], close.End.Pos);

    private static readonly Parser<Term> TermParser =
        from name in Token(Name)
        from tail in Arguments.Select(a => (Tail)a).XOr(Token(Number).Select(n => (Tail)new NumberTail(n))).XOptional()
        select new Term(name, tail.GetOrDefault());

    /// <summary>A whole rule: leading space, terms, then the end of the text.</summary>
    public static readonly Parser<ImmutableArray<Term>> Rule =
        (from leading in Space
         from terms in TermParser.XMany()
         select terms.ToImmutableArray()).End();

    private static Parser<T> Token<T>(Parser<T> parser) =>
        from value in parser
        from _ in Space
        select value;

    private static TextSpan SpanOf<T>(ITextSpan<T> span) => new(span.Start.Pos, span.Length);

    /// <summary>Converts number text to a decimal, failing (not throwing) when it is out of decimal's range.</summary>
    private static Parser<NumberSyntax> WithValue(Parser<(string Text, bool IsPercent)> parser)
    {
        var spanned = parser.Span();
        return input =>
        {
            var result = spanned(input);
            if (!result.WasSuccessful)
            {
                return Result.Failure<NumberSyntax>(result.Remainder, result.Message, result.Expectations);
            }

            // Failures below are reported after the number, so that the X-combinators see input consumed and keep the error.
            var (text, isPercent) = result.Value.Value;
            if (!result.Remainder.AtEnd && char.IsAsciiLetter(result.Remainder.Current))
            {
                return Result.Failure<NumberSyntax>(result.Remainder, "a letter after a number", ["a space or ',' after the number (1e3 is written 1000)"]);
            }

            if (text.Length > 30 || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var literal))
            {
                return Result.Failure<NumberSyntax>(result.Remainder, $"the number {text} is too large", ["a number of at most 28 digits"]);
            }

            return Result.Success(new NumberSyntax(literal, isPercent, SpanOf(result.Value)), result.Remainder);
        };
    }
}
