using RubricEngine.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace RubricEngine.Tests.Golden;

/// <summary>
/// A golden case: a folder under Golden/Cases with <c>evidence.yaml</c> (what the inspector found) and
/// <c>expected.yaml</c> (every line's score, the bonuses and the totals, calculated by hand from the
/// catalogue with the arithmetic beside each number). Adding a case adds a folder, not code.
/// </summary>
public sealed record GoldenCase(string Name)
{
    public const string Folder = "tests/RubricEngine.Tests/Golden/Cases";

    public string EvidenceFile => $"{Folder}/{Name}/evidence.yaml";

    public string ExpectedFile => $"{Folder}/{Name}/expected.yaml";

    public static IEnumerable<GoldenCase> All() =>
        Directory.GetDirectories(Repo.PathOf(Folder)).Select(d => new GoldenCase(Path.GetFileName(d))).OrderBy(c => c.Name, StringComparer.Ordinal);

    public override string ToString() => Name;

    public string RubricId => Scalar(Load(EvidenceFile), "rubric");

    public Expected ReadExpected()
    {
        var root = Load(ExpectedFile);
        var lines = ((YamlMappingNode)root.Children[new YamlScalarNode("lines")]).Children
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => Number(e.Value));
        var bonuses = root.Children.TryGetValue(new YamlScalarNode("bonuses"), out var b) && b is YamlMappingNode map
            ? map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => Number(e.Value))
            : [];
        return new Expected(lines, bonuses, Number(root.Children[new YamlScalarNode("base_total")]),
            Number(root.Children[new YamlScalarNode("bonus_total")]), Number(root.Children[new YamlScalarNode("total")]));
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Repo.Read(file)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static decimal Number(YamlNode node) =>
        decimal.Parse(((YamlScalarNode)node).Value!, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record Expected(
    IReadOnlyDictionary<string, decimal> Lines,
    IReadOnlyDictionary<string, decimal> Bonuses,
    decimal BaseTotal,
    decimal BonusTotal,
    decimal Total);
