using System.Collections.Immutable;
using RubricEngine.Runtime;

namespace RubricEngine.Compilation;

/// <summary>
/// Evidence not given scores 0, said the same way for every function (the evidence reader warns about it), so
/// that a function's own runtime only ever sees the values it needs.
/// </summary>
internal sealed class GivenEvidenceRuntime(CriterionRuntime inner, ImmutableArray<int> required) : CriterionRuntime
{
    private readonly int[] requiredSlots = [.. required];

    private const string NotGiven = "未提供，0 分";

    public override decimal Score(EvidenceRow row) => AllGiven(row) ? inner.Score(row) : 0m;

    public override string Explain(EvidenceRow row, decimal score) => AllGiven(row) ? inner.Explain(row, score) : NotGiven;

    public override Outcome Evaluate(EvidenceRow row) => AllGiven(row) ? inner.Evaluate(row) : new Outcome(0m, NotGiven);

    public override (int SlotPosition, string Message)? Check(EvidenceRow row) => AllGiven(row) ? inner.Check(row) : null;

    private bool AllGiven(EvidenceRow row)
    {
        for (var i = 0; i < requiredSlots.Length; i++)
        {
            if (!row.IsGiven(requiredSlots[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Applies cap, then floor. The cap is always named, as inspectors read it ("10 个月 × 1.5 = 15（上限 18）");
/// a floor only when it lifts the score.
/// </summary>
internal sealed class LimitedRuntime(CriterionRuntime inner, decimal? cap, decimal? floor) : CriterionRuntime
{
    public override decimal Score(EvidenceRow row)
    {
        var score = inner.Score(row);
        if (cap is { } c && score > c)
        {
            score = c;
        }

        return floor is { } f && score < f ? f : score;
    }

    public override string Explain(EvidenceRow row, decimal score) => Evaluate(row).Reason;

    public override Outcome Evaluate(EvidenceRow row)
    {
        var score = inner.Score(row);
        var reason = inner.Explain(row, score);
        if (cap is { } c)
        {
            if (score > c)
            {
                reason += " → " + Numbers.Format(c);
                score = c;
            }

            reason += "（上限 " + Numbers.Format(c) + "）";
        }

        if (floor is { } f && score < f)
        {
            reason += " → " + Numbers.Format(f) + "（下限 " + Numbers.Format(f) + "）";
            score = f;
        }

        return new Outcome(score, reason);
    }

    public override (int SlotPosition, string Message)? Check(EvidenceRow row) => inner.Check(row);
}
