using System.Collections.Immutable;
using RubricEngine.Diagnostics;
using RubricEngine.Runtime;
using RubricEngine.Syntax;

namespace RubricEngine.Binding.Functions;

/// <summary>A function parameter and the range its argument must lie in.</summary>
internal sealed record Parameter(string Name, decimal Min, decimal Max, string Meaning);

/// <summary>What a function sees when it is bound: its arguments, the criterion's points and items, the rubric's levels.</summary>
/// <param name="ItemLabels">The items' labels, in the order of <paramref name="Items"/>.</param>
internal sealed record BindContext(
    ImmutableArray<decimal> Arguments,
    decimal Points,
    ImmutableArray<string> Items,
    ImmutableArray<(string Id, string Label)> Levels,
    ImmutableHashSet<string> Options,
    ImmutableArray<(string Key, SourceSpan Span)> Keys,
    ImmutableArray<string> ItemLabels = default)
{
    /// <summary>The table <c>lookup()</c> reads; null for every other function.</summary>
    public TableSyntax? Table { get; init; }

    /// <summary>Each item's label for people, its id where the rubric gives none.</summary>
    public ImmutableArray<string> LabelsOfItems => ItemLabels.IsDefault ? Items : ItemLabels;

    /// <summary>The numbers of the options that take one (<c>of 30</c>, <c>per 5%</c>), by option name.</summary>
    public ImmutableDictionary<string, NumberSyntax> OptionArguments { get; init; } = ImmutableDictionary<string, NumberSyntax>.Empty;

    /// <summary>The criterion's <c>unit</c> (场, 人, 小时), the word its reasons use; null when it gives none.</summary>
    public string? Unit { get; init; }

    /// <summary>The number given to <paramref name="option"/>, in the value it stands for (0.8 for 80%), or null when the option is absent.</summary>
    public decimal? OptionValue(string option) => OptionArguments.TryGetValue(option, out var number) ? number.Value : null;
}

/// <summary>
/// One scoring function of the DSL: its signature, the evidence it reads, its score range and its runtime.
/// Adding a function is one subclass plus one entry in <see cref="FunctionCatalogue"/>.
/// </summary>
internal abstract class ScoringFunction
{
    public abstract string Name { get; }

    /// <summary>The phrase of a Chinese standard the function encodes.</summary>
    public abstract string Phrase { get; }

    public abstract string Example { get; }

    /// <summary>
    /// The parameters, in order. Implementations build them on each read rather than store them: the catalogue's
    /// functions are created once per process, so a stored list would be built before the first test and only that test
    /// would be seen to depend on it (mutation testing would call a broken parameter name unnoticed).
    /// </summary>
    public abstract ImmutableArray<Parameter> Parameters { get; }

    /// <summary>True when the argument count is set by the rubric (tiered: one per level) rather than by <see cref="Parameters"/>.</summary>
    public virtual bool IsVariadic => false;

    /// <summary>Function-specific modifiers it accepts, such as max_per_item.</summary>
    public virtual ImmutableArray<string> Options => [];

    /// <summary>Names of the evidence keys it reads, in order; a criterion gives one key per name.</summary>
    public virtual ImmutableArray<string> KeyRoles => ["value"];

    public virtual bool NeedsItems => false;

    /// <summary>
    /// True when the runtime, reading the empty cells of evidence not given, scores exactly 0, as evidence not given
    /// must: the numbers path then skips the check for it. False for a ratio (0 ÷ 0), a list that would score its
    /// points with nothing missing, or a shortfall below a quota (an empty count is 30 short of 30).
    /// </summary>
    public virtual bool ScoresZeroWhenNotGiven(BindContext context) => false;

    /// <summary>True when the function reads levels (tiered): only then may a criterion declare its own <c>levels</c>.</summary>
    public virtual bool UsesLevels => false;

    /// <summary>True when the criterion's <c>unit</c> means something to the function (the word its reasons use).</summary>
    public virtual bool UsesUnit => false;

    /// <summary>Checks the number of one of its options (<c>of 30</c>, <c>per 5%</c>): null when valid, else why not (RE0105).</summary>
    public virtual MessageText? CheckOption(string option, NumberSyntax argument) => null;

    /// <summary>A warning about a rule that binds but likely says more than the document meant (RE0210), or null.</summary>
    /// <param name="floor">The criterion's floor, when it has one.</param>
    public virtual (string Code, MessageText Message)? Warn(BindContext context, decimal? floor) => null;

    /// <summary>Checks beyond parameter ranges (judged: min ≤ max; tiered: one tier per level). Returns an error message or null.</summary>
    public virtual (string Code, MessageText Message)? Check(BindContext context) => null;

    public abstract ImmutableArray<EvidenceSlot> Slots(BindContext context);

    public abstract ScoreRange Range(BindContext context);

    /// <summary>
    /// The runtime, reading the row at <paramref name="slots"/> (one index per slot of <see cref="Slots"/>, in order).
    /// For a card it runs only when every required value is given (the compiler scores absent evidence 0 itself), so
    /// it reads its values without checking; only a slot with MissingIsNone may be absent. The numbers path also runs
    /// it on empty cells when <see cref="ScoresZeroWhenNotGiven"/> is true, so that must then hold.
    /// </summary>
    public abstract CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots);

    public string Signature => IsVariadic
        ? $"{Name}(points per level…)"
        : $"{Name}({string.Join(", ", Parameters.Select(p => p.Name))})";
}
