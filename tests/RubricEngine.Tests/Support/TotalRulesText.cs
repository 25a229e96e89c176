using System.Globalization;

namespace RubricEngine.Tests.Support;

/// <summary>
/// A small rubric with unit types, vetoes and grades, for the tests of part C of issue 13. Its highest total is
/// 102: line 'base' judged(0, 95) at most 95 plus the bonus present(2) of 'award', and line 'people' at most 5
/// (district per_item(0.5) cap 5, zone per_item(1.25) cap 5).
/// </summary>
internal static class TotalRulesText
{
    public const string UnitTypes = """
        unit_types:
          - { id: district, label: 区 }
          - { id: zone, label: 开发区 }
        """;

    public const string Vetoes = """
        vetoes:
          - { key: major_accident, label: 发生较大事故以上（因不可抗力因素除外）, effect: zero }
          - { key: late_report, label: 未按时报送, effect: cap, cap: 60 }
          - { key: late_twice, label: 两次未按时报送, effect: cap, cap: 50 }
          - { key: fraud, label: 弄虚作假, effect: lowest_grade }
        """;

    public const string Grades = """
        grades:
          - { id: excellent, label: 优秀, from: 90 }
          - { id: good, label: 良好, from: 80 }
          - { id: pass, label: 合格, from: 60 }
          - { id: fail, label: 不合格 }
        """;

    public const string PeopleRules = """rules: { district: "per_item(0.5) cap 5", zone: "per_item(1.25) cap 5" }""";

    /// <summary>The rubric with the given rubric-level keys (written after the lines) and the 'people' criterion's rule key.</summary>
    public static string Rubric(string tail = UnitTypes + "\n" + Vetoes + "\n" + Grades, string peopleRule = PeopleRules) => $"""
        id: test
        title: 测试细则
        source: 测试
        total: 100
        sections: [{"{"} name: 甲, points: 100 {"}"}]
        lines:
          - id: base
            section: 甲
            content: 基础
            points: 95
            check: 查看
            standard: 标准
            criteria:
              - {"{"} key: score, label: 评定, points: 95, rule: 'judged(0, 95)' {"}"}
              - {"{"} key: award, label: 获奖, points: 0, rule: 'present(2) bonus' {"}"}
          - id: people
            section: 甲
            content: 推荐人数
            points: 5
            check: 查看
            standard: 标准
            criteria:
              - key: recommended
                label: 推荐人数
                points: 5
                {peopleRule}
        {tail}

        """;

    /// <summary>Evidence for <see cref="Rubric"/>: the judged score, the bonus, the count, and the top-level extras (unit_type, vetoes).</summary>
    public static string Evidence(decimal score, bool award, int recommended, string top = "unit_type: zone") => $"""
        rubric: test
        unit: 测试区
        {top}
        lines:
          base: {"{"} score: {score.ToString(CultureInfo.InvariantCulture)}, award: {(award ? "true" : "false")} {"}"}
          people: {"{"} recommended: {recommended.ToString(CultureInfo.InvariantCulture)} {"}"}
        """;

    /// <summary>"test.yaml(line,column)" of the first occurrence of <paramref name="marker"/> in <paramref name="text"/>, 1-based: where a diagnostic about it points.</summary>
    public static string Where(string text, string marker, string file = "test.yaml")
    {
        var offset = text.IndexOf(marker, StringComparison.Ordinal);
        offset.Should().BeGreaterThanOrEqualTo(0, $"the test's own text holds '{marker}'");
        var before = text[..offset];
        var line = before.Count(c => c == '\n') + 1;
        var column = offset - (before.LastIndexOf('\n') + 1) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{file}({line},{column})");
    }
}
