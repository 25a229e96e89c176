using System.Collections.Immutable;
using RubricEngine.Cli.Scoring;
using RubricEngine.Diagnostics;

namespace RubricEngine.Cli.Reports;

/// <summary>One scored unit in the ranking.</summary>
/// <param name="Rank">1 for the highest total; equal totals share a rank and the next rank skips (1, 2, 2, 4).</param>
/// <param name="Unit">The unit's name from its evidence.</param>
/// <param name="Source">The evidence file or workbook row.</param>
/// <param name="Year">The year assessed, when given.</param>
/// <param name="BaseTotal">Sum of the line scores.</param>
/// <param name="BonusTotal">Sum of the bonuses.</param>
/// <param name="Total">Base plus bonus: what the ranking is by.</param>
/// <param name="SectionScores">Each section's score (bonus excluded), in rubric order.</param>
/// <param name="LineScores">Each line's score (bonus excluded), in rubric order.</param>
internal sealed record RankedUnit(
    int Rank,
    string Unit,
    string Source,
    int? Year,
    decimal BaseTotal,
    decimal BonusTotal,
    decimal Total,
    ImmutableArray<decimal> SectionScores,
    ImmutableArray<decimal> LineScores)
{
    /// <summary>The grade of the total (优秀), or null when the rubric declares no grades or none was reached.</summary>
    public string? Grade { get; init; }

    /// <summary>The vetoes that applied, by label (发生较大事故以上); empty when none.</summary>
    public ImmutableArray<string> Vetoes { get; init; } = [];
}

/// <summary>How the county did on one line: where units lose points.</summary>
/// <param name="Line">The rubric line.</param>
/// <param name="Mean">Mean score over the scored units, to 2 decimals (四舍五入); null when none was scored.</param>
/// <param name="Min">Lowest score, or null.</param>
/// <param name="Max">Highest score, or null.</param>
/// <param name="FullMarksShare">The share of units scoring the line's full points (0 to 1), or null.</param>
/// <param name="PointsLost">Σ (points − score) over the units: what the county lost on this line.</param>
internal sealed record LineStatistics(RubricLine Line, decimal? Mean, decimal? Min, decimal? Max, decimal? FullMarksShare, decimal PointsLost);

/// <summary>A unit that was not scored, with every error that refused it.</summary>
/// <param name="Source">The evidence file or workbook row.</param>
/// <param name="Errors">Its errors, positioned.</param>
internal sealed record RefusedUnit(string Source, ImmutableArray<Diagnostic> Errors);

/// <summary>A county's results: the ranking, the line statistics and the refused files.</summary>
/// <param name="RubricId">The rubric's id.</param>
/// <param name="Title">The rubric's title.</param>
/// <param name="RubricTotal">The rubric's nominal total.</param>
/// <param name="Sections">The rubric's sections, in order.</param>
/// <param name="Lines">The rubric's lines, in order.</param>
/// <param name="Ranking">Scored units by total, highest first, ties by unit name.</param>
/// <param name="LineStatistics">One entry per line, the line losing most points first (ties in rubric order).</param>
/// <param name="Refused">Units not scored, in input order.</param>
internal sealed record CountyReport(
    string RubricId,
    string Title,
    decimal RubricTotal,
    ImmutableArray<RubricSection> Sections,
    ImmutableArray<RubricLine> Lines,
    ImmutableArray<RankedUnit> Ranking,
    ImmutableArray<LineStatistics> LineStatistics,
    ImmutableArray<RefusedUnit> Refused)
{
    /// <summary>True when the rubric declares grades: the ranking shows each unit's grade.</summary>
    public bool HasGrades { get; init; }

    /// <summary>True when the rubric declares vetoes: the ranking marks the units a veto applied to.</summary>
    public bool HasVetoes { get; init; }

    /// <summary>The language the refused files' messages are written in (the run's <c>--lang</c>).</summary>
    public System.Globalization.CultureInfo Language { get; init; } = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>The mean share of its points each section scores across the county (0 to 1), in rubric order.</summary>
    public ImmutableArray<decimal?> SectionMeanShares() =>
        [.. Sections.Select((section, i) => Ranking.Length == 0 || section.Points == 0
            ? (decimal?)null
            : Math.Round(Ranking.Sum(u => u.SectionScores[i]) / Ranking.Length / section.Points, 4, MidpointRounding.AwayFromZero))];
}

/// <summary>
/// Collects outcomes as they stream in, keeping only the numbers a report needs (not whole score cards with their
/// reasons), then ranks them.
/// </summary>
/// <param name="language">The language of the refused files' messages.</param>
internal sealed class CountyReportBuilder(Rubric rubric, System.Globalization.CultureInfo? language = null)
{
    private readonly List<RankedUnit> scored = [];
    private readonly List<RefusedUnit> refused = [];

    public void Add(UnitOutcome outcome)
    {
        if (outcome.Card is not { } card)
        {
            refused.Add(new RefusedUnit(outcome.Source, [.. outcome.Diagnostics.Where(d => d.IsError)]));
            return;
        }

        scored.Add(new RankedUnit(0, card.Unit, outcome.Source, card.Year, card.BaseTotal, card.BonusTotal, card.Total,
            [.. card.Sections.Select(s => s.Score)], [.. card.Lines.Select(l => l.Score)])
        {
            Grade = card.Grade?.Label,
            Vetoes = [.. card.Vetoes.Select(v => v.Label)],
        });
    }

    public CountyReport Build() => new(
        rubric.Id,
        rubric.Title,
        rubric.Total,
        rubric.Sections,
        rubric.Lines,
        Rank(scored),
        [.. rubric.Lines.Select((line, i) => Statistics(line, [.. scored.Select(u => u.LineScores[i])]))
            .Select((stats, order) => (stats, order))
            .OrderByDescending(x => x.stats.PointsLost).ThenBy(x => x.order)
            .Select(x => x.stats)],
        [.. refused])
    {
        Language = language ?? System.Globalization.CultureInfo.InvariantCulture,
        HasGrades = !rubric.Grades.IsEmpty,
        HasVetoes = !rubric.Vetoes.IsEmpty,
    };

    /// <summary>Competition ranking (1, 2, 2, 4): a unit's rank is one more than the number of units with a higher total.</summary>
    public static ImmutableArray<RankedUnit> Rank(IEnumerable<RankedUnit> units)
    {
        var ordered = units
            .OrderByDescending(u => u.Total)
            .ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ThenBy(u => u.Source, StringComparer.Ordinal)
            .ToList();
        var ranked = ImmutableArray.CreateBuilder<RankedUnit>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Total == ordered[i - 1].Total ? ranked[i - 1].Rank : i + 1;
            ranked.Add(ordered[i] with { Rank = rank });
        }

        return ranked.MoveToImmutable();
    }

    private static LineStatistics Statistics(RubricLine line, decimal[] scores)
    {
        var lost = scores.Sum(s => Math.Max(0, line.Points - s));
        if (scores.Length == 0)
        {
            return new LineStatistics(line, null, null, null, null, lost);
        }

        var full = scores.Count(s => s >= line.Points);
        return new LineStatistics(
            line,
            Math.Round(scores.Sum() / scores.Length, 2, MidpointRounding.AwayFromZero),
            scores.Min(),
            scores.Max(),
            Math.Round((decimal)full / scores.Length, 4, MidpointRounding.AwayFromZero),
            lost);
    }
}
