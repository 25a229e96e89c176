using RubricEngine.Evidence;
using RubricEngine.Loading;
using RubricEngine.Reporting;
using RubricEngine.Scoring;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Scoring;

/// <summary>The numbers path (scores without text) gives exactly the card's numbers, sign bit included.</summary>
public sealed class NumbersPathTests
{
    private const string Rubric = """
        id: test
        title: 测试细则
        source: 测试
        total: 2
        sections: [{ name: 测试, points: 2 }]
        lines:
          - id: only
            section: 测试
            content: 内容
            points: 2
            check: 查看
            standard: 标准
            criteria:
              - { key: cut, label: 酌情扣分, points: 0, rule: 'deduction()' }
              - { key: done, label: 已落实, points: 2, rule: 'present(2)' }
        """;

    [Test]
    public void A_line_that_sums_to_zero_through_a_deduction_scores_a_plain_zero()
    {
        // -2 (deduction) + 2 (present) = 0: decimal arithmetic can leave the sign bit of such a zero set.
        var rubric = EvidenceText.Compile(Rubric);
        const string evidence = "rubric: test\nunit: 测试村\nlines:\n  only: { cut: 2, done: true }\n";
        rubric.TryScoreText(evidence, "e.yaml", out var card, out _).Should().BeTrue();
        var numbers = Numbers(rubric, evidence);

        card!.Lines[0].Score.Should().Be(0m);
        decimal.IsNegative(card.Lines[0].Score).Should().BeFalse();
        numbers.Lines[0].Score.Should().Be(0m);
        decimal.IsNegative(numbers.Lines[0].Score).Should().BeFalse("the numbers path must give the card's 0, not -0");
        ScoreText.Format(numbers.Lines[0].Score).Should().Be("0");
    }

    [Test]
    public void The_numbers_path_needs_one_buffer_entry_per_line()
    {
        var rubric = EvidenceText.Compile(Rubric);
        var read = Read(rubric, "rubric: test\nunit: 测试村\nlines:\n  only: { done: true }\n");
        var tooShort = () => Scorer.Numbers(rubric.Compiled, read.Row, new LineNumbers[0]);
        tooShort.Should().Throw<ArgumentException>().WithMessage("the buffer needs one entry per line: 1, not 0*");
        var lines = new LineNumbers[1];
        Scorer.Numbers(rubric.Compiled, read.Row, lines).BaseTotal.Should().Be(2m); // present(2) given, nothing deducted
        lines[0].Id.Should().Be("only");
    }

    private static ScoreNumbers Numbers(Rubric rubric, string evidence)
    {
        var read = Read(rubric, evidence);
        return Scorer.Numbers(rubric.Compiled, read.Unit, read.Row);
    }

    private static Runtime.EvidenceSet Read(Rubric rubric, string evidence)
    {
        var found = new List<Diagnostics.Diagnostic>();
        var tree = TreeReader.Read(evidence, "e.yaml", rubric.Limits, found)!;
        return EvidenceReader.Read(tree, "e.yaml", new EvidenceTarget(rubric.Id, rubric.Version), rubric.Compiled, rubric.Limits, found)!;
    }
}
