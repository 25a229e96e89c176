using System.Collections.Immutable;
using System.Globalization;

namespace RubricEngine.Syntax;

/// <summary>A range of characters inside a rule's text: 0-based offset and length.</summary>
internal readonly record struct TextSpan(int Offset, int Length)
{
    public int End => Offset + Length;
}

/// <summary>A name in a rule: a function or a modifier.</summary>
internal sealed record NameSyntax(string Text, TextSpan Span)
{
    public override string ToString() => Text;
}

/// <summary>A number as written: <c>1.5</c>, <c>-0.5</c>, <c>30%</c> (whose <see cref="Value"/> is 0.30).</summary>
internal sealed record NumberSyntax(decimal Literal, bool IsPercent, TextSpan Span)
{
    public decimal Value => IsPercent ? Literal / 100m : Literal;

    public override string ToString() =>
        Literal.ToString(CultureInfo.InvariantCulture) + (IsPercent ? "%" : "");
}

/// <summary>A scoring function call: <c>monthly(1.5)</c>.</summary>
internal sealed record CallSyntax(NameSyntax Name, ImmutableArray<NumberSyntax> Arguments, TextSpan Span)
{
    public override string ToString() => $"{Name}({string.Join(", ", Arguments)})";
}

/// <summary>A modifier, with its argument if it takes one: <c>cap 18</c>, <c>max_per_item</c>, <c>uncapped</c>.</summary>
internal sealed record ModifierSyntax(NameSyntax Name, NumberSyntax? Argument, TextSpan Span)
{
    public override string ToString() => Argument is null ? Name.Text : $"{Name} {Argument}";
}

/// <summary>
/// A whole rule: prefix modifiers, one function call, then modifiers, e.g.
/// <c>uncapped tiered(1, 2, 3, 5) max_per_item</c>. The grammar accepts any names here;
/// the binder decides which functions and modifiers exist.
/// </summary>
internal sealed record RuleSyntax(ImmutableArray<ModifierSyntax> Prefixes, CallSyntax Call, ImmutableArray<ModifierSyntax> Modifiers, TextSpan Span)
{
    /// <summary>Canonical DSL text; parsing it gives back an equal rule (spans aside).</summary>
    public override string ToString() =>
        string.Join(" ", Prefixes.Select(p => p.ToString()).Append(Call.ToString()).Concat(Modifiers.Select(m => m.ToString())));
}
