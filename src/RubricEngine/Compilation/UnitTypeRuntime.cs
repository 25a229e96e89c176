using RubricEngine.Diagnostics;
using RubricEngine.Runtime;

namespace RubricEngine.Compilation;

/// <summary>
/// A criterion with a rule per unit type (<c>rules:</c>): the unit's type, read from its evidence into the row,
/// picks the variant. Every variant reads the same slots, so the evidence is checked the same way whatever the type.
/// </summary>
/// <param name="variants">One runtime per unit type, in the order of the rubric's <c>unit_types</c>.</param>
internal sealed class UnitTypeRuntime(CriterionRuntime[] variants) : CriterionRuntime
{
    public override decimal Score(EvidenceRow row) => variants[row.UnitType].Score(row);

    public override string Explain(EvidenceRow row, decimal score) => variants[row.UnitType].Explain(row, score);

    public override Outcome Evaluate(EvidenceRow row) => variants[row.UnitType].Evaluate(row);

    public override (int SlotPosition, MessageText Message)? Check(EvidenceRow row) => variants[row.UnitType].Check(row);
}
