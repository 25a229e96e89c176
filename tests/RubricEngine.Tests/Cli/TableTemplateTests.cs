using RubricEngine.Cli.Forms;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Cli;

/// <summary>What the blank evidence template asks for a key that lookup() reads.</summary>
public sealed class TableTemplateTests
{
    private static string Asked(string rubric) => YamlTemplate.WhatToWrite(EvidenceText.Compile(rubric).Lines[0].Criteria[0].Fields[0]);

    private static string Items(string measure) =>
        TableText.Rubric($"  - id: t\n    measure: {measure}\n    rows:\n      - {{ from: 1, points: 2 }}\n", points: 2, criterion: "table: t\nitems: [a, b]");

    [Test]
    public void A_category_asks_for_a_row_id_and_says_how_to_give_points()
    {
        Asked(TableText.Assessment).Should().Be("填类别：excellent（优秀）、good（良好）、fail（不合格）；需评定分值的类别写 { category: 编号, points: 分值 }");
    }

    [Test]
    public void A_grid_asks_for_entries_with_its_rows_and_columns()
    {
        Asked(TableText.Media).Should().Be(
            "填列表，如 [{ item: 报道标题, row: central, column: headline }]，没有填 []；行：central（中央）、province（省）、city（市）；列：headline、alone、combined");
    }

    [Test]
    public void A_met_table_asks_for_the_items_met_and_a_missing_table_for_the_items_missing()
    {
        EvidenceText.Compile(Items("met")).Lines[0].Criteria[0].Fields[0].ListsMet.Should().BeTrue();
        Asked(Items("met")).Should().Be("填符合的项目，如 [a]，都不符合填 []；可选：a、b");
        EvidenceText.Compile(Items("missing")).Lines[0].Criteria[0].Fields[0].ListsMet.Should().BeFalse();
        Asked(Items("missing")).Should().Be("填缺少的项目，如 [a]，不缺填 []；可选：a、b");
    }
}
