using System.Collections.Immutable;

namespace RubricEngine.Evidence;

/// <summary>A value read from an evidence file and checked against its slot; what a compiled criterion scores.</summary>
internal abstract record EvidenceValue;

internal sealed record FlagValue(bool Value) : EvidenceValue;

/// <summary>Distinct months (1..12) or quarters (1..4), sorted.</summary>
internal sealed record PeriodsValue(ImmutableArray<int> Periods) : EvidenceValue;

internal sealed record CountValue(int Value) : EvidenceValue;

internal sealed record AmountValue(decimal Value) : EvidenceValue;

internal sealed record LevelledPublication(string Item, int LevelIndex);

internal sealed record PublicationsValue(ImmutableArray<LevelledPublication> Publications) : EvidenceValue;

internal sealed record ItemIdsValue(ImmutableArray<string> Items) : EvidenceValue;
