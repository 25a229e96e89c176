using System.Collections.Immutable;

namespace RubricEngine.Runtime;

/// <summary>
/// What happens to a unit's total after its lines are scored: the vetoes the evidence raised (zero, cap, lowest
/// grade) and the grade of the result. Immutable; <see cref="Apply"/> allocates nothing, so the numbers path stays lean.
/// </summary>
internal sealed class TotalRules
{
    private readonly ImmutableArray<ScoreGrade> results;

    /// <param name="vetoes">At most 64, in rubric order: veto i is bit i of an <see cref="EvidenceRow.Vetoes"/> mask.</param>
    /// <param name="grades">Highest first; only the last may have no <c>from</c>.</param>
    public TotalRules(ImmutableArray<RubricVeto> vetoes, ImmutableArray<RubricGrade> grades)
    {
        Vetoes = vetoes;
        Grades = grades;
        results = [.. grades.Select(g => new ScoreGrade(g.Id, g.Label))];
    }

    public ImmutableArray<RubricVeto> Vetoes { get; }

    public ImmutableArray<RubricGrade> Grades { get; }

    /// <summary>
    /// The total after the raised vetoes (a zero wins over every cap; the lowest cap wins among caps) and the index
    /// of its grade, -1 for none: a lowest-grade veto forces the last grade, otherwise the first grade whose
    /// <c>from</c> the total reaches.
    /// </summary>
    public decimal Apply(decimal total, ulong raised, out int grade)
    {
        var result = total;
        var lowest = false;
        for (var i = 0; i < Vetoes.Length; i++)
        {
            var veto = Vetoes[i];
            if ((raised & (1UL << i)) == 0)
            {
                continue;
            }

            switch (veto.Effect)
            {
                case VetoEffect.Cap:
                    result = Math.Min(result, veto.Cap!.Value);
                    break;
                case VetoEffect.LowestGrade:
                    lowest = true;
                    break;
            }
        }

        if (IsRaised(raised, VetoEffect.Zero))
        {
            result = 0m;
        }

        grade = lowest ? Grades.Length - 1 : GradeOf(result);
        return result;
    }

    /// <summary>True when a raised veto has this effect.</summary>
    private bool IsRaised(ulong raised, VetoEffect effect)
    {
        for (var i = 0; i < Vetoes.Length; i++)
        {
            var veto = Vetoes[i];
            if ((raised & (1UL << i)) != 0 && veto.Effect == effect)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The grade with this index, or null for -1.</summary>
    public ScoreGrade? Grade(int index) => index < 0 ? null : results[index];

    /// <summary>The first grade, highest first, whose <c>from</c> the total reaches; a last grade without <c>from</c> takes every total.</summary>
    public int GradeOf(decimal total)
    {
        for (var i = 0; i < Grades.Length; i++)
        {
            if (Grades[i].From is not { } from || total >= from)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The raised vetoes' keys, in rubric order; empty when none was raised.</summary>
    public ImmutableArray<string> Keys(ulong raised)
    {
        var keys = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < Vetoes.Length; i++)
        {
            var veto = Vetoes[i];
            if ((raised & (1UL << i)) != 0)
            {
                keys.Add(veto.Key);
            }
        }

        return keys.ToImmutable();
    }

    /// <summary>Each raised veto with the reason the card gives for it, the numbers before and after.</summary>
    /// <param name="before">The total before the vetoes (base plus bonus).</param>
    /// <param name="after">The total <see cref="Apply"/> gave.</param>
    public ImmutableArray<AppliedVeto> Explain(decimal before, decimal after, ulong raised)
    {
        var applied = ImmutableArray.CreateBuilder<AppliedVeto>();
        for (var i = 0; i < Vetoes.Length; i++)
        {
            var veto = Vetoes[i];
            if ((raised & (1UL << i)) == 0)
            {
                continue;
            }

            var effect = veto.Effect switch
            {
                VetoEffect.Zero => $"总分 {Numbers.Format(before)} → 0",
                VetoEffect.Cap => CapReason(veto.Cap!.Value, before, after, zeroed: IsRaised(raised, VetoEffect.Zero)),
                _ => $"等级定为最低等级 {Grades[^1].Label}",
            };
            applied.Add(new AppliedVeto(veto.Key, veto.Label, veto.Effect, $"一票否决：{veto.Label}，{effect}"));
        }

        return applied.ToImmutable();
    }

    private static string CapReason(decimal cap, decimal before, decimal after, bool zeroed) =>
        zeroed ? $"总分上限 {Numbers.Format(cap)}（另有否决使总分为 0）"
        : before <= cap ? $"总分 {Numbers.Format(before)} 未超过上限 {Numbers.Format(cap)}，不变"
        : after == cap ? $"总分 {Numbers.Format(before)} → {Numbers.Format(cap)}（上限 {Numbers.Format(cap)}）"
        : $"总分上限 {Numbers.Format(cap)}（另有更低的上限 {Numbers.Format(after)}）";
}
