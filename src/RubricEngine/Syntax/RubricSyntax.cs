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

/// <summary>
/// A rubric as read from its file. When the file has errors the reader still returns what it could read
/// (<see cref="IsComplete"/> false), so the binder can report the mistakes of every other part in the same run;
/// only a complete syntax is ever compiled.
/// </summary>
/// <param name="Total">The total, or null when it could not be read.</param>
internal sealed record RubricSyntax(
    string File,
    Located<string> Id,
    string Title,
    string Source,
    Located<decimal>? Total,
    RoundingSyntax Rounding,
    ImmutableArray<LevelSyntax> Levels,
    ImmutableArray<SectionSyntax> Sections,
    ImmutableArray<LineSyntax> Lines)
{
    /// <summary>The rubric's version (e.g. 2023), when it names one.</summary>
    public string? Version { get; init; }

    /// <summary>The date the version takes effect, when given.</summary>
    public DateOnly? Effective { get; init; }

    /// <summary>The lookup tables (<c>tables:</c>) that could be read.</summary>
    public ImmutableArray<TableSyntax> Tables { get; init; } = [];

    /// <summary>Ids of tables with a reading error: a criterion naming one is not told it does not exist.</summary>
    public ImmutableArray<string> UnreadableTables { get; init; } = [];

    /// <summary>True when the reader found no error: only then may the rubric be compiled.</summary>
    public bool IsComplete { get; init; } = true;

    /// <summary>Lines with a reading error, with whatever of them could be read; never compiled.</summary>
    public ImmutableArray<IncompleteLineSyntax> IncompleteLines { get; init; } = [];

    /// <summary>Names of declared sections whose points could not be read: they exist, but their sums cannot be checked.</summary>
    public ImmutableArray<string> SectionsWithoutPoints { get; init; } = [];

    /// <summary>False when some section could not be read at all, so the sections' sum is unknown.</summary>
    public bool SectionsComplete { get; init; } = true;

    /// <summary>False when some level could not be read, so a tier count cannot be checked against the levels.</summary>
    public bool LevelsComplete { get; init; } = true;

    /// <summary>False when the 'lines' list itself could not be read, so no section sum is known.</summary>
    public bool LinesReadable { get; init; } = true;

    /// <summary>Unit types, vetoes and grades (all optional).</summary>
    public TotalRulesSyntax TotalRules { get; init; } = TotalRulesSyntax.None;
}

/// <summary>
/// A line with a reading error (a bad rule, a missing key, a wrong type): the parts that could be read, so the
/// binder can still check its section, its good criteria and the sums its points take part in.
/// </summary>
internal sealed record IncompleteLineSyntax(
    Located<string>? Id,
    Located<string>? Section,
    Located<decimal>? Points,
    ImmutableArray<CriterionSyntax> Criteria);

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
/// <param name="ItemLabels">Each item's Chinese label (<c>{ id: duties, label: 职责上墙 }</c>), or its id where none is written.</param>
internal sealed record CriterionSyntax(
    ImmutableArray<Located<string>> Keys,
    SourceSpan Span,
    string Label,
    Located<decimal> Points,
    ImmutableArray<Located<string>> Items,
    bool HasItems,
    RuleSource RuleSource,
    RuleSyntax Rule,
    ImmutableArray<string> ItemLabels = default)
{
    /// <summary>The word reasons count the measure in (场, 人, 小时), when the criterion gives one.</summary>
    public Located<string>? Unit { get; init; }

    /// <summary>The criterion's own levels (<c>levels:</c> under the criterion), replacing the rubric's for its tiered rule; default when it has none.</summary>
    public ImmutableArray<LevelSyntax> Levels { get; init; }

    /// <summary>Where the criterion's own <c>levels</c> were written, when it has them.</summary>
    public SourceSpan? LevelsSpan { get; init; }
    /// <summary>The rules by unit type (<c>rules:</c>); empty for a criterion with one <c>rule</c>, which is then the first variant's.</summary>
    public ImmutableArray<RuleVariantSyntax> Variants { get; init; } = [];

    /// <summary>Where <c>rules</c> is written, for the errors about the mapping as a whole.</summary>
    public SourceSpan RulesSpan { get; init; }
    /// <summary>The table <c>lookup()</c> reads (<c>table:</c>), where the criterion names one.</summary>
    public Located<string>? Table { get; init; }
}
