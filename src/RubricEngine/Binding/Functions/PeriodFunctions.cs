using System.Collections.Immutable;
using RubricEngine.Runtime;

namespace RubricEngine.Binding.Functions;

/// <summary><c>monthly(r)</c> and <c>quarterly(r)</c>: r points for each distinct month or quarter ("每月活动1.5分", "每季度3分").</summary>
internal sealed class PerPeriodFunction(string name, EvidenceKind kind, int periods, string unit, string phrase, string example) : ScoringFunction
{
    public override bool ScoresZeroWhenNotGiven(BindContext context) => true;

    public static PerPeriodFunction Monthly { get; } = new("monthly", EvidenceKind.Months, 12, "个月", "每月活动1.5分", "monthly(1.5) cap 18");
    public static PerPeriodFunction Quarterly { get; } = new("quarterly", EvidenceKind.Quarters, 4, "个季度", "每季度3分", "quarterly(3)");

    public override string Name => name;
    public override string Phrase => phrase;
    public override string Example => example;
    public override ImmutableArray<Parameter> Parameters => [new("rate", 0m, 1000m, "the points for each period")];

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
        [new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span, kind)];

    public override ScoreRange Range(BindContext context) => new(0m, context.Arguments[0] * periods);

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots) =>
        new Runtime(new PeriodsSlot(slots[0]), context.Arguments[0], unit);

    private sealed class Runtime(PeriodsSlot slot, decimal rate, string unit) : CriterionRuntime
    {
        private readonly string times = " " + unit + " × " + Numbers.Format(rate) + " = ";

        public override decimal Score(EvidenceRow row) => row[slot] * rate;

        public override string Explain(EvidenceRow row, decimal score) => Numbers.Format(row[slot]) + times + Numbers.Format(score);
    }
}

/// <summary><c>monthly_share(p)</c>: p points for a full year, a twelfth for each month ("每月开展理论宣讲活动4分").</summary>
internal sealed class MonthlyShareFunction : ScoringFunction
{
    public override bool ScoresZeroWhenNotGiven(BindContext context) => true;

    public override string Name => "monthly_share";
    public override string Phrase => "每月开展理论宣讲活动4分";
    public override string Example => "monthly_share(4)";
    public override ImmutableArray<Parameter> Parameters => [new("points", 0m, 1000m, "the points for all 12 months")];

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
        [new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span, EvidenceKind.Months)];

    public override ScoreRange Range(BindContext context) => new(0m, context.Arguments[0]);

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots) =>
        new Runtime(new PeriodsSlot(slots[0]), context.Arguments[0]);

    private sealed class Runtime(PeriodsSlot slot, decimal points) : CriterionRuntime
    {
        private readonly string pointsTimes = Numbers.Format(points) + " × ";

        // Multiply before dividing, so that whole results stay exact (4 × 6 ÷ 12 = 2, not 1.9999…).
        public override decimal Score(EvidenceRow row) => points * row[slot] / 12m;

        public override string Explain(EvidenceRow row, decimal score) =>
            pointsTimes + Numbers.Format(row[slot]) + " ÷ 12 " + Numbers.Equals(score);
    }
}
