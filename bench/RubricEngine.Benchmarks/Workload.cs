using System.Text.Json;
using RubricEngine.Benchmarks.Baselines;
using RubricEngine.Benchmarks.RulesEngineBaseline;
using RubricEngine.Evidence;
using RubricEngine.Loading;
using RubricEngine.Diagnostics;
using RubricEngine.Reporting;
using RubricEngine.Runtime;
using RubricEngine.Scoring;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RubricEngine.Benchmarks;

/// <summary>
/// One village unit's evidence, prepared every way the paths need it, and each path as a method: the engine's and
/// the baselines'. The BenchmarkDotNet classes and the interleaved ratio runner both call these, so that both
/// measure the same work. Before anything is measured, <see cref="Verify"/> proves the paths agree.
/// </summary>
public sealed class Workload
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    public Workload()
    {
        Root = FindRoot();
        RubricText = File.ReadAllText(Path.Combine(Root, "rubrics/village.yaml"));
        EvidenceYaml = File.ReadAllText(Path.Combine(Root, "samples/village-bailong.yaml"));
        if (!Rubric.TryLoadText(RubricText, "rubrics/village.yaml", out var rubric, out var diagnostics))
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, diagnostics));
        }

        Rubric = rubric;
        EvidenceJson = ToJson(EvidenceYaml);
        Typed = Yaml.Deserialize<VillageEvidence>(EvidenceYaml);
        Facts = VillageFacts.From(Typed);
        var found = new List<Diagnostic>();
        Read = EvidenceReader.Read(TreeReader.Read(EvidenceYaml, "e.yaml", rubric.Limits, found)!, "e.yaml",
            new EvidenceTarget(rubric.Id, rubric.Version), rubric.Compiled, rubric.Limits, found)!;
        Card = Scorer.Card(rubric.Compiled, Read);
    }

    public string Root { get; }
    public string RubricText { get; }
    public string EvidenceYaml { get; }
    public string EvidenceJson { get; }
    public Rubric Rubric { get; }
    public VillageEvidence Typed { get; }
    public VillageFacts Facts { get; }
    internal EvidenceSet Read { get; }
    public ScoreCard Card { get; }
    public RulesEngineVillage RulesEngine { get; } = new();

    // ---- the engine ----
    private readonly LineNumbers[] lineBuffer = new LineNumbers[12];

    /// <summary>The numbers path as a service scoring many units runs it: into one reused buffer, allocating nothing.</summary>
    public decimal EngineNumbers() => Scorer.Numbers(Rubric.Compiled, Read.Row, lineBuffer).BaseTotal;

    /// <summary>The numbers path behind the public <see cref="ScoreNumbers"/> record: one array and one object per unit.</summary>
    public ScoreNumbers EngineNumbersRecord() => Scorer.Numbers(Rubric.Compiled, Read.Unit, Read.Row);

    public ScoreCard EngineCard() => Scorer.Card(Rubric.Compiled, Read);

    public ScoreCard EngineYamlToCard() => Rubric.TryScoreText(EvidenceYaml, "e.yaml", out var card, out _) ? card : throw new InvalidOperationException();

    public ScoreCard EngineJsonToCard() => Rubric.TryScoreText(EvidenceJson, "e.json", out var card, out _) ? card : throw new InvalidOperationException();

    public Rubric EngineLoad() => Rubric.TryLoadText(RubricText, "rubrics/village.yaml", out var rubric, out _) ? rubric : throw new InvalidOperationException();

    public string EngineJson() => ScoreCardJson.Write(Card);

    // ---- the baselines ----
    public VillageNumbers HandNumbers() => HandWrittenVillage.Numbers(Typed);

    public ScoreCard HandCard() => HandWrittenVillage.Card(Typed);

    public ScoreCard HandYamlToCard() => HandWrittenVillage.Card(Yaml.Deserialize<VillageEvidence>(EvidenceYaml));

    public VillageNumbers RulesEngineNumbers() => RulesEngine.NumbersAsync(Facts).GetAwaiter().GetResult();

    /// <summary>Every path gives the same scores, and the hand-written card the same JSON: else the comparison is void.</summary>
    public void Verify()
    {
        var hand = HandNumbers();
        var engine = EngineNumbersRecord();
        if (!hand.SameAs(RulesEngineNumbers()) || engine.Total != hand.Total
            || engine.Lines.Select(l => l.Score).Where((s, i) => s != hand.Lines[i]).Any())
        {
            throw new InvalidOperationException("the numbers paths disagree");
        }

        var json = ScoreCardJson.Write(EngineCard());
        if (ScoreCardJson.Write(HandCard()) != json || ScoreCardJson.Write(HandYamlToCard()) != json
            || ScoreCardJson.Write(EngineYamlToCard()) != json || ScoreCardJson.Write(EngineJsonToCard()) != json)
        {
            throw new InvalidOperationException("the cards disagree");
        }
    }

    private static string ToJson(string yaml)
    {
        var tree = new DeserializerBuilder().Build().Deserialize<object>(yaml);
        return JsonSerializer.Serialize(Normalise(tree));

        // YamlDotNet's untyped tree holds every scalar as text: turn numbers and booleans back into JSON's own.
        static object? Normalise(object? node) => node switch
        {
            Dictionary<object, object> map => map.ToDictionary(e => (string)e.Key, e => Normalise(e.Value)),
            List<object> list => list.Select(Normalise).ToList(),
            "true" => true,
            "false" => false,
            string text when decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
            _ => node,
        };
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RubricEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RubricEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
