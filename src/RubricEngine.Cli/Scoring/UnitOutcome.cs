using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Cli.Scoring;

/// <summary>One assessed unit's result: its score card, or the errors that refused it.</summary>
/// <param name="Source">Where the unit came from: an evidence file, or a workbook row such as <c>乡镇.xlsx!村!7</c>.</param>
/// <param name="Card">The score card; null when the unit was refused.</param>
/// <param name="Diagnostics">The errors that refused it, or the warnings its card also carries.</param>
internal sealed record UnitOutcome(string Source, ScoreCard? Card, ImmutableArray<Diagnostic> Diagnostics)
{
    public int ErrorCount => Diagnostics.Count(d => d.IsError);
}

/// <summary>A unit not yet scored: where it comes from, and the work that scores it (safe to run on any thread).</summary>
/// <param name="Source">As in <see cref="UnitOutcome.Source"/>.</param>
/// <param name="Score">Reads and scores the unit.</param>
internal sealed record PendingUnit(string Source, Func<UnitOutcome> Score);
