using System.Collections.Immutable;
using RubricEngine.Runtime;

namespace RubricEngine.Binding.Functions;

/// <summary><c>present(p)</c>: a checklist item, p points when present ("有…各2分").</summary>
internal sealed class PresentFunction : ScoringFunction
{
    public override bool ScoresZeroWhenNotGiven(BindContext context) => true;

    public override string Name => "present";
    public override string Phrase => "有固定场所、悬挂标牌各2分";
    public override string Example => "present(2)";
    public override ImmutableArray<Parameter> Parameters => [new("points", 0m, 1000m, "the points when present")];

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
        [new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span, EvidenceKind.Flag)];

    public override ScoreRange Range(BindContext context) => new(0m, context.Arguments[0]);

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots) =>
        new FlagRuntime(new FlagSlot(slots[0]), context.Arguments[0], "有，" + Numbers.Format(context.Arguments[0]) + " 分", "无，0 分");
}

/// <summary>Points when the flag is true, none otherwise, each with its fixed reason.</summary>
internal sealed class FlagRuntime(FlagSlot slot, decimal points, string whenTrue, string whenFalse) : CriterionRuntime
{
    public override decimal Score(EvidenceRow row) => row[slot] ? points : 0m;

    public override string Explain(EvidenceRow row, decimal score) => row[slot] ? whenTrue : whenFalse;
}

/// <summary><c>all_or_nothing(p)</c>: p points when done, none otherwise ("未落实的不得分").</summary>
internal sealed class AllOrNothingFunction : ScoringFunction
{
    public override bool ScoresZeroWhenNotGiven(BindContext context) => true;

    private readonly PresentFunction present = new();

    public override string Name => "all_or_nothing";
    public override string Phrase => "未落实的不得分";
    public override string Example => "all_or_nothing(4)";
    public override ImmutableArray<Parameter> Parameters => present.Parameters;
    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) => present.Slots(context);
    public override ScoreRange Range(BindContext context) => present.Range(context);

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots) =>
        new FlagRuntime(new FlagSlot(slots[0]), context.Arguments[0], "已落实，" + Numbers.Format(context.Arguments[0]) + " 分", "未落实，不得分");
}
