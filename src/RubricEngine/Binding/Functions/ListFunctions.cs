using System.Collections.Frozen;
using System.Collections.Immutable;
using RubricEngine.Diagnostics;
using RubricEngine.Runtime;

namespace RubricEngine.Binding.Functions;

/// <summary>
/// <c>tiered(a, b, …)</c>: points by publication level, one number per level, lowest first
/// ("县级1分、市级2分、省级3分、国家级5分"); the levels are the criterion's own <c>levels</c> where it has them, else the
/// rubric's. With <c>max_per_item</c>, each item scores only its highest-points level ("同一项目取最高得分"); without it,
/// every publication scores.
/// </summary>
internal sealed class TieredFunction : ScoringFunction
{
    public const string MaxPerItem = Modifiers.MaxPerItem;

    public override string Name => "tiered";
    public override string Phrase => "县级每次1分，市级2分，省级3分，国家级5分（同一项目取最高得分）";
    public override string Example => "uncapped tiered(1, 2, 3, 5) max_per_item";
    public override ImmutableArray<Parameter> Parameters => [new("points", 0m, 1000m, "the points for a publication at that level")];
    public override bool IsVariadic => true;
    public override ImmutableArray<string> Options => [MaxPerItem];
    public override bool UsesLevels => true;

    public override (string Code, MessageText Message)? Check(BindContext context)
    {
        if (context.Levels.IsEmpty)
        {
            return (DiagnosticCodes.TiersMismatch, MessageText.Of("TieredNeedsLevels"));
        }

        return context.Arguments.Length != context.Levels.Length
            ? (DiagnosticCodes.TiersMismatch,
                MessageText.Of("TiersMismatch", Numbers.Format(context.Arguments.Length), Numbers.Format(context.Levels.Length), string.Join(", ", context.Levels.Select(l => l.Id))))
            : null;
    }

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
        [new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span, EvidenceKind.Publications,
            Allowed: [.. context.Levels.Select(l => l.Id)], AllowedLabels: [.. context.Levels.Select(l => l.Label)])];

    public override ScoreRange Range(BindContext context) => new(0m, null);

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots) =>
        new Runtime(new PublicationsSlot(slots[0]), context.Arguments, [.. context.Levels.Select(l => l.Label)], context.Options.Contains(MaxPerItem));

    private sealed class Runtime(PublicationsSlot slot, ImmutableArray<decimal> tiers, ImmutableArray<string> labels, bool highestOnly) : CriterionRuntime
    {
        public override decimal Score(EvidenceRow row)
        {
            var publications = row[slot];
            if (!highestOnly || publications.Length > 16)
            {
                var score = 0m;
                foreach (var publication in Counted(publications))
                {
                    score += tiers[publication.LevelIndex];
                }

                return score;
            }

            // A unit lists a handful of publications: comparing each with the rest beats building groups.
            var total = 0m;
            for (var p = 0; p < publications.Length; p++)
            {
                var item = publications[p].Item;
                var best = tiers[publications[p].LevelIndex];
                var first = true;
                for (var q = 0; q < publications.Length; q++)
                {
                    if (q != p && string.Equals(publications[q].Item, item, StringComparison.Ordinal))
                    {
                        if (q < p)
                        {
                            first = false;
                            break;
                        }

                        // The level worth most, not the highest listed: tiers need not rise with the levels.
                        best = Math.Max(best, tiers[publications[q].LevelIndex]);
                    }
                }

                if (first)
                {
                    total += best;
                }
            }

            return total;
        }

        public override string Explain(EvidenceRow row, decimal score)
        {
            var publications = row[slot];
            if (publications.IsEmpty)
            {
                return "无刊登，0 分";
            }

            var terms = string.Join(" + ", Counted(publications).Select(x => x.Item + " " + labels[x.LevelIndex] + " " + Numbers.Format(tiers[x.LevelIndex])));
            return terms + " = " + Numbers.Format(score) + (highestOnly ? "（同一项目取最高）" : "");
        }

        /// <summary>
        /// Every publication, or with max_per_item each item once, at its highest-points level (the first listed among
        /// equals), in the order items first appear.
        /// </summary>
        private IEnumerable<Publication> Counted(ImmutableArray<Publication> publications) => highestOnly
            ? publications.GroupBy(x => x.Item, StringComparer.Ordinal).Select(g => g.MaxBy(x => tiers[x.LevelIndex])!)
            : publications;
    }
}

/// <summary><c>per_missing(-d)</c>: the criterion's points less d for each missing item ("每缺1项扣0.5分"). Needs <c>items</c>.</summary>
internal sealed class PerMissingFunction : ScoringFunction
{
    public override string Name => "per_missing";
    public override string Phrase => "每缺1项扣0.5分，扣完为止";
    public override string Example => "per_missing(-0.5) floor 0";
    public override ImmutableArray<Parameter> Parameters => [new("deduction", -1000m, 0m, "the (negative) points for each missing item")];
    public override bool NeedsItems => true;

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
        [new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span, EvidenceKind.ItemIds, Allowed: context.Items, AllowedLabels: context.LabelsOfItems)];

    public override ScoreRange Range(BindContext context) =>
        new(context.Points + context.Arguments[0] * context.Items.Length, context.Points);

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots) =>
        new Runtime(new ItemsSlot(slots[0]), context.Points, context.Arguments[0],
            context.Items.Zip(context.LabelsOfItems).ToFrozenDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));

    /// <param name="labels">Each item id's label: the reason names what is missing as the officer knows it.</param>
    private sealed class Runtime(ItemsSlot slot, decimal points, decimal deduction, FrozenDictionary<string, string> labels) : CriterionRuntime
    {
        private readonly string pointsLess = Numbers.Format(points) + " - ";
        private readonly string times = " 项 × " + Numbers.Format(-deduction) + " = ";

        public override decimal Score(EvidenceRow row) => points + deduction * row[slot].Length;

        public override string Explain(EvidenceRow row, decimal score)
        {
            var missing = row[slot];
            var which = missing.IsEmpty ? "" : "（缺 " + string.Join("、", missing.Select(id => labels.GetValueOrDefault(id, id))) + "）";
            return pointsLess + Numbers.Format(missing.Length) + times + Numbers.Format(score) + which;
        }
    }
}

/// <summary>
/// <c>all_of(p)</c>: p points when every one of the criterion's items is in place, none when any is not
/// ("机构、人员或经费任1项不落实，本项即不得分"). Needs <c>items</c>; the evidence lists the items not in place.
/// </summary>
internal sealed class AllOfFunction : ScoringFunction
{
    public override string Name => "all_of";
    public override string Phrase => "机构、人员或经费任1项不落实，本项即不得分";
    public override string Example => "all_of(10)";
    public override ImmutableArray<Parameter> Parameters => [new("points", 0m, 1000m, "the points when every item is in place")];
    public override bool NeedsItems => true;

    public override ImmutableArray<EvidenceSlot> Slots(BindContext context) =>
        [new EvidenceSlot(context.Keys[0].Key, context.Keys[0].Span, EvidenceKind.ItemIds, Allowed: context.Items, AllowedLabels: context.LabelsOfItems)];

    public override ScoreRange Range(BindContext context) => new(0m, context.Arguments[0]);

    public override CriterionRuntime Compile(BindContext context, ImmutableArray<int> slots) =>
        new Runtime(new ItemsSlot(slots[0]), context.Arguments[0],
            context.Items.Zip(context.LabelsOfItems).ToFrozenDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));

    private sealed class Runtime(ItemsSlot slot, decimal points, FrozenDictionary<string, string> labels) : CriterionRuntime
    {
        private readonly string allInPlace = "全部落实，" + Numbers.Format(points) + " 分";

        public override decimal Score(EvidenceRow row) => row[slot].IsEmpty ? points : 0m;

        public override string Explain(EvidenceRow row, decimal score)
        {
            var missing = row[slot];
            return missing.IsEmpty ? allInPlace : "未落实：" + string.Join("、", missing.Select(id => labels[id])) + "，不得分";
        }
    }
}
