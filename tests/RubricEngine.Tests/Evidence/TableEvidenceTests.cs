using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Evidence;

/// <summary>
/// Evidence for lookup(): a category's id or <c>{ category, points }</c>, a grid's entries, a percentage; every
/// mistake an error at the value, with the fix. The value of <c>k</c> starts at column 14 of line 4 of the evidence.
/// </summary>
public sealed class TableEvidenceTests
{
    private static readonly Rubric Assessment = EvidenceText.Compile(TableText.Assessment);

    private static readonly Rubric Media = EvidenceText.Compile(TableText.Media);

    private static string Error(Rubric rubric, string value) =>
        EvidenceText.Errors(rubric, EvidenceText.OneLine(value)).Should().ContainSingle().Subject.ToString();

    [TestCase("{ category: fail, points: -2.01 }", "e.yaml(4,40): error RE0303: 'only.k' gives -2.01 points for '不合格', outside its range -2 to -1")]
    [TestCase("{ category: fail, points: -0.99 }", "e.yaml(4,40): error RE0303: 'only.k' gives -0.99 points for '不合格', outside its range -2 to -1")]
    [TestCase("fail", "e.yaml(4,14): error RE0303: 'only.k' is '不合格', which the inspector scores from -2 to -1: write { category: fail, points: … } with the points chosen")]
    [TestCase("{ category: excellent, points: 2 }", "e.yaml(4,45): error RE0303: 'only.k': '优秀' has fixed points in the table; write just excellent, without 'points'")]
    [TestCase("excelent", "e.yaml(4,14): error RE0306: unknown category 'excelent' in 'only.k'; did you mean 'excellent'?; the categories are excellent, good, fail")]
    [TestCase("优秀", "e.yaml(4,14): error RE0306: unknown category '优秀' in 'only.k'; write 'excellent' for 优秀; the categories are excellent, good, fail")]
    [TestCase("[excellent]", "e.yaml(4,14): error RE0012: 'only.k' must be one of excellent, good, fail, or { category: <id>, points: <n> } for a row scored within a range, not a list")]
    [TestCase("{ category: fail, point: -1 }", "e.yaml(4,32): error RE0010: unknown key 'point' in 'only.k'; did you mean 'points'?")]
    [TestCase("{ category: fail, points: many }", "e.yaml(4,40): error RE0012: 'points' must be a plain decimal number such as 1.5, not 'many'")]
    public void Category_mistakes_are_errors_at_the_value(string value, string error)
    {
        Error(Assessment, value).Should().Be(error);
    }

    [TestCase("[{ item: a, row: central, column: headline }]",
        "e.yaml(4,48): error RE0306: row 'central' (中央) has no column 'headline' (头版头条): that combination does not exist; its columns are alone (单独), combined (综合)")]
    [TestCase("[{ item: a, row: town, column: alone }]", "e.yaml(4,31): error RE0306: unknown row 'town'; the rows are central, province, city")]
    [TestCase("[{ item: a, row: central, column: alon }]", "e.yaml(4,48): error RE0306: unknown column 'alon'; did you mean 'alone'?; the columns are headline, alone, combined")]
    [TestCase("[{ item: a, row: central }]", "e.yaml(4,15): error RE0011: an entry in 'only.k' has no 'column'; add it")]
    [TestCase("province", "e.yaml(4,14): error RE0012: 'only.k' must be a list of { item, row, column }, the row among central, province, city and the column among headline, alone, combined, not 'province'")]
    public void Grid_mistakes_are_errors_at_the_entry(string value, string error)
    {
        Error(Media, value).Should().Be(error);
    }

    [Test]
    public void Category_and_grid_facts_built_in_code_score_as_a_file_does()
    {
        Assessment.TryScore(new UnitEvidence("test", "测试村").With("only", "k", new EvidenceFact.Category("fail", -1.5m)), out var card, out var diagnostics)
            .Should().BeTrue(string.Join("\n", diagnostics));
        card!.Lines[0].Bonus.Should().Be(-1.5m);                      // 不合格, the inspector's -1.5
        Assessment.TryScore(new UnitEvidence("test", "测试村").With("only", "k", new EvidenceFact.Category("good")), out card, out _).Should().BeTrue();
        card!.Lines[0].Bonus.Should().Be(1m);                         // 良好 1

        var entries = new EvidenceFact.Grid([new("报道一", "province", "headline"), new("报道二", "central", "combined")]);
        Media.TryScore(new UnitEvidence("test", "测试村").With("only", "k", entries), out card, out diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
        card!.Lines[0].Score.Should().Be(30m);                        // 20 + 10 = 30, the cap
        Media.TryScore(new UnitEvidence("test", "测试村").With("only", "k", new EvidenceFact.Grid([new("a", "central", "headline")])), out _, out diagnostics)
            .Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "<evidence>(only.k[0].column): error RE0306: row 'central' (中央) has no column 'headline' (头版头条): that combination does not exist; its columns are alone (单独), combined (综合)");
    }

    [Test]
    public void The_fields_describe_category_and_grid_values()
    {
        var category = Assessment.Lines[0].Criteria[0].Fields[0];
        (category.Kind, string.Join(",", category.Allowed), string.Join(",", category.AllowedLabels)).Should()
            .Be((EvidenceValueKind.Category, "excellent,good,fail", "优秀,良好,不合格"));
        var grid = Media.Lines[0].Criteria[0].Fields[0];
        (grid.Kind, string.Join(",", grid.Allowed), string.Join(",", grid.Columns)).Should()
            .Be((EvidenceValueKind.Grid, "central,province,city", "headline,alone,combined"));
        category.Columns.Should().BeEmpty();
    }

    [Test]
    public void The_fields_give_a_form_the_table_rows_ranges_and_cells()
    {
        // 不合格 is scored within -2 to -1; 优秀 and 良好 have fixed points, so no range.
        Assessment.Lines[0].Criteria[0].Fields[0].Rows.Select(r => $"{r.Id}|{r.Label}|{r.Min}|{r.Max}|{string.Join(",", r.Columns)}")
            .Should().Equal("excellent|优秀|||", "good|良好|||", "fail|不合格|-2|-1|");
        Assessment.Lines[0].Criteria[0].Fields[0].ColumnLabels.Should().BeEmpty();

        // 中央 has no 头版头条 cell: its columns are alone and combined only.
        var grid = Media.Lines[0].Criteria[0].Fields[0];
        grid.ColumnLabels.Should().Equal("头版头条", "单独", "综合");
        grid.Rows.Select(r => $"{r.Id}|{r.Label}|{r.Min}|{r.Max}|{string.Join(",", r.Columns)}")
            .Should().Equal("central|中央|||alone,combined", "province|省|||headline,alone,combined", "city|市|||headline,alone,combined");

        var count = EvidenceText.Compile(TableText.Rubric("  - id: t\n    measure: count\n    rows:\n      - { from: 1, points: 2 }\n", points: 2)).Lines[0].Criteria[0].Fields[0];
        (count.Rows.Length, count.ColumnLabels.Length).Should().Be((0, 0), "a band table's value is a number: no rows to choose from");
    }

    [Test]
    public void A_percent_table_reads_percentages_and_refuses_bare_numbers()
    {
        var survey = EvidenceText.Compile(TableText.Rubric("  - id: t\n    measure: percent\n    rows:\n      - { from: 95%, points: 2 }\n", points: 2));
        Error(survey, "95").Should().Be("e.yaml(4,14): error RE0012: 'only.k' is a percentage: write 95% (with the % sign), not 95");
        Error(survey, "1001%").Should().Be("e.yaml(4,14): error RE0303: 'only.k' must be from 0% to 1000%, not 1001%");
    }

    [TestCase("count", "-1", "e.yaml(4,14): error RE0303: 'only.k' must be from 0 to 1000000, not -1")]
    [TestCase("count", "1000001", "e.yaml(4,14): error RE0303: 'only.k' must be from 0 to 1000000, not 1000001")]
    [TestCase("count", "1.5", "e.yaml(4,14): error RE0303: 'only.k' counts things: it must be a whole number, not 1.5")]
    [TestCase("amount", "1000000.5", "e.yaml(4,14): error RE0303: 'only.k' must be from 0 to 1000000, not 1000000.5")]
    [TestCase("amount", "-0.5", "e.yaml(4,14): error RE0303: 'only.k' must be from 0 to 1000000, not -0.5")]
    public void A_band_value_lies_between_0_and_a_million(string measure, string value, string error)
    {
        var rubric = EvidenceText.Compile(TableText.Rubric($"  - id: t\n    measure: {measure}\n    rows:\n      - {{ from: 1, points: 2 }}\n", points: 2));
        Error(rubric, value).Should().Be(error);
        TableText.Score(TableText.Rubric($"  - id: t\n    measure: {measure}\n    rows:\n      - {{ from: 1, points: 2 }}\n", points: 2), "1000000")
            .Lines[0].Score.Should().Be(2m);                                          // the largest value is allowed
    }
}
