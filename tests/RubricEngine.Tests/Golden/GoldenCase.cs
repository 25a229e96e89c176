using RubricEngine.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace RubricEngine.Tests.Golden;

/// <summary>
/// A golden case: a folder under Golden/Cases with <c>evidence.yaml</c> (what the inspector found) and
/// <c>expected.yaml</c> (every line's score, the bonuses and the totals, calculated by hand from the
/// catalogue with the arithmetic beside each number). Adding a case adds a folder, not code.
/// The evidence's <c>rubric:</c> id names the rubric: a shipped one (<c>rubrics/&lt;id&gt;.yaml</c>), or else an example
/// (<c>rubrics/examples/&lt;id with '-' for '_'&gt;.yaml</c>, the file named after what it shows). Where the rubric has them,
/// <c>expected.yaml</c> also gives <c>unit_type</c>, <c>grade</c> (a grade id, or <c>~</c> for none) and <c>vetoes</c> (the keys
/// of the vetoes applied, <c>[]</c> for none); a key left out is not asserted.
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

    /// <summary>The rubric file the case is scored with, by its repository path.</summary>
    public string RubricFile => RubricFileOf(RubricId);

    /// <summary>A shipped rubric's file, or else the example rubric's: the file is named after the id, with '-' for '_'.</summary>
    public static string RubricFileOf(string rubricId) =>
        File.Exists(Repo.PathOf($"rubrics/{rubricId}.yaml")) ? $"rubrics/{rubricId}.yaml" : $"rubrics/examples/{rubricId.Replace('_', '-')}.yaml";

    public Expected ReadExpected()
    {
        var root = Load(ExpectedFile);
        var lines = ((YamlMappingNode)root.Children[new YamlScalarNode("lines")]).Children
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => Number(e.Value));
        var bonuses = root.Children.TryGetValue(new YamlScalarNode("bonuses"), out var b) && b is YamlMappingNode map
            ? map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => Number(e.Value))
            : [];
        return new Expected(lines, bonuses, Number(root.Children[new YamlScalarNode("base_total")]),
            Number(root.Children[new YamlScalarNode("bonus_total")]), Number(root.Children[new YamlScalarNode("total")]))
        {
            UnitType = Optional(root, "unit_type"),
            Grade = Optional(root, "grade"),
            Vetoes = root.Children.TryGetValue(new YamlScalarNode("vetoes"), out var v)
                ? [.. ((YamlSequenceNode)v).Children.Select(k => ((YamlScalarNode)k).Value!)]
                : null,
        };
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Repo.Read(file)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>Absent: not asserted (<c>null</c>); <c>~</c>: asserted to be JSON null (<see cref="ExpectedNull"/>).</summary>
    private static string? Optional(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? ((YamlScalarNode)value).Value is { Length: > 0 } text and not "~" and not "null" ? text : ExpectedNull
            : null;

    /// <summary>What <c>expected.yaml</c> writes as <c>~</c>: the card must carry JSON null there.</summary>
    public const string ExpectedNull = "(null)";

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static decimal Number(YamlNode node) =>
        decimal.Parse(((YamlScalarNode)node).Value!, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record Expected(
    IReadOnlyDictionary<string, decimal> Lines,
    IReadOnlyDictionary<string, decimal> Bonuses,
    decimal BaseTotal,
    decimal BonusTotal,
    decimal Total)
{
    /// <summary>The unit type id the card must name, <see cref="GoldenCase.ExpectedNull"/>, or null when not asserted.</summary>
    public string? UnitType { get; init; }

    /// <summary>The grade id the card must carry, <see cref="GoldenCase.ExpectedNull"/>, or null when not asserted.</summary>
    public string? Grade { get; init; }

    /// <summary>The keys of the vetoes the card must list (in any order), or null when not asserted.</summary>
    public IReadOnlyList<string>? Vetoes { get; init; }
}
