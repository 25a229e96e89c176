using System.Collections.Immutable;
using RubricEngine.Diagnostics;
using RubricEngine.Runtime;
using RubricEngine.Syntax;

namespace RubricEngine.Binding;

/// <summary>Unit types and a criterion's rules by unit type; vetoes and grades of the total.</summary>
internal static partial class Binder
{
    /// <summary>A criterion with one <c>rule</c>, or with <c>rules</c>: then bound once per declared unit type.</summary>
    private static BoundCriterion? BindCriterionOrVariants(CriterionSyntax criterion, ImmutableArray<(string Id, string Label)> levels,
        TableScope tables, TotalRulesSyntax total, List<Diagnostic> diagnostics)
    {
        if (criterion.Variants.IsEmpty)
        {
            return BindCriterion(criterion, levels, tables, diagnostics);
        }

        var reportedBefore = diagnostics.Count;
        var declared = total.UnitTypes.Select(u => u.Id.Value).ToList();
        if (declared.Count == 0)
        {
            if (total.Complete)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, criterion.RulesSpan, MessageText.Of("RulesWithoutUnitTypes")));
            }

            return null;
        }

        foreach (var variant in criterion.Variants.Where(v => !declared.Contains(v.UnitType.Value)))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, variant.UnitType.Span, MessageText.Of("RulesUnknownUnitType",
                variant.UnitType.Value, Suggestions.DidYouMean(variant.UnitType.Value, declared), string.Join(", ", declared))));
        }

        var missing = total.UnitTypes.Where(u => criterion.Variants.All(v => v.UnitType.Value != u.Id.Value)).ToList();
        if (missing.Count > 0 && total.Complete)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, criterion.RulesSpan, MessageText.Of("RulesMissingUnitType",
                string.Join(", ", missing.Select(u => $"'{u.Id.Value}' ({u.Label})")), missing[0].Id.Value)));
        }

        var bound = new List<(RuleVariantSyntax Variant, BoundCriterion? Criterion)>();
        foreach (var variant in criterion.Variants)
        {
            bound.Add((variant, BindCriterion(criterion with { Rule = variant.Rule, RuleSource = variant.Source, Variants = [] }, levels, tables, diagnostics)));
        }

        if (diagnostics.HasErrorsSince(reportedBefore) || bound.Any(b => b.Criterion is null))
        {
            return null;
        }

        var (firstVariant, first) = (bound[0].Variant, bound[0].Criterion!);
        foreach (var (variant, other) in bound.Skip(1))
        {
            if (other!.Function != first.Function)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, variant.Source.PositionOf(variant.Rule.Call.Span.Offset),
                    MessageText.Of("RulesDifferentFunctions", firstVariant.UnitType.Value, first.Function.Name, variant.UnitType.Value, other.Function.Name)));
            }
            else if (EvidenceOf(other) != EvidenceOf(first))
            {
                // The evidence is checked before the unit's type picks a rule: every rule must accept the same values.
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CriterionShape, variant.Source.PositionOf(variant.Rule.Call.Span.Offset),
                    MessageText.Of("RulesDifferentEvidence", firstVariant.UnitType.Value, EvidenceOf(first), variant.UnitType.Value, EvidenceOf(other))));
            }
        }

        if (diagnostics.HasErrorsSince(reportedBefore))
        {
            return null;
        }

        var ordered = declared.Select(id => bound.First(b => b.Variant.UnitType.Value == id).Criterion!).ToImmutableArray();
        var range = new ScoreRange(
            ordered.Any(c => c.Range.Min is null) ? null : ordered.Min(c => c.Range.Min),
            ordered.Any(c => c.Range.Max is null) ? null : ordered.Max(c => c.Range.Max));
        return first with { Syntax = criterion, Range = range, Variants = ordered };

        static string EvidenceOf(BoundCriterion c) =>
            string.Join("; ", c.Slots.Select(s => $"'{s.Key}' {s.Describe()}{(s.MissingIsNone ? "?" : "")}"));
    }

    /// <summary>
    /// Unit types, vetoes and grades: ids unique, grades highest first, each veto's effect complete, and a warning for a
    /// grade or a cap that no total the rubric can give would ever meet.
    /// </summary>
    private static void BindTotalRules(RubricSyntax rubric, ImmutableArray<BoundLine> lines, List<Diagnostic> diagnostics)
    {
        var total = rubric.TotalRules;
        CheckDuplicates(total.UnitTypes.Select(u => u.Id), "unit type", diagnostics);
        CheckDuplicates(total.Vetoes.Select(v => v.Key), "veto key", diagnostics);
        CheckDuplicates(total.Grades.Select(g => g.Id), "grade id", diagnostics);

        GradeSyntax? above = null;
        for (var i = 0; i < total.Grades.Length; i++)
        {
            var grade = total.Grades[i];
            if (grade.From is not { } from)
            {
                if (i < total.Grades.Length - 1)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MissingKey, grade.Span, MessageText.Of("GradeWithoutFrom", grade.Id.Value)));
                }

                continue;
            }

            if (above?.From is { } higher && from.Value >= higher.Value)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, from.Span, MessageText.Of("GradesNotDecreasing",
                    grade.Id.Value, Numbers.Format(from.Value), above.Id.Value, Numbers.Format(higher.Value))));
            }

            above = grade;
        }

        if (total.Grades.IsEmpty && total.Complete)
        {
            foreach (var veto in total.Vetoes.Where(v => v.Effect.Value == VetoEffect.LowestGrade))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, veto.Effect.Span, MessageText.Of("LowestGradeWithoutGrades", veto.Key.Value)));
            }
        }

        if (HighestTotal(rubric, lines) is not { } highest)
        {
            return;
        }

        foreach (var grade in total.Grades.Where(g => g.From is { } from && from.Value > highest))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NeverApplies, grade.From!.Value.Span, MessageText.Of("GradeNeverApplies",
                grade.Id.Value, Numbers.Format(grade.From.Value.Value), Numbers.Format(highest))));
        }

        foreach (var veto in total.Vetoes.Where(v => v.Cap is { } cap && cap.Value >= highest))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NeverApplies, veto.Cap!.Value.Span, MessageText.Of("VetoCapNeverApplies",
                veto.Key.Value, Numbers.Format(veto.Cap.Value.Value), Numbers.Format(highest))));
        }
    }

    /// <summary>
    /// The highest total the rubric can give: every line's maximum plus every bonus at its most, each rounded as the
    /// card rounds it. Null when some line or bonus is unbounded, or some line could not be bound.
    /// </summary>
    private static decimal? HighestTotal(RubricSyntax rubric, ImmutableArray<BoundLine> lines)
    {
        if (lines.Length != rubric.Lines.Length || !rubric.IncompleteLines.IsEmpty)
        {
            return null;
        }

        var highest = 0m;
        foreach (var line in lines)
        {
            if (line.Maximum is not { } maximum)
            {
                return null;
            }

            var bonus = 0m;
            foreach (var criterion in line.Criteria.Where(c => c.IsBonus))
            {
                if (criterion.Range.Max is not { } most)
                {
                    return null;
                }

                bonus += most;
            }

            highest += maximum + Math.Round(bonus, rubric.Rounding.Decimals, rubric.Rounding.Mode);
        }

        return highest;
    }

    private static BoundRubric WithTotalRules(BoundRubric bound) => bound with
    {
        UnitTypes = [.. bound.Syntax.TotalRules.UnitTypes.Select(u => new RubricUnitType(u.Id.Value, u.Label))],
        Vetoes = [.. bound.Syntax.TotalRules.Vetoes.Select(v => new RubricVeto(v.Key.Value, v.Label, v.Effect.Value, v.Cap?.Value))],
        Grades = [.. bound.Syntax.TotalRules.Grades.Select(g => new RubricGrade(g.Id.Value, g.Label, g.From?.Value))],
    };
}
