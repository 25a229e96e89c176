using RubricEngine.Compilation;
using RubricEngine.Runtime;

namespace RubricEngine.Tests.Compilation;

/// <summary>The wrapper that scores evidence not given as 0, asked for a reason on its own (as a caller of Explain does).</summary>
public sealed class GivenEvidenceRuntimeTests
{
    /// <summary>A runtime that says what it was asked, so that a test sees whether the wrapper passed the call on.</summary>
    private sealed class Echo : CriterionRuntime
    {
        public override decimal Score(EvidenceRow row) => row[new NumberSlot(0)];

        public override string Explain(EvidenceRow row, decimal score) => "读到 " + RubricEngine.Numbers.Format(score);
    }

    [Test]
    public void Explains_evidence_not_given_as_zero_and_passes_given_evidence_on()
    {
        var runtime = new GivenEvidenceRuntime(new Echo(), [0]);
        var row = new EvidenceRow(1);

        runtime.Explain(row, 0m).Should().Be("未提供，0 分");

        row.SetNumber(0, 3m);
        runtime.Explain(row, 3m).Should().Be("读到 3");
    }
}
