using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Syntax;

/// <summary>A unit type of <c>unit_types</c> (区, 开发区): criteria may give each its own rule.</summary>
internal sealed record UnitTypeSyntax(Located<string> Id, string Label);

/// <summary>
/// A veto of <c>vetoes</c> (一票否决): a flag in the evidence that zeroes the total, caps it, or forces the lowest grade.
/// </summary>
/// <param name="Effect">The effect as written (<c>zero</c>, <c>cap</c>, <c>lowest_grade</c>), already checked.</param>
/// <param name="Cap">The cap, given only with effect <c>cap</c>.</param>
internal sealed record VetoSyntax(Located<string> Key, string Label, Located<VetoEffect> Effect, Located<decimal>? Cap);

/// <summary>A grade of <c>grades</c> (优秀 from 90): the first one, highest first, whose <c>from</c> the total reaches.</summary>
/// <param name="From">The lowest total of the grade; null only for the last grade (every total below the one before).</param>
internal sealed record GradeSyntax(Located<string> Id, string Label, Located<decimal>? From, SourceSpan Span);

/// <summary>One entry of a criterion's <c>rules</c>: the rule a unit of this type is scored by.</summary>
internal sealed record RuleVariantSyntax(Located<string> UnitType, RuleSource Source, RuleSyntax Rule);

/// <summary>What the rubric says about its total beyond the lines: unit types, vetoes and grades, each optional.</summary>
/// <param name="Complete">False when some entry could not be read, so checks that need them all (missing unit types) are skipped.</param>
internal sealed record TotalRulesSyntax(
    ImmutableArray<UnitTypeSyntax> UnitTypes,
    ImmutableArray<VetoSyntax> Vetoes,
    ImmutableArray<GradeSyntax> Grades,
    SourceSpan? UnitTypesSpan,
    bool Complete)
{
    public static TotalRulesSyntax None { get; } = new([], [], [], null, Complete: true);
}
