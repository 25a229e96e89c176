using System.Collections.Frozen;
using System.Collections.Immutable;

namespace RubricEngine.Runtime;

/// <summary>A criterion ready to evaluate: a runtime and the slots it reads, no syntax.</summary>
/// <param name="Keys">Its evidence keys, as the card names them.</param>
/// <param name="Range">The lowest and highest score the binder proved it can give, after cap and floor.</param>
/// <param name="Slots">The slots it reads, with their row indexes.</param>
/// <param name="Runtime">Scores and explains, evidence not given included.</param>
/// <param name="NumbersRuntime">The same scores by the shortest way: <see cref="Runtime"/> itself, or, where empty
/// cells already score 0, the runtime without the check for evidence not given.</param>
internal sealed record CompiledCriterion(
    string Label,
    bool IsBonus,
    ImmutableArray<string> Keys,
    ScoreRange Range,
    ImmutableArray<EvidenceSlot> Slots,
    CriterionRuntime Runtime,
    CriterionRuntime NumbersRuntime);

/// <param name="Info">The line as the public model describes it.</param>
/// <param name="SectionIndex">Its section's position among the rubric's sections.</param>
internal sealed record CompiledLine(RubricLine Info, int SectionIndex, ImmutableArray<CompiledCriterion> Criteria)
{
    public string Id { get; } = Info.Id;

    /// <summary>The numbers runtimes of the criteria that count towards the line, in a plain array for the hot loop.</summary>
    public CriterionRuntime[] BaseRuntimes { get; } = [.. Criteria.Where(c => !c.IsBonus).Select(c => c.NumbersRuntime)];

    /// <summary>The numbers runtimes of its bonus criteria.</summary>
    public CriterionRuntime[] BonusRuntimes { get; } = [.. Criteria.Where(c => c.IsBonus).Select(c => c.NumbersRuntime)];

    /// <summary>Every evidence key of the line and its slot, for the evidence reader.</summary>
    public FrozenDictionary<string, EvidenceSlot> Slots { get; } =
        Criteria.SelectMany(c => c.Slots).ToFrozenDictionary(s => s.Key, StringComparer.Ordinal);
}

/// <summary>
/// Everything scoring needs, and nothing of the syntax it came from: lines and their criteria, sections, the
/// rounding, and the size of an <see cref="EvidenceRow"/>. Immutable, so one instance serves every thread.
/// </summary>
internal sealed record CompiledRubric(
    string Id,
    string Title,
    ImmutableArray<RubricSection> Sections,
    ImmutableArray<CompiledLine> Lines,
    int Decimals,
    MidpointRounding Rounding,
    int SlotCount,
    string? Version,
    DateOnly? Effective)
{
    public FrozenDictionary<string, CompiledLine> LinesById { get; } = Lines.ToFrozenDictionary(l => l.Info.Id, StringComparer.Ordinal);

    /// <summary>The unit types (<c>unit_types</c>), in rubric order; empty when the rubric declares none.</summary>
    public ImmutableArray<RubricUnitType> UnitTypes { get; init; } = [];

    /// <summary>Vetoes and grades, or null when the rubric declares neither: the total is then base plus bonus.</summary>
    public TotalRules? TotalRules { get; init; }
}
