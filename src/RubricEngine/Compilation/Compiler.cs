using System.Collections.Immutable;
using RubricEngine.Binding;
using RubricEngine.Binding.Functions;

namespace RubricEngine.Compilation;

/// <summary>Turns a bound rubric into delegates: each criterion's function runtime wrapped with its cap and floor.</summary>
internal static class Compiler
{
    public static ImmutableArray<CompiledLine> Compile(BoundRubric rubric) =>
        [.. rubric.Lines.Select(line => new CompiledLine(Describe(line), [.. line.Criteria.Select(CompileCriterion)]))];

    private static CompiledCriterion CompileCriterion(BoundCriterion criterion)
    {
        var scored = WithLimits(criterion.Function.Compile(criterion.Context), criterion.Cap, criterion.Floor);
        var required = criterion.Slots.Select(s => !s.MissingIsNone).ToImmutableArray();

        // Evidence not given scores 0, said the same way for every function (the evidence reader warns about it).
        CriterionRuntime evaluate = values =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null && required[i])
                {
                    return new Outcome(0m, "未提供，0 分");
                }
            }

            return scored(values);
        };

        return new CompiledCriterion(criterion.Syntax.Label, criterion.IsBonus, criterion.Range, criterion.Slots, evaluate, criterion.Function.CheckEvidence);
    }

    /// <summary>
    /// Applies cap, then floor. The cap is always named, as inspectors read it ("10 个月 × 1.5 = 15（上限 18）");
    /// a floor only when it lifts the score.
    /// </summary>
    private static CriterionRuntime WithLimits(CriterionRuntime runtime, decimal? cap, decimal? floor)
    {
        if (cap is null && floor is null)
        {
            return runtime;
        }

        return values =>
        {
            var (score, reason) = runtime(values);
            if (cap is { } c)
            {
                if (score > c)
                {
                    reason += $" → {Numbers.Format(c)}";
                    score = c;
                }

                reason += $"（上限 {Numbers.Format(c)}）";
            }

            if (floor is { } f && score < f)
            {
                reason += $" → {Numbers.Format(f)}（下限 {Numbers.Format(f)}）";
                score = f;
            }

            return new Outcome(score, reason);
        };
    }

    private static RubricLine Describe(BoundLine line)
    {
        var syntax = line.Syntax;
        return new RubricLine(
            syntax.Id.Value,
            syntax.Section.Value,
            syntax.Content,
            syntax.Points.Value,
            line.Maximum,
            syntax.Check,
            syntax.Standard,
            [.. line.Criteria.Select(c => new RubricCriterion(
                [.. c.Syntax.Keys.Select(k => k.Value)],
                c.Syntax.Label,
                c.Syntax.Points.Value,
                c.Syntax.Rule.ToString(),
                c.IsBonus) { Fields = [.. c.Slots.Select(s => s.ToField())], Items = [.. c.Syntax.Items.Select(i => i.Value)] })]);
    }
}
