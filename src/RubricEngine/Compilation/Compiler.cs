using System.Collections.Immutable;
using RubricEngine.Binding;
using RubricEngine.Runtime;

namespace RubricEngine.Compilation;

/// <summary>
/// Turns a bound rubric into its runtime: every evidence slot gets its place in an <see cref="EvidenceRow"/>, and
/// each criterion's function runtime is wrapped with its cap and floor, and with the rule that evidence not given scores 0.
/// </summary>
internal static class Compiler
{
    public static CompiledRubric Compile(BoundRubric rubric)
    {
        var syntax = rubric.Syntax;
        var sections = syntax.Sections.Select(s => new RubricSection(s.Name.Value, s.Points.Value)).ToImmutableArray();
        var sectionNames = sections.Select(s => s.Name).ToList();
        var nextSlot = 0;
        var lines = ImmutableArray.CreateBuilder<CompiledLine>(rubric.Lines.Length);
        foreach (var line in rubric.Lines)
        {
            var criteria = ImmutableArray.CreateBuilder<CompiledCriterion>(line.Criteria.Length);
            foreach (var criterion in line.Criteria)
            {
                var slots = criterion.Slots.Select(s => s with { Index = nextSlot++ }).ToImmutableArray();
                criteria.Add(CompileCriterion(criterion, slots));
            }

            var sectionIndex = sectionNames.IndexOf(line.Syntax.Section.Value);
            lines.Add(new CompiledLine(Describe(line), sectionIndex, criteria.MoveToImmutable()));
        }

        return new CompiledRubric(syntax.Id.Value, syntax.Title, sections, lines.MoveToImmutable(),
            syntax.Rounding.Decimals, syntax.Rounding.Mode, nextSlot, syntax.Version, syntax.Effective)
        {
            UnitTypes = rubric.UnitTypes,
            TotalRules = rubric.Vetoes.IsEmpty && rubric.Grades.IsEmpty ? null : new TotalRules(rubric.Vetoes, rubric.Grades),
        };
    }

    private static CompiledCriterion CompileCriterion(BoundCriterion criterion, ImmutableArray<EvidenceSlot> slots)
    {
        CriterionRuntime guarded, numbers;
        if (criterion.Variants.IsEmpty)
        {
            (guarded, numbers) = Runtimes(criterion, slots);
        }
        else
        {
            // Each unit type's rule reads the same slots; the row's unit type picks one at scoring time.
            var variants = criterion.Variants.Select(v => Runtimes(v, slots)).ToArray();
            guarded = new UnitTypeRuntime([.. variants.Select(v => v.Guarded)]);
            numbers = new UnitTypeRuntime([.. variants.Select(v => v.Numbers)]);
        }

        var keys = criterion.Syntax.Keys.Select(k => k.Value).ToImmutableArray();
        return new CompiledCriterion(criterion.Syntax.Label, criterion.IsBonus, keys, criterion.Range, slots, guarded, numbers);
    }

    /// <summary>The criterion's runtime for the card (evidence not given scores 0) and the shortest one for the numbers path.</summary>
    private static (CriterionRuntime Guarded, CriterionRuntime Numbers) Runtimes(BoundCriterion criterion, ImmutableArray<EvidenceSlot> slots)
    {
        var runtime = criterion.Function.Compile(criterion.Context, [.. slots.Select(s => s.Index)]);
        if (criterion.Cap is not null || criterion.Floor is not null)
        {
            runtime = new LimitedRuntime(runtime, criterion.Cap, criterion.Floor);
        }

        var required = slots.Where(s => !s.MissingIsNone).Select(s => s.Index).ToImmutableArray();
        var guarded = new GivenEvidenceRuntime(runtime, required);

        // A floor above 0 would lift the 0 of an empty cell: then the check for evidence not given must stay.
        var emptyScoresZero = required.IsEmpty || (criterion.Function.ScoresZeroWhenNotGiven(criterion.Context) && !(criterion.Floor > 0));
        return (guarded, emptyScoresZero ? runtime : guarded);
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
                c.Syntax.Variants.IsEmpty ? c.Syntax.Rule.ToString() : string.Join("; ", c.Syntax.Variants.Select(v => $"{v.UnitType.Value}: {v.Rule}")),
                c.IsBonus) { Fields = [.. c.Slots.Select(s => s.ToField())], Items = [.. c.Syntax.Items.Select(i => i.Value)] })]);
    }
}
