using System.Collections.Frozen;
using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Evidence;

/// <summary>An evidence file read and checked against a rubric: every value fits its slot.</summary>
/// <param name="Values">Values by line id, then evidence key; absent keys are absent.</param>
/// <param name="Warnings">Warnings found while reading (missing keys, repeated months).</param>
internal sealed record EvidenceSet(
    string File,
    string Unit,
    int? Year,
    FrozenDictionary<string, FrozenDictionary<string, EvidenceValue>> Values,
    ImmutableArray<Diagnostic> Warnings)
{
    public EvidenceValue? Get(string line, string key) =>
        Values.TryGetValue(line, out var keys) && keys.TryGetValue(key, out var value) ? value : null;
}
