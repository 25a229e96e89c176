using System.Collections.Immutable;
using RubricEngine.Diagnostics;

namespace RubricEngine.Revisions;

/// <summary>One line's contribution (score plus bonus) to a unit's total under each version.</summary>
/// <param name="Line">The line id.</param>
/// <param name="Old">Under the old version; null when the old version has no such line.</param>
/// <param name="New">Under the new version; null when the new version has no such line.</param>
public sealed record LineImpact(string Line, decimal? Old, decimal? New);

/// <summary>What a revision does to one assessed unit.</summary>
/// <param name="Unit">The unit, as its evidence names it.</param>
/// <param name="File">Its evidence file.</param>
/// <param name="OldTotal">Its total under the old version.</param>
/// <param name="NewTotal">Its total under the new version.</param>
/// <param name="Lines">The lines whose contribution differs, in rubric order (old lines first where a line was removed).</param>
/// <param name="Warnings">The new version's warnings on this evidence: lines and keys it no longer has (RE0309), keys not given (RE0305), …</param>
/// <param name="OldRank">Its rank among the units under the old version (1 = highest total; ties share a rank); null for a single unit.</param>
/// <param name="NewRank">Its rank under the new version; null for a single unit.</param>
public sealed record UnitImpact(
    string Unit,
    string File,
    decimal OldTotal,
    decimal NewTotal,
    ImmutableArray<LineImpact> Lines,
    ImmutableArray<Diagnostic> Warnings,
    int? OldRank,
    int? NewRank)
{
    /// <summary>New total minus old total.</summary>
    public decimal Delta => NewTotal - OldTotal;

    /// <summary>Its grade under the old version (after vetoes); null when that version has no grades or none applies.</summary>
    public ScoreGrade? OldGrade { get; init; }

    /// <summary>Its grade under the new version (after vetoes); null when that version has no grades or none applies.</summary>
    public ScoreGrade? NewGrade { get; init; }
}

/// <summary>An evidence file that could not be scored under one of the versions, with the reasons.</summary>
/// <param name="File">The evidence file.</param>
/// <param name="Diagnostics">Its errors (and warnings).</param>
public sealed record RefusedEvidence(string File, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// The impact of a revision: every evidence file scored under both versions. Evidence collected for the old version is
/// scored under the new one as far as it fits: lines, keys and values the new version does not have are warnings on that
/// unit (RE0309), and a new key that is absent scores 0 with the usual RE0305. Nothing is refused for being old; a file is
/// refused only for an error it also has under its own version. Immutable.
/// <code>
/// var impact = RevisionImpact.Assess(rubric2022, rubric2023, ["samples/village-bailong.yaml"]);
/// foreach (var unit in impact.Units) Console.WriteLine($"{unit.Unit}: {unit.OldTotal} → {unit.NewTotal}");
/// </code>
/// </summary>
/// <param name="Units">The units scored, in the order their files were given.</param>
/// <param name="Refused">The files that could not be scored.</param>
public sealed record RevisionImpact(ImmutableArray<UnitImpact> Units, ImmutableArray<RefusedEvidence> Refused)
{
    /// <summary>True when some unit has a grade under either version: the reports then show grades beside totals.</summary>
    public bool HasGrades => Units.Any(u => u.OldGrade is not null || u.NewGrade is not null);

    /// <summary>Units whose total went up.</summary>
    public int Up => Units.Count(u => u.Delta > 0);

    /// <summary>Units whose total went down.</summary>
    public int Down => Units.Count(u => u.Delta < 0);

    /// <summary>Units whose total did not change.</summary>
    public int Unchanged => Units.Count(u => u.Delta == 0);

    /// <summary>The units with the largest changes, largest first (by size, either way); ties keep the given order.</summary>
    /// <param name="count">How many at most.</param>
    public ImmutableArray<UnitImpact> Largest(int count) =>
        [.. Units.Where(u => u.Delta != 0).OrderByDescending(u => Math.Abs(u.Delta)).Take(count)];

    /// <summary>Scores every evidence file under both versions.</summary>
    /// <param name="old">The earlier version.</param>
    /// <param name="new">The revised version.</param>
    /// <param name="evidenceFiles">Evidence files (YAML, or JSON by their <c>.json</c> name).</param>
    public static RevisionImpact Assess(Rubric old, Rubric @new, IEnumerable<string> evidenceFiles)
    {
        ArgumentNullException.ThrowIfNull(evidenceFiles);
        return Assess(old, @new, evidenceFiles.Select(file => (file, (string?)null)));
    }

    /// <summary>Scores evidence given as text under both versions, for a service that holds evidence in memory.</summary>
    /// <param name="old">The earlier version.</param>
    /// <param name="new">The revised version.</param>
    /// <param name="evidence">File name (as diagnostics give it; a name ending in <c>.json</c> is read as JSON) → evidence text.</param>
    public static RevisionImpact AssessText(Rubric old, Rubric @new, IEnumerable<KeyValuePair<string, string>> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return Assess(old, @new, evidence.Select(e => (e.Key, (string?)e.Value)));
    }

    private static RevisionImpact Assess(Rubric old, Rubric @new, IEnumerable<(string File, string? Text)> evidence)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var scored = new List<(string File, ScoreCard Old, ScoreCard New)>();
        var refused = ImmutableArray.CreateBuilder<RefusedEvidence>();
        foreach (var (file, text) in evidence)
        {
            ScoreCard? before;
            ImmutableArray<Diagnostic> diagnostics;
            var oldScored = text is null ? old.TryScore(file, out before, out diagnostics) : old.TryScoreText(text, file, out before, out diagnostics);
            if (!oldScored)
            {
                refused.Add(new RefusedEvidence(file, diagnostics));
            }
            else if (!@new.TryScoreRevision(file, text, old, out var after, out diagnostics))
            {
                refused.Add(new RefusedEvidence(file, diagnostics));
            }
            else
            {
                scored.Add((file, before!, after));
            }
        }

        var several = scored.Count > 1;
        var units = scored.Select(s => new UnitImpact(s.New.Unit, s.File, s.Old.Total, s.New.Total, LinesThatMoved(s.Old, s.New), s.New.Warnings,
            several ? Rank(s.Old.Total, scored.Select(o => o.Old.Total)) : null,
            several ? Rank(s.New.Total, scored.Select(o => o.New.Total)) : null) { OldGrade = s.Old.Grade, NewGrade = s.New.Grade });
        return new RevisionImpact([.. units], refused.ToImmutable());
    }

    private static ImmutableArray<LineImpact> LinesThatMoved(ScoreCard old, ScoreCard @new)
    {
        var before = old.Lines.ToDictionary(l => l.Id, l => Numbers.Normalize(l.Score + l.Bonus), StringComparer.Ordinal);
        var after = @new.Lines.ToDictionary(l => l.Id, l => Numbers.Normalize(l.Score + l.Bonus), StringComparer.Ordinal);
        return [.. old.Lines.Select(l => l.Id).Concat(@new.Lines.Select(l => l.Id).Where(id => !before.ContainsKey(id)))
            .Select(id => new LineImpact(id, before.TryGetValue(id, out var o) ? o : null, after.TryGetValue(id, out var n) ? n : null))
            .Where(l => l.Old != l.New)];
    }

    /// <summary>Standard competition ranking (1, 2, 2, 4): one more than the number of higher totals.</summary>
    private static int Rank(decimal total, IEnumerable<decimal> all) => all.Count(t => t > total) + 1;
}
