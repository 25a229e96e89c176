using System.Collections.Frozen;

namespace RubricEngine.Binding.Functions;

/// <summary>Every scoring function of the DSL, by name. The one place that decides which names exist.</summary>
internal static class FunctionCatalogue
{
    public static IReadOnlyList<ScoringFunction> All { get; } =
    [
        new PresentFunction(),
        new AllOrNothingFunction(),
        PerPeriodFunction.Monthly,
        PerPeriodFunction.Quarterly,
        new MonthlyShareFunction(),
        MeasureFunction.PerItem,
        MeasureFunction.PerAmount,
        MeasureFunction.PerPercent,
        new RatioFunction(),
        new TieredFunction(),
        new PerMissingFunction(),
        new AllOfFunction(),
        new JudgedFunction(),
        new DeductionFunction(),
        new LookupFunction(),
    ];

    public static FrozenDictionary<string, ScoringFunction> ByName { get; } = All.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
}
