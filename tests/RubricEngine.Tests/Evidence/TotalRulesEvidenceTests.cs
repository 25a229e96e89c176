using System.Text.Json;
using RubricEngine.Reporting;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Evidence;

/// <summary>
/// The evidence's <c>unit_type</c> and <c>vetoes</c>: required, forbidden, unknown and misspelt values are errors at
/// their place with a suggestion; a file with any of them scores nothing. And the card's JSON gains only fields.
/// </summary>
public sealed class TotalRulesEvidenceTests
{
    private static readonly Rubric Graded = EvidenceText.Compile(TotalRulesText.Rubric());

    private static Diagnostics.Diagnostic OnlyError(Rubric rubric, string evidence) =>
        EvidenceText.Errors(rubric, evidence).Where(d => d.IsError).Should().ContainSingle().Subject;

    [Test]
    public void A_rubric_with_unit_types_needs_the_unit_type()
    {
        OnlyError(Graded, TotalRulesText.Evidence(80, false, 1, top: "")).ToString().Should().Be(
            "e.yaml(1,1): error RE0011: rubric 'test' scores by unit type: add 'unit_type:' with one of 'district' (区), 'zone' (开发区)");
    }

    [Test]
    public void An_unknown_unit_type_is_refused_with_a_suggestion()
    {
        // Line 3: "unit_type: zon", the value at column 12.
        OnlyError(Graded, TotalRulesText.Evidence(80, false, 1, top: "unit_type: zon")).ToString().Should().Be(
            "e.yaml(3,12): error RE0306: unknown unit type 'zon'; did you mean 'zone'?; the unit types are district, zone");
    }

    [Test]
    public void A_unit_type_written_by_its_label_is_told_its_id()
    {
        OnlyError(Graded, TotalRulesText.Evidence(80, false, 1, top: "unit_type: 开发区")).Message.Should().Be(
            "unknown unit type '开发区'; write 'zone' for 开发区; the unit types are district, zone");
    }

    [Test]
    public void A_rubric_without_unit_types_or_vetoes_refuses_them()
    {
        var plain = EvidenceText.Compile(TotalRulesText.Rubric("", "rule: per_item(1) cap 5"));
        OnlyError(plain, TotalRulesText.Evidence(80, false, 1, top: "unit_type: zone")).ToString().Should().Be(
            "e.yaml(3,1): error RE0010: rubric 'test' declares no unit types; remove 'unit_type'");
        OnlyError(plain, TotalRulesText.Evidence(80, false, 1, top: "vetoes: { fraud: true }")).ToString().Should().Be(
            "e.yaml(3,1): error RE0010: rubric 'test' declares no vetoes; remove 'vetoes'");
    }

    [Test]
    public void An_unknown_veto_key_is_refused_with_a_suggestion()
    {
        // Line 4: "vetoes: { major_acident: true }", the key at column 11.
        OnlyError(Graded, TotalRulesText.Evidence(80, false, 1, top: "unit_type: zone\nvetoes: { major_acident: true }")).ToString().Should().Be(
            "e.yaml(4,11): error RE0302: rubric 'test' has no veto 'major_acident'; did you mean 'major_accident'?; its vetoes are major_accident, late_report, late_twice, fraud");
    }

    [Test]
    public void A_veto_flag_must_be_true_or_false()
    {
        var error = OnlyError(Graded, TotalRulesText.Evidence(80, false, 1, top: "unit_type: zone\nvetoes: { fraud: 是 }"));
        error.Code.Should().Be("RE0012");
        error.Span.ToString().Should().Be("e.yaml(4,18)");
        error.Message.Should().Contain("'vetoes.fraud'");
    }

    [Test]
    public void Vetoes_must_be_a_mapping()
    {
        OnlyError(Graded, TotalRulesText.Evidence(80, false, 1, top: "unit_type: zone\nvetoes: [fraud]")).Code.Should().Be("RE0012");
    }

    [Test]
    public void Evidence_built_in_code_carries_the_unit_type_and_the_vetoes_with_their_paths()
    {
        var evidence = new UnitEvidence("test", "测试区") { UnitType = "zon" }.WithVeto("frad");
        Graded.TryScore(evidence, out var card, out var diagnostics).Should().BeFalse();
        card.Should().BeNull();
        diagnostics.Where(d => d.IsError).Select(d => $"{d.Span.Path}: {d.Code}").Should().BeEquivalentTo(["unit_type: RE0306", "vetoes.frad: RE0302"]);
    }

    [Test]
    public void The_json_card_gains_unit_type_grade_and_vetoes()
    {
        Graded.TryScoreText(TotalRulesText.Evidence(85, true, 2, top: "unit_type: zone\nvetoes: { late_report: true }"), "e.yaml", out var card, out _).Should().BeTrue();
        using var json = JsonDocument.Parse(ScoreCardJson.Write(card!));
        var root = json.RootElement;
        root.GetProperty("unit_type").GetString().Should().Be("zone");
        root.GetProperty("base_total").GetDecimal().Should().Be(87.5m); // 85 + 2 × 1.25
        root.GetProperty("bonus_total").GetDecimal().Should().Be(2m);
        root.GetProperty("total").GetDecimal().Should().Be(60m);        // min(89.5, 60)
        root.GetProperty("grade").GetProperty("id").GetString().Should().Be("pass");
        root.GetProperty("grade").GetProperty("label").GetString().Should().Be("合格");
        var veto = root.GetProperty("vetoes").EnumerateArray().Should().ContainSingle().Subject;
        veto.GetProperty("key").GetString().Should().Be("late_report");
        veto.GetProperty("label").GetString().Should().Be("未按时报送");
        veto.GetProperty("effect").GetString().Should().Be("cap");
        veto.GetProperty("reason").GetString().Should().Be("一票否决：未按时报送，总分 89.5 → 60（上限 60）");
        root.EnumerateObject().Select(p => p.Name).Should().Equal("rubric", "title", "version", "effective", "unit", "unit_type", "year",
            "base_total", "bonus_total", "total", "grade", "vetoes", "sections", "lines", "warnings");
    }

    [TestCase("fraud", "lowest_grade")]
    [TestCase("major_accident", "zero")]
    public void The_json_names_each_effect_as_the_rubric_writes_it(string key, string effect)
    {
        Graded.TryScoreText(TotalRulesText.Evidence(85, true, 2, top: $"unit_type: zone\nvetoes: {{ {key}: true }}"), "e.yaml", out var card, out _).Should().BeTrue();
        using var json = JsonDocument.Parse(ScoreCardJson.Write(card!));
        json.RootElement.GetProperty("vetoes")[0].GetProperty("effect").GetString().Should().Be(effect);
    }

    [Test]
    public void Without_a_veto_raised_vetoes_is_an_empty_list_and_below_every_grade_grade_is_null()
    {
        var rubric = EvidenceText.Compile(TotalRulesText.Rubric(TotalRulesText.UnitTypes + "\n" + TotalRulesText.Vetoes.Replace("lowest_grade", "zero", StringComparison.Ordinal)
            + "\ngrades: [{ id: pass, label: 合格, from: 60 }]"));
        rubric.TryScoreText(TotalRulesText.Evidence(50, false, 0, top: "unit_type: district"), "e.yaml", out var card, out _).Should().BeTrue();
        using var json = JsonDocument.Parse(ScoreCardJson.Write(card!));
        json.RootElement.GetProperty("grade").ValueKind.Should().Be(JsonValueKind.Null); // 50 < 60
        json.RootElement.GetProperty("vetoes").GetArrayLength().Should().Be(0);
    }

    [Test]
    public void A_rubric_without_these_keys_writes_none_of_them()
    {
        var plain = EvidenceText.Compile(TotalRulesText.Rubric("", "rule: per_item(1) cap 5"));
        plain.TryScoreText(TotalRulesText.Evidence(50, false, 0, top: ""), "e.yaml", out var card, out _).Should().BeTrue();
        using var json = JsonDocument.Parse(ScoreCardJson.Write(card!));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        names.Should().NotContain(["unit_type", "grade", "vetoes"]);
        names.Should().Equal("rubric", "title", "version", "effective", "unit", "year", "base_total", "bonus_total", "total", "sections", "lines", "warnings");
    }
}
