using System.Collections.Immutable;
using RubricEngine.Diagnostics;
using RubricEngine.Runtime;

namespace RubricEngine.Binding.Functions;

/// <summary>
/// <c>ratio(p, t)</c>: p points when numerator ÷ denominator reaches the target t, in proportion below it
/// ("达30%以上4分，不足者按比例扣分"). Reads two keys: numerator, denominator.
/// </summary>
internal sealed class RatioFunction : ScoringFunction
{
    public override string Name => "ratio";
    public override string Phrase => "达30%以上4分，不足者按比例扣分";
    public override string Example => "ratio(4, 30%)";

    public override ImmutableArray<Parameter> Parameters =>
    [
        new("points", 0m, 1000m, "the points at or above the target"),
        new("target", 0.0001m, 1m, "the target ratio, e.g. 30%"),
    ];

    public override ImmutableArray<string> KeyRoles => ["numerator", "denominator"];

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
    [
        new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span, EvidenceKind.Count, 0m, 1_000_000m),
        new EvidenceSlot(context.Keys[1].Key, context.Keys[1].Span, EvidenceKind.Count, 1m, 1_000_000m),
    ];

    public override ScoreRange Range(BindContext context) => new(0m, context.Arguments[0]);

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots) =>
        new Runtime(new NumberSlot(slots[0]), new NumberSlot(slots[1]), context.Arguments[0], context.Arguments[1]);

    private sealed class Runtime(NumberSlot numeratorSlot, NumberSlot denominatorSlot, decimal points, decimal target) : CriterionRuntime
    {
        private readonly string reached = "，达到 " + Numbers.Percent(target) + "，" + Numbers.Format(points) + " 分";

        // points × (n ÷ d) ÷ t, multiplied out first so that the one division is the last step.
        public override decimal Score(EvidenceRow row)
        {
            var numerator = row[numeratorSlot];
            var denominator = row[denominatorSlot];
            return numerator >= target * denominator ? points : points * numerator / (denominator * target);
        }

        public override string Explain(EvidenceRow row, decimal score)
        {
            var numerator = row[numeratorSlot];
            var denominator = row[denominatorSlot];
            var percent = Numbers.Percent(numerator / denominator);
            var share = Numbers.Format(numerator) + " ÷ " + Numbers.Format(denominator) + " " + (percent.StartsWith('≈') ? percent : "= " + percent);
            return numerator >= target * denominator
                ? share + reached
                : $"{share}，未达 {Numbers.Percent(target)}，按比例 {Numbers.Format(points)} × {Numbers.Format(numerator)} ÷ ({Numbers.Format(denominator)} × {Numbers.Format(target)}) {Numbers.Equals(score)}";
        }

        public override (int SlotPosition, MessageText Message)? Check(EvidenceRow row) =>
            row[numeratorSlot] > row[denominatorSlot]
                ? (0, MessageText.Of("MoreThanTotal", Numbers.Format(row[numeratorSlot]), Numbers.Format(row[denominatorSlot])))
                : null;
    }
}

/// <summary><c>judged(min, max)</c>: the inspector's score within a range ("根据档案规范、完整情况赋分").</summary>
internal sealed class JudgedFunction : ScoringFunction
{
    public override bool ScoresZeroWhenNotGiven(BindContext context) => true;

    public override string Name => "judged";
    public override string Phrase => "根据档案规范、完整情况赋分";
    public override string Example => "judged(0, 8)";

    public override ImmutableArray<Parameter> Parameters =>
    [
        new("min", 0m, 1000m, "the lowest score an inspector may give"),
        new("max", 0m, 1000m, "the highest score an inspector may give"),
    ];

    public override (string Code, MessageText Message)? Check(BindContext context) =>
        context.Arguments[0] > context.Arguments[1]
            ? (DiagnosticCodes.ArgumentOutOfRange, MessageText.Of("JudgedMinMax", Numbers.Format(context.Arguments[0]), Numbers.Format(context.Arguments[1])))
            : null;

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
        [new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span, EvidenceKind.Amount, context.Arguments[0], context.Arguments[1])];

    public override ScoreRange Range(BindContext context) => new(context.Arguments[0], context.Arguments[1]);

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots) =>
        new Runtime(new NumberSlot(slots[0]), "分（" + Numbers.Format(context.Arguments[0]) + "–" + Numbers.Format(context.Arguments[1]) + "）");

    private sealed class Runtime(NumberSlot slot, string range) : CriterionRuntime
    {
        public override decimal Score(EvidenceRow row) => row[slot];

        public override string Explain(EvidenceRow row, decimal score) => "评定 " + Numbers.Format(score) + " " + range;
    }
}

/// <summary><c>deduction()</c>: the inspector's discretionary deduction, a number ≥ 0, none when absent ("酌情扣分").</summary>
internal sealed class DeductionFunction : ScoringFunction
{
    public override string Name => "deduction";
    public override string Phrase => "重点村建站未达标的酌情扣分";
    public override string Example => "deduction()";
    public override ImmutableArray<Parameter> Parameters => [];

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
        [new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span, EvidenceKind.Amount, 0m, 1000m, MissingIsNone: true)];

    public override ScoreRange Range(BindContext context) => new(-1000m, 0m);

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots) => new Runtime(new NumberSlot(slots[0]));

    /// <summary>Its slot may be absent (MissingIsNone): then nothing is deducted, silently.</summary>
    private sealed class Runtime(NumberSlot slot) : CriterionRuntime
    {
        public override decimal Score(EvidenceRow row) => row.IsGiven(slot.Index) && row[slot] > 0 ? -row[slot] : 0m;

        public override string Explain(EvidenceRow row, decimal score) => score < 0 ? "酌情扣 " + Numbers.Format(-score) + " 分" : "未扣分";
    }
}
