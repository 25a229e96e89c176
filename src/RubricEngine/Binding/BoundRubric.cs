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
    ImmutableArray<EvidenceSlot> Slots);

/// <param name="Maximum">The most its criteria can award together (bonus aside); null when unbounded.</param>
internal sealed record BoundLine(LineSyntax Syntax, ImmutableArray<BoundCriterion> Criteria, decimal? Maximum);

internal sealed record BoundRubric(RubricSyntax Syntax, ImmutableArray<BoundLine> Lines);
