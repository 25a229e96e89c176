using System.Collections.Immutable;
using RubricEngine.Diagnostics;
using RubricEngine.Evidence;

namespace RubricEngine.Binding.Functions;

/// <summary><c>per_item(r)</c>: r points for each counted thing, usually with a cap ("每项0.6分，共6分").</summary>
internal sealed class PerItemFunction : ScoringFunction
{
    public override string Name => "per_item";
    public override string Phrase => "发布并实施文明实践项目共6分";
    public override string Example => "per_item(0.6) cap 6";
    public override ImmutableArray<Parameter> Parameters { get; } = [new("rate", 0m, 1000m, "the points for each item")];

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
        [new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span, EvidenceKind.Count, 0m, 1_000_000m)];

    public override ScoreRange Range(BindContext context) => new(0m, null);

    public override CriterionRuntime Compile(BindContext context)
    {
        var rate = context.Arguments[0];
        return values =>
        {
            var count = ((CountValue)values[0]!).Value;
            var score = count * rate;
            return new Outcome(score, $"{count} 项 × {Numbers.Format(rate)} = {Numbers.Format(score)}");
        };
    }
}

/// <summary>
/// <c>ratio(p, t)</c>: p points when numerator ÷ denominator reaches the target t, in proportion below it
/// ("达30%以上4分，不足者按比例扣分"). Reads two keys: numerator, denominator.
/// </summary>
internal sealed class RatioFunction : ScoringFunction
{
    public override string Name => "ratio";
    public override string Phrase => "达30%以上4分，不足者按比例扣分";
    public override string Example => "ratio(4, 30%)";

    public override ImmutableArray<Parameter> Parameters { get; } =
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

    public override (int KeyIndex, string Message)? CheckEvidence(ImmutableArray<EvidenceValue?> values) =>
        values[0] is CountValue numerator && values[1] is CountValue denominator && numerator.Value > denominator.Value
            ? (0, $"{numerator.Value}, more than the total of {denominator.Value}")
            : null;

    public override ScoreRange Range(BindContext context) => new(0m, context.Arguments[0]);

    public override CriterionRuntime Compile(BindContext context)
    {
        var points = context.Arguments[0];
        var target = context.Arguments[1];
        return values =>
        {
            var numerator = (CountValue)values[0]!;
            var denominator = (CountValue)values[1]!;
            var percent = Numbers.Percent((decimal)numerator.Value / denominator.Value);
            var share = $"{numerator.Value} ÷ {denominator.Value} {(percent.StartsWith('≈') ? percent : "= " + percent)}";
            if (numerator.Value >= target * denominator.Value)
            {
                return new Outcome(points, $"{share}，达到 {Numbers.Percent(target)}，{Numbers.Format(points)} 分");
            }

            // points × (n ÷ d) ÷ t, multiplied out first so that the one division is the last step.
            var score = points * numerator.Value / (denominator.Value * target);
            return new Outcome(score, $"{share}，未达 {Numbers.Percent(target)}，按比例 {Numbers.Format(points)} × {numerator.Value} ÷ ({denominator.Value} × {Numbers.Format(target)}) {Numbers.Equals(score)}");
        };
    }
}

/// <summary><c>judged(min, max)</c>: the inspector's score within a range ("根据档案规范、完整情况赋分").</summary>
internal sealed class JudgedFunction : ScoringFunction
{
    public override string Name => "judged";
    public override string Phrase => "根据档案规范、完整情况赋分";
    public override string Example => "judged(0, 8)";

    public override ImmutableArray<Parameter> Parameters { get; } =
    [
        new("min", 0m, 1000m, "the lowest score an inspector may give"),
        new("max", 0m, 1000m, "the highest score an inspector may give"),
    ];

    public override (string Code, string Message)? Check(BindContext context) =>
        context.Arguments[0] > context.Arguments[1]
            ? (DiagnosticCodes.ArgumentOutOfRange, $"judged(min, max) needs min ≤ max, but {Numbers.Format(context.Arguments[0])} > {Numbers.Format(context.Arguments[1])}")
            : null;

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
        [new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span, EvidenceKind.Amount, context.Arguments[0], context.Arguments[1])];

    public override ScoreRange Range(BindContext context) => new(context.Arguments[0], context.Arguments[1]);

    public override CriterionRuntime Compile(BindContext context)
    {
        var range = $"{Numbers.Format(context.Arguments[0])}–{Numbers.Format(context.Arguments[1])}";
        return values =>
        {
            var judged = ((AmountValue)values[0]!).Value;
            return new Outcome(judged, $"评定 {Numbers.Format(judged)} 分（{range}）");
        };
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

    public override CriterionRuntime Compile(BindContext context) =>
        values => values[0] is AmountValue { Value: > 0 } amount
            ? new Outcome(-amount.Value, $"酌情扣 {Numbers.Format(amount.Value)} 分")
            : new Outcome(0m, "未扣分");
}
