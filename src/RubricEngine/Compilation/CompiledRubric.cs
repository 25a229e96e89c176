using System.Collections.Frozen;
using System.Collections.Immutable;
using RubricEngine.Binding;
using RubricEngine.Binding.Functions;
using RubricEngine.Evidence;

namespace RubricEngine.Compilation;

/// <summary>A criterion ready to evaluate: plain delegates, no syntax.</summary>
/// <param name="Range">The lowest and highest score the binder proved it can give, after cap and floor.</param>
internal sealed record CompiledCriterion(
    string Label,
    bool IsBonus,
    ScoreRange Range,
    ImmutableArray<EvidenceSlot> Slots,
    CriterionRuntime Evaluate,
    Func<ImmutableArray<EvidenceValue?>, (int KeyIndex, string Message)?> CheckEvidence);

internal sealed record CompiledLine(RubricLine Info, ImmutableArray<CompiledCriterion> Criteria)
{
    /// <summary>Every evidence key of the line and its slot.</summary>
    public FrozenDictionary<string, EvidenceSlot> Slots { get; } =
        Criteria.SelectMany(c => c.Slots).ToFrozenDictionary(s => s.Key, StringComparer.Ordinal);
}
