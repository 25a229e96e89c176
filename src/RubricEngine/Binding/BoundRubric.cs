using System.Collections.Immutable;
using RubricEngine.Binding.Functions;
using RubricEngine.Runtime;
using RubricEngine.Syntax;

namespace RubricEngine.Binding;

/// <summary>A criterion whose rule is known to be valid: its function, arguments, modifiers and achievable range.</summary>
/// <param name="Range">The criterion's score range after cap and floor; Max null when uncapped and unbounded.</param>
internal sealed record BoundCriterion(
    CriterionSyntax Syntax,
    ScoringFunction Function,
    BindContext Context,
    decimal? Cap,
    decimal? Floor,
    bool IsBonus,
    bool IsUncapped,
    ScoreRange Range,
    ImmutableArray<EvidenceSlot> Slots)
{
    /// <summary>With <c>rules:</c>, the criterion bound once per unit type, in the order of the rubric's <c>unit_types</c>; empty otherwise.</summary>
    public ImmutableArray<BoundCriterion> Variants { get; init; } = [];
}

/// <param name="Maximum">The most its criteria can award together (bonus aside); null when unbounded.</param>
internal sealed record BoundLine(LineSyntax Syntax, ImmutableArray<BoundCriterion> Criteria, decimal? Maximum);

internal sealed record BoundRubric(RubricSyntax Syntax, ImmutableArray<BoundLine> Lines)
{
    /// <summary>The unit types, in rubric order.</summary>
    public ImmutableArray<RubricUnitType> UnitTypes { get; init; } = [];

    /// <summary>The vetoes, in rubric order.</summary>
    public ImmutableArray<RubricVeto> Vetoes { get; init; } = [];

    /// <summary>The grades, highest first.</summary>
    public ImmutableArray<RubricGrade> Grades { get; init; } = [];
}
