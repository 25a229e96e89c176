using System.Globalization;

namespace RubricEngine.Tests.Support;

/// <summary>Small rubrics written in tests, so that each test shows the whole input it is about.</summary>
internal static class RubricText
{
    /// <summary>The line of <see cref="OneRule"/>'s rule.</summary>
    public const int RuleLine = 19;

    /// <summary>The column where <see cref="OneRule"/>'s rule text starts (after <c>        rule: </c>).</summary>
    public const int RuleColumn = 15;

    /// <summary>
    /// A rubric of one line worth <paramref name="points"/>, whose one criterion has key <c>k</c> and <paramref name="rule"/>
    /// on line <see cref="RuleLine"/>. <paramref name="extra"/> adds a criterion key (such as <c>items: [a, b]</c>) after the rule.
    /// </summary>
    public static string OneRule(string rule, decimal points = 4, string extra = "", string rounding = "half_away_from_zero")
    {
        var p = points.ToString(CultureInfo.InvariantCulture);
        string[] lines =
        [
            "id: test",
            "title: 测试细则",
            "source: 测试",
            $"total: {p}",
            $"rounding: {{ decimals: 2, mode: {rounding} }}",
            "levels: [{ id: county, label: 县级 }, { id: city, label: 市级 }]",
            $"sections: [{{ name: 测试, points: {p} }}]",
            "lines:",
            "  - id: only",
            "    section: 测试",
            "    content: 内容",
            $"    points: {p}",
            "    check: 查看",
            "    standard: 标准",
            "    criteria:",
            "      - key: k",
            "        label: 标签",
            $"        points: {p}",
            $"        rule: {rule}",
        ];
        var text = string.Join("\n", lines) + "\n";
        return extra.Length > 0 ? text + $"        {extra}\n" : text;
    }

    /// <summary><see cref="OneRule"/> with a criterion that reads two keys, <c>keys: [n, d]</c>, as <c>ratio</c> needs.</summary>
    public static string OneRatio(string rule) =>
        OneRule(rule).Replace("      - key: k\n", "      - keys: [n, d]\n", StringComparison.Ordinal);
}
