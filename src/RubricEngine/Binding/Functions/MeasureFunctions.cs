using System.Collections.Immutable;
using RubricEngine.Diagnostics;
using RubricEngine.Runtime;
using RubricEngine.Syntax;

namespace RubricEngine.Binding.Functions;

/// <summary>What a measure function reads: a count of things, a decimal amount, or a percentage.</summary>
internal enum MeasureKind
{
    Count,
    Amount,
    Percent,
}

/// <summary>
/// <c>per_item(r)</c>, <c>per_amount(r)</c>, <c>per_percent(r)</c>: r points per unit of a measure, signed. The measure
/// is the value read (a count, an amount, percentage points), or with <c>of N</c> its shortfall below the quota N
/// (每少1…), or with <c>over N</c> its excess above the threshold N (每增加1…); <c>per S</c> counts it in completed
/// steps of S (按每下降5%…), <c>per_started S</c> in started steps. A rate ≥ 0 scores rate × measure; a negative rate
/// deducts from the criterion's points: points + rate × measure (每少1场扣0.167分).
/// </summary>
internal sealed class MeasureFunction(string name, MeasureKind kind, string phrase, string example, string meaning) : ScoringFunction
{
    /// <summary>The largest count or amount evidence may give; percentages go up to 1000% (<see cref="PercentText.MaxRatio"/>).</summary>
    public const decimal MaxValue = 1_000_000m;

    public static MeasureFunction PerItem { get; } =
        new("per_item", MeasureKind.Count, "发布并实施文明实践项目共6分", "per_item(0.6) cap 6", "the points for each item, negative to deduct");

    public static MeasureFunction PerAmount { get; } =
        new("per_amount", MeasureKind.Amount, "志愿服务时长每满10小时加1分", "per_amount(1) per 10 cap 5", "the points for each unit of the amount, negative to deduct");

    public static MeasureFunction PerPercent { get; } =
        new("per_percent", MeasureKind.Percent, "比例不低于80%，每低1个百分点扣1分，直至本项分值扣完", "per_percent(-1) of 80% floor 0",
            "the points for each percentage point, negative to deduct");

    public override string Name => name;
    public override string Phrase => phrase;
    public override string Example => example;
    public override ImmutableArray<Parameter> Parameters => [new("rate", -1000m, 1000m, meaning)];
    public override ImmutableArray<string> Options => [Modifiers.Of, Modifiers.Over, Modifiers.Per, Modifiers.PerStarted];
    public override bool UsesUnit => true;

    /// <summary>An empty cell reads 0: it scores 0 unless a quota makes 0 a shortfall or a negative rate deducts from points.</summary>
    public override bool ScoresZeroWhenNotGiven(BindContext context) =>
        context.Arguments[0] >= 0 && !context.OptionArguments.ContainsKey(Modifiers.Of);

    /// <summary>
    /// A quota or threshold is a value of the measure: a whole count, an amount, or a percentage written with %
    /// (of 80%), from 0 to the largest value evidence may give; a step is above 0. A quota of 0 has no shortfall.
    /// </summary>
    public override MessageText? CheckOption(string option, NumberSyntax argument)
    {
        var written = Numbers.Format(argument.Literal);
        if (kind == MeasureKind.Percent && !argument.IsPercent)
        {
            return MessageText.Of("OptionNeedsPercent", option, written, name);
        }

        if (kind != MeasureKind.Percent && argument.IsPercent)
        {
            return MessageText.Of("OptionNotPercent", option, written, name);
        }

        var max = kind == MeasureKind.Percent ? PercentText.MaxRatio : MaxValue;
        var min = option == Modifiers.Over ? 0m : kind == MeasureKind.Count ? 1m : 0m;
        var above = option != Modifiers.Over && kind != MeasureKind.Count;
        var value = argument.Value;
        if (value < min || (above && value == 0m) || value > max)
        {
            return MessageText.Of(above ? "OptionAboveZero" : "OptionOutOfRange", name, option, MessageText.Of("Option_" + option),
                Show(min), Show(max), argument.ToString());
        }

        return kind == MeasureKind.Count && value != decimal.Truncate(value)
            ? MessageText.Of("OptionWhole", name, option, argument.ToString())
            : null;
    }

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
    [
        new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span,
            kind switch { MeasureKind.Count => EvidenceKind.Count, MeasureKind.Amount => EvidenceKind.Amount, _ => EvidenceKind.Percent },
            0m, kind == MeasureKind.Percent ? PercentText.MaxRatio : MaxValue),
    ];

    /// <summary>
    /// Exact: the measure goes from 0 (the quota reached, the threshold not passed, nothing counted) to the quota with
    /// <c>of</c>, to 1000% less the threshold for a percentage; a count or amount without a quota has no upper bound
    /// a rubric should rely on (null: "without limit").
    /// </summary>
    public override ScoreRange Range(BindContext context)
    {
        var measure = Measure.Of(context, kind);
        var most = measure.MostSteps;
        var rate = context.Arguments[0];
        if (rate >= 0)
        {
            return new ScoreRange(0m, most is { } m ? rate * m : rate == 0 ? 0m : null);
        }

        return new ScoreRange(most is { } steps ? context.Points + rate * steps : null, context.Points);
    }

    /// <summary>RE0210: a deduction from the criterion's points that can take more than them, with no floor to stop it.</summary>
    public override (string Code, MessageText Message)? Warn(BindContext context, decimal? floor)
    {
        var rate = context.Arguments[0];
        if (rate >= 0 || floor is not null || context.Points == 0)
        {
            return null; // points 0: a signed per-case score (每例扣0.5分) is meant to go below 0
        }

        var rule = Rule(context);
        if (Measure.Of(context, kind).MostSteps is not { } steps)
        {
            return (DiagnosticCodes.DeductionExceedsPoints, MessageText.Of("DeductsWithoutLimit", context.Keys[0].Key, rule, Numbers.Format(context.Points)));
        }

        var most = -rate * steps;
        return most > context.Points
            ? (DiagnosticCodes.DeductionExceedsPoints, MessageText.Of("DeductsMoreThanPoints", context.Keys[0].Key, rule,
                $"{Numbers.Format(steps)} × {Numbers.Format(-rate)}", Numbers.Format(most), Numbers.Format(context.Points)))
            : null;
    }

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots) =>
        new MeasureRuntime(new NumberSlot(slots[0]), Measure.Of(context, kind), context.Arguments[0], context.Points,
            context.Unit ?? kind switch { MeasureKind.Count => "项", MeasureKind.Amount => "", _ => "个百分点" });

    private string Rule(BindContext context) =>
        $"{name}({Numbers.Format(context.Arguments[0])})" + string.Concat(context.OptionArguments.OrderBy(o => o.Key == Modifiers.Of || o.Key == Modifiers.Over ? 0 : 1)
            .Select(o => $" {o.Key} {o.Value}"));

    private string Show(decimal value) => kind == MeasureKind.Percent ? PercentText.Format(value) : Numbers.Format(value);
}

/// <summary>
/// A measure and its transformation, in the measure's own units (a percentage in percentage points: 76% is 76):
/// the reference point of <c>of</c> or <c>over</c>, and the step of <c>per</c> or <c>per_started</c>.
/// </summary>
/// <param name="Scale">What turns a value read into the measure's units: 100 for a percentage (a ratio), 1 otherwise.</param>
/// <param name="Most">The largest value evidence may give, in those units.</param>
/// <param name="Quota">The N of <c>of N</c>: the measure is the shortfall below it.</param>
/// <param name="Threshold">The N of <c>over N</c>: the measure is the excess above it.</param>
/// <param name="Step">The S of <c>per S</c> or <c>per_started S</c>.</param>
/// <param name="StartedSteps">True for <c>per_started</c>: a started step counts whole.</param>
/// <param name="IsPercent">True when the value is a percentage.</param>
/// <param name="IsBounded">True when the most the measure can be is one a rubric may rely on (a quota, a percentage).</param>
internal sealed record Measure(decimal Scale, decimal Most, decimal? Quota, decimal? Threshold, decimal? Step, bool StartedSteps, bool IsPercent, bool IsBounded)
{
    public static Measure Of(BindContext context, MeasureKind kind)
    {
        var isPercent = kind == MeasureKind.Percent;
        var scale = isPercent ? 100m : 1m;
        var quota = context.OptionValue(Modifiers.Of) * scale;
        var step = context.OptionValue(Modifiers.Per) ?? context.OptionValue(Modifiers.PerStarted);
        return new Measure(
            scale,
            isPercent ? PercentText.MaxRatio * scale : MeasureFunction.MaxValue,
            quota is { } q ? Numbers.Normalize(q) : null,
            context.OptionValue(Modifiers.Over) is { } over ? Numbers.Normalize(over * scale) : null,
            step is { } s ? Numbers.Normalize(s * scale) : null,
            context.OptionArguments.ContainsKey(Modifiers.PerStarted),
            isPercent,
            isPercent || quota is not null);
    }

    /// <summary>The measure of a value (in the measure's units): the value, its shortfall below the quota, or its excess above the threshold.</summary>
    public decimal Amount(decimal value) =>
        Quota is { } quota ? Math.Max(0m, quota - value) : Threshold is { } threshold ? Math.Max(0m, value - threshold) : value;

    /// <summary>The measure counted in steps: whole steps (floor), started steps (ceiling), or the measure itself.</summary>
    public decimal Steps(decimal amount) =>
        Step is not { } step ? amount : StartedSteps ? decimal.Ceiling(amount / step) : decimal.Floor(amount / step);

    /// <summary>The most steps evidence can give, or null when the rubric should not rely on a bound.</summary>
    public decimal? MostSteps => IsBounded ? Steps(Quota ?? Math.Max(0m, Most - (Threshold ?? 0m))) : null;
}

/// <summary>Scores rate × steps (or points + rate × steps for a deduction) and says so with every number of the arithmetic.</summary>
internal sealed class MeasureRuntime(NumberSlot slot, Measure measure, decimal rate, decimal points, string unit) : CriterionRuntime
{
    private readonly string times = " × " + Numbers.Format(Math.Abs(rate));
    private readonly string pointsText = Numbers.Format(points);

    public override decimal Score(EvidenceRow row)
    {
        var steps = measure.Steps(measure.Amount(row[slot] * measure.Scale));
        return rate >= 0 ? rate * steps : points + rate * steps;
    }

    public override string Explain(EvidenceRow row, decimal score)
    {
        var value = row[slot] * measure.Scale;
        var amount = measure.Amount(value);
        var steps = measure.Steps(amount);
        var shown = Value(value);
        string counted;
        if (measure.Quota is { } quota)
        {
            if (amount == 0)
            {
                return measure.IsPercent
                    ? $"{shown}，达到目标 {Value(quota)}，{Numbers.Format(score)} 分"
                    : $"{shown}，达到 {Value(quota)}，{Numbers.Format(score)} 分";
            }

            counted = measure.IsPercent
                ? $"{shown} 低于目标 {Value(quota)} {Units(amount)}"
                : $"{shown}，比 {Before(quota)}少 {Units(amount)}";
        }
        else if (measure.Threshold is { } threshold)
        {
            if (amount == 0)
            {
                return $"{shown}，未超过 {Value(threshold)}，{Numbers.Format(score)} 分";
            }

            counted = $"{shown}，超过 {Value(threshold)} {Units(amount)}";
        }
        else
        {
            counted = measure.IsPercent ? $"{shown}，{Units(amount)}" : Units(amount);
        }

        if (measure.Step is { } step)
        {
            counted += $"，每 {Before(step)}一档{(measure.StartedSteps ? "（不足一档按一档计）" : "")}，{Numbers.Format(steps)} 档";
        }

        var product = Numbers.Format(Math.Abs(rate) * steps);
        return rate >= 0 ? $"{counted}{times} = {product}"
            : points == 0 ? $"{counted}{times}，扣 {product}"
            : $"{counted}{times} = {product}，{pointsText} − {product} = {Numbers.Format(score)}";
    }

    /// <summary>A value as read: <c>76%</c>, <c>26 场</c>, <c>175.5</c> (an amount without a unit).</summary>
    private string Value(decimal value) =>
        measure.IsPercent ? Numbers.Format(value) + "%" : unit.Length == 0 ? Numbers.Format(value) : Numbers.Format(value) + " " + unit;

    /// <summary>A value followed by Chinese text: a space after a number or a %, none after a unit word (<c>5% 一档</c>, <c>5 场一档</c>).</summary>
    private string Before(decimal value) => measure.IsPercent || unit.Length == 0 ? Value(value) + " " : Value(value);

    /// <summary>A measure in its unit: <c>4 场</c>, <c>4 个百分点</c>.</summary>
    private string Units(decimal amount) => unit.Length == 0 ? Numbers.Format(amount) : Numbers.Format(amount) + " " + unit;
}
