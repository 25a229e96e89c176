using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using RubricEngine.Runtime;

namespace RubricEngine.Scoring;

/// <summary>
/// Evaluates a compiled rubric on a unit's evidence row: line sums, rounding, sections and totals. Two paths share
/// the arithmetic: the numbers path builds no text at all, <see cref="Card"/> adds every reason on top.
/// Both are plain loops over arrays: this is the hot path of scoring a county.
/// </summary>
internal static class Scorer
{
    public static ScoreNumbers Numbers(CompiledRubric rubric, string unit, EvidenceRow row)
    {
        var lines = new LineNumbers[rubric.Lines.Length];
        var (baseTotal, bonusTotal) = Numbers(rubric, row, lines);
        var numbers = new ScoreNumbers(rubric.Id, unit, Plain(baseTotal), Plain(bonusTotal), Plain(baseTotal + bonusTotal),
            ImmutableCollectionsMarshal.AsImmutableArray(lines));
        if (rubric.TotalRules is not { } rules)
        {
            return numbers;
        }

        // The card's own arithmetic (Card below): the same total after vetoes, the same grade.
        var total = rules.Apply(baseTotal + bonusTotal, row.Vetoes, out var grade);
        return numbers with { Total = Plain(total), Grade = rules.Grade(grade), Vetoes = rules.Keys(row.Vetoes) };
    }

    /// <summary>
    /// The numbers path itself: each line's score and bonus into <paramref name="lines"/> (one per rubric line),
    /// and the totals; it allocates nothing, so a caller scoring many units can reuse one buffer.
    /// </summary>
    public static (decimal BaseTotal, decimal BonusTotal) Numbers(CompiledRubric rubric, EvidenceRow row, Span<LineNumbers> lines)
    {
        if (lines.Length != rubric.Lines.Length)
        {
            throw new ArgumentException($"the buffer needs one entry per line: {rubric.Lines.Length}, not {lines.Length}", nameof(lines));
        }

        var baseTotal = 0m;
        var bonusTotal = 0m;
        var compiled = rubric.Lines;
        var decimals = rubric.Decimals;
        var rounding = rubric.Rounding;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = compiled[i];
            var sum = 0m;
            foreach (var runtime in line.BaseRuntimes)
            {
                sum += runtime.Score(row);
            }

            // LineNumbers strips trailing zeros when a value is read, not here: most values are never printed.
            // <= and not <: a sum such as 0 - 2 + 2 is a negative zero, which must become the card's plain 0.
            var lineScore = Round(sum <= 0m ? 0m : sum, decimals, rounding);
            baseTotal += lineScore;
            var lineBonus = 0m;
            if (line.BonusRuntimes.Length > 0)
            {
                foreach (var runtime in line.BonusRuntimes)
                {
                    lineBonus += runtime.Score(row);
                }

                lineBonus = Round(lineBonus, decimals, rounding);
                bonusTotal += lineBonus;
            }

            lines[i] = new LineNumbers(line.Id, lineScore, lineBonus);
        }

        return (baseTotal, bonusTotal);
    }

    public static ScoreCard Card(CompiledRubric rubric, EvidenceSet evidence)
    {
        var lines = new LineScore[rubric.Lines.Length];
        var sectionScores = new decimal[rubric.Sections.Length];
        var sectionBonuses = new decimal[rubric.Sections.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = rubric.Lines[i];
            lines[i] = ScoreLine(line, evidence.Row, rubric.Decimals, rubric.Rounding);
            sectionScores[line.SectionIndex] += lines[i].Score;
            sectionBonuses[line.SectionIndex] += lines[i].Bonus;
        }

        var sections = new SectionScore[rubric.Sections.Length];
        var baseTotal = 0m;
        var bonusTotal = 0m;
        for (var s = 0; s < sections.Length; s++)
        {
            sections[s] = new SectionScore(rubric.Sections[s].Name, rubric.Sections[s].Points, Plain(sectionScores[s]), Plain(sectionBonuses[s]));
            baseTotal += sectionScores[s];
            bonusTotal += sectionBonuses[s];
        }

        var card = new ScoreCard(rubric.Id, rubric.Title, evidence.Unit, evidence.Year, ImmutableCollectionsMarshal.AsImmutableArray(lines),
            ImmutableCollectionsMarshal.AsImmutableArray(sections), Plain(baseTotal), Plain(bonusTotal), Plain(baseTotal + bonusTotal), evidence.Warnings,
            rubric.Version, rubric.Effective)
        {
            UnitType = rubric.UnitTypes.IsEmpty ? null : rubric.UnitTypes[evidence.Row.UnitType],
        };
        if (rubric.TotalRules is not { } rules)
        {
            return card;
        }

        // Lines and sections stay as scored, so a reader sees what the unit earned before the veto took it away.
        var before = baseTotal + bonusTotal;
        var total = rules.Apply(before, evidence.Row.Vetoes, out var grade);
        return card with
        {
            Total = Plain(total),
            HasGrades = !rules.Grades.IsEmpty,
            Grade = rules.Grade(grade),
            HasVetoes = !rules.Vetoes.IsEmpty,
            Vetoes = rules.Explain(Plain(before), Plain(total), evidence.Row.Vetoes),
        };
    }

    private static LineScore ScoreLine(CompiledLine line, EvidenceRow row, int decimals, MidpointRounding rounding)
    {
        var criteria = new CriterionScore[line.Criteria.Length];
        var reasons = new List<string>(criteria.Length + 1);
        var sum = 0m;
        var bonus = 0m;
        var scored = 0;
        for (var j = 0; j < criteria.Length; j++)
        {
            var criterion = line.Criteria[j];
            var (raw, reason) = criterion.Runtime.Evaluate(row);
            var score = Plain(raw);
            criteria[j] = new CriterionScore(criterion.Keys, criterion.Label, score, criterion.IsBonus, reason);
            if (criterion.IsBonus)
            {
                bonus += score;
                // A bonus criterion may also take away (加减分: 每例扣0.5分): a deduction is not called 加分.
                reasons.Add(criterion.Label + "：" + reason + (score < 0 ? "（减分，不计入本项分值）" : "（加分，不计入本项分值）"));
            }
            else
            {
                sum += score;
                scored++;
                reasons.Add(criterion.Label + "：" + reason);
            }
        }

        var exact = Math.Max(0m, sum);
        var lineScore = Plain(Round(exact, decimals, rounding));
        if (scored > 1 || exact != sum || lineScore != exact)
        {
            reasons.Add(SumReason(criteria, scored, sum, exact, lineScore, decimals));
        }

        return new LineScore(line.Info.Id, line.Info.Section, line.Info.Points, line.Info.Maximum, lineScore,
            Plain(Round(bonus, decimals, rounding)), [.. reasons], ImmutableCollectionsMarshal.AsImmutableArray(criteria));
    }

    /// <summary>"合计 2 + 2 - 0.5 = 3.5", with the floor at 0 or the rounding where they change the sum.</summary>
    private static string SumReason(CriterionScore[] criteria, int scored, decimal sum, decimal exact, decimal score, int decimals)
    {
        var text = new StringBuilder("合计 ");
        if (scored > 1)
        {
            var first = true;
            foreach (var criterion in criteria)
            {
                if (criterion.IsBonus)
                {
                    continue;
                }

                var term = Math.Round(criterion.Score, 4, MidpointRounding.AwayFromZero);
                text.Append(first ? "" : term < 0 ? " - " : " + ").Append(RubricEngine.Numbers.Format(!first && term < 0 ? -term : term));
                first = false;
            }

            text.Append(' ').Append(RubricEngine.Numbers.Equals(sum));
        }
        else
        {
            text.Append(RubricEngine.Numbers.Approximate(sum));
        }

        if (exact != sum)
        {
            text.Append("，不低于 0 → 0");
        }
        else if (score != exact)
        {
            text.Append(" → ").Append(RubricEngine.Numbers.Format(score)).Append("（保留 ").Append(decimals).Append(" 位小数）");
        }

        return text.ToString();
    }

    /// <summary>Rounds only what has more places than the rubric keeps: most scores are whole or halves already.</summary>
    private static decimal Round(decimal value, int decimals, MidpointRounding rounding) =>
        value.Scale <= decimals ? value : Math.Round(value, decimals, rounding);

    private static decimal Plain(decimal value) => RubricEngine.Numbers.Plain(value);
}
