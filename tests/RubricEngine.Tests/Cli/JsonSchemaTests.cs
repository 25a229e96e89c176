using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Cli;

/// <summary>
/// <c>rubric schema</c>: every shipped rubric and sample passes its schema (as an editor would check it with
/// JsonSchema.Net's reading of draft 2020-12), and a mistyped key fails it.
/// </summary>
[NonParallelizable] // the CLI runs from the repository root
public sealed class JsonSchemaTests
{
    private static readonly string[] Rubrics = ["rubrics/platform.yaml", "rubrics/town.yaml", "rubrics/village.yaml"];

    private static JsonSchema Schema(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(["schema", .. args]);
        exit.Should().Be(0, error);
        return JsonSchema.FromText(output);
    }

    private static EvaluationResults Evaluate(JsonSchema schema, JsonNode? document)
    {
        using var json = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        return schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Test]
    public void Every_shipped_rubric_passes_the_rubric_schema()
    {
        var schema = Schema("rubric");
        foreach (var rubric in Rubrics)
        {
            var results = Evaluate(schema, YamlAsJson.Read(Repo.PathOf(rubric)));
            results.IsValid.Should().BeTrue($"{rubric}: {Errors(results)}");
        }
    }

    [Test]
    public void A_mistyped_key_in_a_rubric_fails_the_rubric_schema()
    {
        var rubric = YamlAsJson.Read(Repo.PathOf("rubrics/village.yaml"))!.AsObject();
        var criterion = rubric["lines"]![0]!["criteria"]![0]!.AsObject();
        criterion["lable"] = criterion["label"]!.DeepClone();
        criterion.Remove("label");
        Evaluate(Schema("rubric"), rubric).IsValid.Should().BeFalse();
    }

    private const string Measures = """
        id: measures
        title: 测试
        source: 测试
        total: 15
        levels: [{ id: county, label: 县级 }]
        sections: [{ name: 测试, points: 15 }]
        lines:
          - id: talks
            section: 测试
            content: 宣讲
            points: 15
            check: 查看
            standard: 不少于30场，每少1场扣0.167分
            criteria:
              - { key: held, label: 宣讲场次, points: 5, unit: 场, rule: 'per_item(-0.167) of 30 floor 0' }
              - { key: rate, label: 体检率, points: 2, rule: 'per_percent(-0.5) of 100% per 5% floor 0' }
              - { key: stars, label: 星级, points: 3, rule: 'tiered(0.5, 1, 2) max_per_item cap 3', levels: [{ id: a, label: A }, { id: aa, label: AA }, { id: aaa, label: AAA }] }
              - { key: missing, label: 机构人员经费, points: 5, rule: 'all_of(5)', items: [{ id: funding, label: 经费 }] }
        """;

    [Test]
    public void A_rubric_with_units_criterion_levels_and_percentages_passes_the_schemas()
    {
        var file = Path.Combine(Path.GetTempPath(), $"measures-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(file, Measures);
            var results = Evaluate(Schema("rubric"), YamlAsJson.Read(file));
            results.IsValid.Should().BeTrue(Errors(results));

            var evidence = Schema("evidence", "--rubric", file);
            var good = JsonNode.Parse("""{ "rubric": "measures", "unit": "甲", "lines": { "talks": { "held": 26, "rate": "85%", "stars": [], "missing": [] } } }""");
            Evaluate(evidence, good).IsValid.Should().BeTrue(Errors(Evaluate(evidence, good)));
            var bare = JsonNode.Parse("""{ "rubric": "measures", "unit": "甲", "lines": { "talks": { "rate": 85 } } }""");
            Evaluate(evidence, bare).IsValid.Should().BeFalse("a percentage is written with its % sign, as the reader demands");
            var unit = YamlAsJson.Read(file)!.AsObject();
            unit["lines"]![0]!["criteria"]![0]!["unit"] = 3;
            Evaluate(Schema("rubric"), unit).IsValid.Should().BeFalse("a unit is a word");
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static IEnumerable<TestCaseData> Samples() =>
    [
        new TestCaseData("rubrics/village.yaml", "samples/village-bailong.yaml"),
        new TestCaseData("rubrics/village.yaml", "samples/village-qingshui.yaml"),
        new TestCaseData("rubrics/town.yaml", "samples/town-yanghe.yaml"),
        new TestCaseData("rubrics/platform.yaml", "samples/platform-culture.json"),
    ];

    [TestCaseSource(nameof(Samples))]
    public void Every_sample_passes_its_rubrics_evidence_schema(string rubric, string sample)
    {
        var schema = Schema("evidence", "--rubric", rubric);
        var document = sample.EndsWith(".json", StringComparison.Ordinal)
            ? JsonNode.Parse(File.ReadAllText(Repo.PathOf(sample)))
            : YamlAsJson.Read(Repo.PathOf(sample));
        var results = Evaluate(schema, document);
        results.IsValid.Should().BeTrue(Errors(results));
    }

    [Test]
    public void The_blank_template_passes_the_evidence_schema()
    {
        var file = Path.Combine(Path.GetTempPath(), $"template-{Guid.NewGuid():N}.yaml");
        try
        {
            CliRunner.Run("template", "--rubric", "rubrics/village.yaml", "--out", file).Exit.Should().Be(0);
            File.ReadLines(file).First().Should().Be("# yaml-language-server: $schema=village-evidence.schema.json");
            var results = Evaluate(Schema("evidence", "--rubric", "rubrics/village.yaml"), YamlAsJson.Read(file));
            results.IsValid.Should().BeTrue(Errors(results));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("leading_grop", "true")]          // a misspelt key
    [TestCase("leading_group", "\"yes\"")]      // text where true or false belongs
    public void A_mistyped_evidence_value_or_key_fails_the_evidence_schema(string key, string value)
    {
        var sample = YamlAsJson.Read(Repo.PathOf("samples/village-bailong.yaml"))!.AsObject();
        var organization = sample["lines"]!["organization"]!.AsObject();
        organization.Remove("leading_group");
        organization[key] = JsonNode.Parse(value);
        Evaluate(Schema("evidence", "--rubric", "rubrics/village.yaml"), sample).IsValid.Should().BeFalse();
    }

    [Test]
    public void Out_of_range_values_and_unknown_items_fail_the_evidence_schema()
    {
        var schema = Schema("evidence", "--rubric", "rubrics/village.yaml");
        var sample = YamlAsJson.Read(Repo.PathOf("samples/village-bailong.yaml"))!.AsObject();
        sample["lines"]!["activity_plan"]!["plan_quality"] = 4;                 // judged 0 to 3
        Evaluate(schema, sample).IsValid.Should().BeFalse();

        sample = YamlAsJson.Read(Repo.PathOf("samples/village-bailong.yaml"))!.AsObject();
        sample["lines"]!["rules"]!["missing"] = new JsonArray("duty");         // the item id is duties
        Evaluate(schema, sample).IsValid.Should().BeFalse();
    }
}
