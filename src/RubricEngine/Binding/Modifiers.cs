using System.Collections.Frozen;

namespace RubricEngine.Binding;

/// <summary>A modifier of the DSL: its name, whether it takes a number, and what it means.</summary>
internal sealed record ModifierInfo(string Name, bool TakesNumber, string Meaning, string Example);

/// <summary>
/// Every modifier: the general ones, which every function accepts, and the options, which only the functions that
/// list them in <c>ScoringFunction.Options</c> accept (max_per_item for tiered; the measure transformations of, over,
/// per and per_started for per_item, per_amount and per_percent).
/// </summary>
internal static class Modifiers
{
    public const string Cap = "cap";
    public const string Floor = "floor";
    public const string Bonus = "bonus";
    public const string Uncapped = "uncapped";

    public const string MaxPerItem = "max_per_item";
    public const string Of = "of";
    public const string Over = "over";
    public const string Per = "per";
    public const string PerStarted = "per_started";

    public static IReadOnlyList<ModifierInfo> All { get; } =
    [
        new(Cap, true, "the criterion scores at most N (上限)", "monthly(1.5) cap 18"),
        new(Floor, true, "the criterion scores at least N (扣完为止)", "per_missing(-0.5) floor 0"),
        new(Bonus, false, "the score is a bonus, outside the line's points and caps (另行加分)", "present(10) bonus"),
        new(Uncapped, false, "the criterion may score above its points (可超出标准分)", "uncapped tiered(1, 2, 3, 5) max_per_item"),
    ];

    /// <summary>The function-specific modifiers; which function takes which is said by the functions themselves.</summary>
    public static IReadOnlyList<ModifierInfo> Options { get; } =
    [
        new(MaxPerItem, false, "each item scores only its highest-points level (同一项目取最高得分)", "uncapped tiered(1, 2, 3, 5) max_per_item"),
        new(Of, true, "measure the shortfall below a quota N (不少于N…每少1…)", "per_item(-0.5) of 10 floor 0"),
        new(Over, true, "measure the excess above a threshold N (达到N以上的，每增加1…)", "per_item(0.5) over 5 cap 2"),
        new(Per, true, "count the measure in completed steps of N (按每下降5%…)", "per_percent(-0.5) of 100% per 5% floor 0"),
        new(PerStarted, true, "count every started step of N (不足一档按一档计)", "per_percent(-0.5) of 100% per_started 5% floor 0"),
    ];

    /// <summary>Pairs that exclude each other: a reference point is a quota or a threshold, a step counts whole or started.</summary>
    public static IReadOnlyList<(string First, string Second)> Exclusive { get; } = [(Of, Over), (Per, PerStarted)];

    public static FrozenDictionary<string, ModifierInfo> ByName { get; } = All.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);

    public static FrozenDictionary<string, ModifierInfo> OptionsByName { get; } = Options.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
}
