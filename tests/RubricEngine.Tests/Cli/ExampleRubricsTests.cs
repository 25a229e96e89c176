using System.Text.Json;
using RubricEngine.Tests.Golden;
using RubricEngine.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace RubricEngine.Tests.Cli;

/// <summary>
/// The "Done when" lines of issue 13, proven through the tool as staff run it: <c>rubric check rubrics/examples/*.yaml</c>
/// exits 0 without a warning, every example has its evidence under samples/examples/ and that evidence scores through
/// <c>rubric score --format json</c> to the total calculated by hand; and the golden cases reach every grade and every
/// veto effect the examples declare.
/// </summary>
[NonParallelizable]
public sealed class ExampleRubricsTests
{
    private const string Examples = "rubrics/examples";

    /// <summary>Each sample's total, calculated by hand from its rubric (the arithmetic beside it).</summary>
    private static readonly Dictionary<string, (decimal Total, string? Grade, string[] Vetoes)> SampleTotals = new()
    {
        // 30 − 26 = 4 场 × 0.167 = 0.668, 5 − 0.668 = 4.332 → 4.33; 10 − 8 = 2 人 × 0.5 = 1, 5 − 1 = 4; 4.33 + 4 = 8.33
        ["quota-shortfall"] = (8.33m, null, []),
        // 开发区: 4 − 3 = 1 人 × 1.25 = 1.25; 5 − 1.25 = 3.75
        ["quota-by-unit-type"] = (3.75m, null, []),
        // 80% − 76% = 4 个百分点 × 1 = 4; 8 − 4 = 4
        ["percent-below-target"] = (4m, null, []),
        // 100% − 85% = 15 → 3 steps of 5% × 0.5 = 1.5; 2 − 1.5 = 0.5
        ["percent-step-deduction"] = (0.5m, null, []),
        // 经费 not in place → 0
        ["all-conditions-or-nothing"] = (0m, null, []),
        // 4 conditions met → B: 15 × 66% = 9.9
        ["grade-from-conditions"] = (9.9m, null, []),
        // 87.5% → B 15 × 66% = 9.9; 96% → A 15; 9.9 + 15 = 24.9
        ["grade-from-survey-share"] = (24.9m, null, []),
        // 175.5 小时 in 150–200 → 40
        ["bands-volunteer-hours"] = (40m, null, []),
        // 36 + (60 − 1 × 5 = 55) = 91, then 一票否决 (zero) → 0
        ["veto-major-accident"] = (0m, null, ["major_accident"]),
        // 10 + bonus (3 × 0.5 = 1.5 − 1 × 0.5 = 0.5 → 1) = 11
        ["signed-points-per-case"] = (11m, null, []),
        // 5 + bonus (8 − 5 = 3 × 0.5 = 1.5) = 6.5
        ["bonus-above-threshold"] = (6.5m, null, []),
        // 县级 1 + 市级 2 = 3; bonus 白龙村 max(AA 1, AAA 2) = 2 + 清水村 A 0.5 = 2.5; 3 + 2.5 = 5.5
        ["tier-by-level-once-per-item"] = (5.5m, null, []),
        // 8.5 + bonus 不合格 −1.5 = 7
        ["third-party-grade"] = (7m, null, []),
        // 省 综合报道 5 + 市 头版 8 + 市 其他 3 = 16
        ["two-dimensional-media"] = (16m, null, []),
        // 30 + (20 − 1 × 4 = 16) + (20 − (100% − 98%) × 1 = 18) + (3 drills → 20) = 84 → 良好 (80 ≤ 84 < 90)
        ["school-safety-inspection"] = (84m, "good", []),
    };

    private static IEnumerable<string> ExampleNames() =>
        Directory.GetFiles(Repo.PathOf(Examples), "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal);

    [Test]
    public void There_are_at_least_ten_examples_each_with_a_sample_and_a_hand_total()
    {
        var names = ExampleNames().ToList();
        names.Should().HaveCountGreaterThanOrEqualTo(10);
        names.Should().BeEquivalentTo(SampleTotals.Keys, "every example has a sample whose total this test knows");
        foreach (var name in names)
        {
            File.Exists(Repo.PathOf($"samples/examples/{name}.yaml")).Should().BeTrue($"samples/examples/{name}.yaml is the evidence of {name}");
        }
    }

    [Test]
    public void Check_accepts_every_example_without_a_warning()
    {
        // `rubric check rubrics/examples/*.yaml` as a shell runs it: the shell expands the pattern (check takes files).
        var (exit, output, error) = CliRunner.Run(["check", .. ExampleNames().Select(name => $"{Examples}/{name}.yaml")]);
        exit.Should().Be(0, output + error);
        error.Should().BeEmpty();
        output.Should().NotContain(": warning ").And.NotContain(": error ");
        foreach (var name in ExampleNames())
        {
            output.Should().Contain($"{Examples}/{name}.yaml: rubric '{name.Replace('-', '_')}'", "each example is checked and its id follows its file name");
        }
    }

    private static IEnumerable<string> Samples() => SampleTotals.Keys.Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Samples))]
    public void Each_sample_scores_as_json_to_its_hand_total(string name)
    {
        var (exit, output, error) = CliRunner.Run("score", "--rubric", $"{Examples}/{name}.yaml", $"samples/examples/{name}.yaml", "--format", "json");
        exit.Should().Be(0, output + error);
        using var json = JsonDocument.Parse(output);
        var card = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement[0] : json.RootElement;
        var (total, grade, vetoes) = SampleTotals[name];
        card.GetProperty("rubric").GetString().Should().Be(name.Replace('-', '_'));
        card.GetProperty("total").GetDecimal().Should().Be(total);
        card.GetProperty("warnings").GetArrayLength().Should().Be(0, "a sample gives every key its rubric asks for");
        // A card carries 'vetoes' and 'grade' only when its rubric declares them (the county cards stay as they were).
        var applied = card.TryGetProperty("vetoes", out var list) ? list.EnumerateArray().Select(v => v.GetProperty("key").GetString()).ToList() : [];
        applied.Should().BeEquivalentTo(vetoes);
        var gradeId = card.TryGetProperty("grade", out var g) && g.ValueKind == JsonValueKind.Object ? g.GetProperty("id").GetString() : null;
        gradeId.Should().Be(grade);
    }

    private static IEnumerable<string> RubricsWithGradesOrVetoes() =>
        ExampleNames().Where(n => Root(n).Children.ContainsKey(new YamlScalarNode("grades")) || Root(n).Children.ContainsKey(new YamlScalarNode("vetoes")));

    /// <summary>Every grade of an example's total is some golden case's grade; every veto is applied by some case, and some case applies none.</summary>
    [TestCaseSource(nameof(RubricsWithGradesOrVetoes))]
    public void The_golden_cases_reach_every_grade_and_every_veto(string name)
    {
        var root = Root(name);
        var id = name.Replace('-', '_');
        var expected = GoldenCase.All().Where(c => c.RubricId == id).Select(c => c.ReadExpected()).ToList();
        expected.Should().NotBeEmpty();

        foreach (var grade in Ids(root, "grades", "id"))
        {
            expected.Should().Contain(e => e.Grade == grade, $"some golden case of {name} is graded '{grade}'");
        }

        var vetoes = Ids(root, "vetoes", "key").ToList();
        foreach (var veto in vetoes)
        {
            expected.Should().Contain(e => e.Vetoes != null && e.Vetoes.Contains(veto), $"some golden case of {name} applies the veto '{veto}'");
        }

        if (vetoes.Count > 0)
        {
            expected.Should().Contain(e => e.Vetoes != null && e.Vetoes.Count == 0, $"some golden case of {name} applies no veto");
        }
    }

    [Test]
    public void The_examples_declare_every_veto_effect()
    {
        var effects = ExampleNames().SelectMany(n => Entries(Root(n), "vetoes"))
            .Select(v => ((YamlScalarNode)v.Children[new YamlScalarNode("effect")]).Value)
            .Distinct().Order(StringComparer.Ordinal);
        effects.Should().Equal(["cap", "lowest_grade", "zero"], "the examples declare each effect the design has");
    }

    private static YamlMappingNode Root(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Repo.Read($"{Examples}/{name}.yaml")));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Entries(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var list) ? ((YamlSequenceNode)list).Children.Cast<YamlMappingNode>() : [];

    private static IEnumerable<string> Ids(YamlMappingNode root, string list, string key) =>
        Entries(root, list).Select(e => ((YamlScalarNode)e.Children[new YamlScalarNode(key)]).Value!);
}
