using BenchmarkDotNet.Attributes;
using RubricEngine.Benchmarks.Baselines;

namespace RubricEngine.Benchmarks;

/// <summary>Every path, with a baseline beside it in the same class, for BenchmarkDotNet's table with allocations.</summary>
[MemoryDiagnoser]
public class Paths
{
    private readonly Workload work = new();

    [Benchmark(Description = "numbers: engine, into a reused buffer")]
    public decimal Numbers() => work.EngineNumbers();

    [Benchmark(Description = "numbers: engine, as a ScoreNumbers record")]
    public ScoreNumbers NumbersRecord() => work.EngineNumbersRecord();

    [Benchmark(Description = "numbers: hand-written", Baseline = true)]
    public VillageNumbers HandNumbers() => work.HandNumbers();

    [Benchmark(Description = "numbers: Microsoft RulesEngine")]
    public VillageNumbers RulesEngineNumbers() => work.RulesEngineNumbers();

    [Benchmark(Description = "card: engine")]
    public ScoreCard Card() => work.EngineCard();

    [Benchmark(Description = "card: hand-written")]
    public ScoreCard HandCard() => work.HandCard();

    [Benchmark(Description = "YAML text → card: engine")]
    public ScoreCard YamlToCard() => work.EngineYamlToCard();

    [Benchmark(Description = "YAML text → card: YamlDotNet + hand-written")]
    public ScoreCard HandYamlToCard() => work.HandYamlToCard();

    [Benchmark(Description = "JSON text → card: engine")]
    public ScoreCard JsonToCard() => work.EngineJsonToCard();

    [Benchmark(Description = "rubric load + check + compile")]
    public Rubric Load() => work.EngineLoad();

    [Benchmark(Description = "card → JSON text")]
    public string Json() => work.EngineJson();
}
