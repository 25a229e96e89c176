using System.Collections.Frozen;

namespace RubricEngine.Binding;

/// <summary>A modifier of the DSL: its name, whether it takes a number, and what it means.</summary>
internal sealed record ModifierInfo(string Name, bool TakesNumber, string Meaning, string Example);

/// <summary>Every general modifier; function-specific ones (max_per_item) are declared by their function.</summary>
internal static class Modifiers
{
    public const string Cap = "cap";
    public const string Floor = "floor";
    public const string Bonus = "bonus";
    public const string Uncapped = "uncapped";

    public static IReadOnlyList<ModifierInfo> All { get; } =
    [
        new(Cap, true, "the criterion scores at most N (上限)", "monthly(1.5) cap 18"),
        new(Floor, true, "the criterion scores at least N (扣完为止)", "per_missing(-0.5) floor 0"),
        new(Bonus, false, "the score is a bonus, outside the line's points and caps (另行加分)", "present(10) bonus"),
        new(Uncapped, false, "the criterion may score above its points (可超出标准分)", "uncapped tiered(1, 2, 3, 5) max_per_item"),
    ];

    public static FrozenDictionary<string, ModifierInfo> ByName { get; } = All.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
}
