using System.Collections.Immutable;
using RubricEngine.Compilation;
using RubricEngine.Evidence;

namespace RubricEngine.Scoring;

/// <summary>Evaluates compiled lines on checked evidence: criterion delegates, line sums, rounding, totals.</summary>
internal static class Scorer
{
    public static ScoreCard Score(Rubric rubric, EvidenceSet evidence)
    {
        var lines = ImmutableArray.CreateBuilder<LineScore>(rubric.CompiledLines.Length);
        foreach (var line in rubric.CompiledLines)
        {
            lines.Add(ScoreLine(line, evidence, rubric.Decimals, rubric.Rounding));
        }

        var sections = rubric.Sections
            .Select(s =>
            {
                var inSection = lines.Where(l => l.Section == s.Name).ToList();
                return new SectionScore(s.Name, s.Points, Numbers.Normalize(inSection.Sum(l => l.Score)), Numbers.Normalize(inSection.Sum(l => l.Bonus)));
            })
            .ToImmutableArray();
        var baseTotal = Numbers.Normalize(lines.Sum(l => l.Score));
        var bonusTotal = Numbers.Normalize(lines.Sum(l => l.Bonus));
        return new ScoreCard(rubric.Id, rubric.Title, evidence.Unit, evidence.Year, lines.ToImmutable(), sections,
            baseTotal, bonusTotal, baseTotal + bonusTotal, evidence.Warnings, rubric.Version, rubric.Effective);
    }

    private static LineScore ScoreLine(CompiledLine line, EvidenceSet evidence, int decimals, MidpointRounding rounding)
    {
        var criteria = ImmutableArray.CreateBuilder<CriterionScore>(line.Criteria.Length);
        var reasons = ImmutableArray.CreateBuilder<string>();
        foreach (var criterion in line.Criteria)
        {
            var values = criterion.Slots.Select(s => evidence.Get(line.Info.Id, s.Key)).ToImmutableArray();
            var outcome = criterion.Evaluate(values);
            var keys = criterion.Slots.Select(s => s.Key).ToImmutableArray();
            criteria.Add(new CriterionScore(keys, criterion.Label, Numbers.Normalize(outcome.Score), criterion.IsBonus, outcome.Reason));
            reasons.Add(criterion.IsBonus ? $"{criterion.Label}：{outcome.Reason}（加分，不计入本项分值）" : $"{criterion.Label}：{outcome.Reason}");
        }

        var scored = criteria.Where(c => !c.IsBonus).ToList();
        var sum = scored.Sum(c => c.Score);
        var exact = Math.Max(0m, sum);
        var score = Numbers.Normalize(Math.Round(exact, decimals, rounding));
        if (scored.Count > 1 || exact != sum || score != exact)
        {
            var terms = string.Join(" + ", scored.Select(c => Numbers.Format(Math.Round(c.Score, 4, MidpointRounding.AwayFromZero))))
                .Replace("+ -", "- ", StringComparison.Ordinal);
            var text = scored.Count > 1 ? $"合计 {terms} {Numbers.Equals(sum)}" : $"合计 {Numbers.Approximate(sum)}";
            if (exact != sum)
            {
                text += "，不低于 0 → 0";
            }
            else if (score != exact)
            {
                text += $" → {Numbers.Format(score)}（保留 {decimals} 位小数）";
            }

            reasons.Add(text);
        }

        var bonus = Numbers.Normalize(Math.Round(criteria.Where(c => c.IsBonus).Sum(c => c.Score), decimals, rounding));
        return new LineScore(line.Info.Id, line.Info.Section, line.Info.Points, line.Info.Maximum, score, bonus, reasons.ToImmutable(), criteria.ToImmutable());
    }
}
