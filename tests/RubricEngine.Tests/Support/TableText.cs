using System.Collections.Immutable;
using System.Globalization;
using RubricEngine.Diagnostics;

namespace RubricEngine.Tests.Support;

/// <summary>Small rubrics with lookup tables, written in tests so that each test shows the whole input it is about.</summary>
internal static class TableText
{
    /// <summary>The line of the first line under <c>tables:</c>: the tables text starts here.</summary>
    public const int TablesLine = 6;

    /// <summary>
    /// A rubric of one line whose one criterion (key <c>k</c>, worth <paramref name="points"/>) has <paramref name="rule"/>
    /// and the keys in <paramref name="criterion"/> (each on its own line, e.g. <c>table: t</c>). <paramref name="tables"/>
    /// is the text under <c>tables:</c>, its first line on line <see cref="TablesLine"/>.
    /// </summary>
    public static string Rubric(string tables, decimal points = 50, string rule = "lookup()", string criterion = "table: t")
    {
        var p = points.ToString(CultureInfo.InvariantCulture);
        var keys = string.Concat(criterion.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(k => $"        {k.Trim()}\n"));
        return $"""
            id: test
            title: 测试细则
            source: 测试
            total: {p}
            tables:
            {tables.TrimEnd('\n')}
            sections: [{"{"} name: 测试, points: {p} {"}"}]
            lines:
              - id: only
                section: 测试
                content: 内容
                points: {p}
                check: 查看
                standard: 标准
                criteria:
                  - key: k
                    label: 标签
                    points: {p}
                    rule: {rule}

            """ + keys;
    }

    /// <summary>优秀 +2，良好 +1，不合格 −1 至 −2（酌情）: a category table read by a bonus that may be negative.</summary>
    public static readonly string Assessment = Rubric("""
          - id: t
            measure: category
            rows:
              - { id: excellent, label: 优秀, points: 2 }
              - { id: good, label: 良好, points: 1 }
              - { id: fail, label: 不合格, min: -2, max: -1 }
        """, points: 0, rule: "lookup() bonus");

    /// <summary>中央 单独20/综合10；省 头版头条20/单独10/综合5；市 头版8/单独5/其他3, at most 30: a grid.</summary>
    public static readonly string Media = Rubric("""
          - id: t
            measure: grid
            columns: [{ id: headline, label: 头版头条 }, { id: alone, label: 单独 }, { id: combined, label: 综合 }]
            rows:
              - { id: central, label: 中央, cells: { alone: 20, combined: 10 } }
              - { id: province, label: 省, cells: { headline: 20, alone: 10, combined: 5 } }
              - { id: city, label: 市, cells: { headline: 8, alone: 5, combined: 3 } }
        """, points: 30, rule: "lookup() cap 30");

    /// <summary>
    /// Every diagnostic of loading <paramref name="text"/>, whether it loads or not, but the line's RE0201: a table
    /// whose only row is unreachable, or worth less than the criterion, also leaves the line short of its points, and
    /// that warning (tested in BinderTests) is not what these tests are about.
    /// </summary>
    public static ImmutableArray<Diagnostic> Diagnostics(string text)
    {
        RubricEngine.Rubric.TryLoadText(text, "test.yaml", out _, out var diagnostics);
        return [.. diagnostics.Where(d => d.Code != DiagnosticCodes.NominalNotAchievable)];
    }

    /// <summary>The one diagnostic of loading <paramref name="text"/>, as the compiler format prints it.</summary>
    public static string Only(string text) => Diagnostics(text).Should().ContainSingle().Subject.ToString();

    /// <summary>Scores <c>lines: {{ only: {{ k: value }} }}</c> against a table rubric.</summary>
    public static ScoreCard Score(string rubric, string value)
    {
        var compiled = EvidenceText.Compile(rubric);
        compiled.TryScoreText(EvidenceText.OneLine(value), "e.yaml", out var card, out var diagnostics)
            .Should().BeTrue(string.Join(Environment.NewLine, diagnostics));
        return card!;
    }
}
