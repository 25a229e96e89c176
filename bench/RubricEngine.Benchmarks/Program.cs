using RubricEngine.Benchmarks.Baselines;
using RubricEngine.Benchmarks.RulesEngineBaseline;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

// Before anything is measured, the baselines must compute what the engine computes: a benchmark of unlike
// work proves nothing. The hand-written scorer is proven equal in the test suite; RulesEngine is checked here.
var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
var evidence = yaml.Deserialize<VillageEvidence>(File.ReadAllText(Path.Combine(FindRoot(), "samples/village-bailong.yaml")));
var handWritten = HandWrittenVillage.Numbers(evidence);
var rulesEngine = await new RulesEngineVillage().NumbersAsync(VillageFacts.From(evidence));
if (!handWritten.SameAs(rulesEngine))
{
    Console.Error.WriteLine($"RulesEngine baseline disagrees: {rulesEngine.Total} against {handWritten.Total}");
    return 1;
}

Console.WriteLine($"baselines agree on samples/village-bailong.yaml: total {handWritten.Total}");
return 0;

static string FindRoot()
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
