using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Syntax;

/// <summary>A value read from the rubric file together with where it was written.</summary>
internal readonly record struct Located<T>(T Value, SourceSpan Span);

/// <summary>A rule as written in the YAML, and how to map positions inside it back to the file.</summary>
internal sealed record RuleSource(string Text, SourceSpan ValueStart, bool IsSingleLine)
{
    /// <summary>The file position of a character of the rule: exact on one-line rules, the rule's start otherwise.</summary>
    public SourceSpan PositionOf(int offset) => IsSingleLine ? ValueStart.Shift(offset) : ValueStart;
}

internal sealed record RubricSyntax(
    string File,
    Located<string> Id,
    string Title,
    string Source,
    Located<decimal> Total,
    RoundingSyntax Rounding,
    ImmutableArray<LevelSyntax> Levels,
    ImmutableArray<SectionSyntax> Sections,
    ImmutableArray<LineSyntax> Lines);

internal sealed record RoundingSyntax(int Decimals, MidpointRounding Mode);

internal sealed record LevelSyntax(Located<string> Id, string Label);

internal sealed record SectionSyntax(Located<string> Name, Located<decimal> Points);

internal sealed record LineSyntax(
    Located<string> Id,
    Located<string> Section,
    string Content,
    Located<decimal> Points,
    string Check,
    string Standard,
    ImmutableArray<CriterionSyntax> Criteria);

/// <summary>A criterion: its evidence key(s), label, nominal points, optional item ids and its parsed rule.</summary>
internal sealed record CriterionSyntax(
    ImmutableArray<Located<string>> Keys,
    SourceSpan Span,
    string Label,
    Located<decimal> Points,
    ImmutableArray<Located<string>> Items,
    bool HasItems,
    RuleSource RuleSource,
    RuleSyntax Rule);
