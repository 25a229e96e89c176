using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Runtime;

/// <summary>An evidence file read and checked against a compiled rubric: every given value fits its slot.</summary>
/// <param name="Row">The values, in the rubric's slot order.</param>
/// <param name="Warnings">Warnings found while reading (keys not given, repeated months).</param>
internal sealed record EvidenceSet(string File, string Unit, int? Year, EvidenceRow Row, ImmutableArray<Diagnostic> Warnings);
