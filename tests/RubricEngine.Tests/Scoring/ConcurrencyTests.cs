using FsCheck.Fluent;
using RubricEngine.Reporting;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Scoring;

/// <summary>A compiled rubric is shared across threads: scoring in parallel must give exactly the sequential results.</summary>
public sealed class ConcurrencyTests
{
    [Test]
    public void Ten_thousand_evidence_sets_score_the_same_in_parallel_as_in_sequence()
    {
        var rubric = Repo.Rubric("village");
        var texts = RandomEvidence.For(rubric).Sample(10_000, size: 20).Select((e, i) => e.ToYaml(i)).ToArray();

        var sequential = texts.Select(t => Json(rubric, t)).ToArray();
        var parallel = new string[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => parallel[i] = Json(rubric, texts[i]));

        parallel.Should().Equal(sequential);
        sequential.Distinct().Count().Should().BeGreaterThan(100, "the evidence sets differ, so the check compares real work");
    }

    private static string Json(Rubric rubric, string text)
    {
        rubric.TryScoreText(text, "generated.yaml", out var card, out var diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
        return ScoreCardJson.Write(card!);
    }
}
