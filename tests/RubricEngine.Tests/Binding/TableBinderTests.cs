using System.Globalization;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Binding;

/// <summary>
/// Every diagnostic of lookup tables and <c>lookup()</c>, with its exact message and its position in the rubric file.
/// The tables start on line 6; a row written <c>      - { from: 150, … }</c> has its mapping at column 9 and its
/// <c>from</c> value at column 17.
/// </summary>
public sealed class TableBinderTests
{
    private static string Band(string measure, string unit, params string[] rows) =>
        $"  - id: t\n    measure: {measure}\n    unit: {unit}\n    rows:\n" + string.Concat(rows.Select(r => $"      - {r}\n"));

    [Test]
    public void Overlapping_bands_written_as_the_source_has_them_are_errors_naming_the_common_value()
    {
        // 志愿服务时长100–150小时30分，150–200小时40分，200小时以上50分: 150 and 200 each belong to two rows.
        var diagnostics = TableText.Diagnostics(TableText.Rubric(Band("amount", "小时",
            "{ from: 100, to: 150, points: 30 }",
            "{ from: 150, to: 200, points: 40 }",
            "{ from: 200, points: 50 }")));

        diagnostics.Select(d => d.ToString()).Should().Equal(
            "test.yaml(11,17): error RE0230: rows 1 and 2 of table 't' both match 150: write 'below: 150' on row 1 (不足150) or start row 2 above 150",
            "test.yaml(12,17): error RE0230: rows 2 and 3 of table 't' both match 200: write 'below: 200' on row 2 (不足200) or start row 3 above 200");
        diagnostics[0].ToString(CultureInfo.GetCultureInfo("zh-Hans")).Should().Be(
            "test.yaml(11,17): 错误 RE0230: 表 't' 第 1 行和第 2 行都匹配 150：请在第 1 行写 'below: 150'（不足150），或让第 2 行从大于 150 处开始");
    }

    [Test]
    public void The_smallest_common_value_is_named_when_a_row_lies_inside_another()
    {
        // Row 1 covers 100–300; row 2 (200–250) lies inside it, and row 3 (120–130) too: the common values begin at
        // 200 for rows 1 and 2, at 120 for rows 1 and 3; rows 2 and 3 share none.
        TableText.Diagnostics(TableText.Rubric(Band("amount", "小时",
            "{ from: 100, to: 300, points: 30 }",
            "{ from: 200, below: 250, points: 40 }",
            "{ from: 120, below: 130, points: 10 }"))).Select(d => d.Message).Should().Equal(
            "rows 1 and 2 of table 't' both match 200: write 'below: 200' on row 1 (不足200) or start row 2 above 200",
            "rows 1 and 3 of table 't' both match 120: write 'below: 120' on row 1 (不足120) or start row 3 above 120");
    }

    [Test]
    public void Rows_that_meet_without_sharing_a_value_are_silent()
    {
        // below 150, then from 150: 150 belongs to row 2 only, and nothing lies between.
        TableText.Diagnostics(TableText.Rubric(Band("amount", "小时", "{ from: 100, below: 150, points: 30 }", "{ from: 150, points: 50 }")))
            .Should().BeEmpty();
    }

    [Test]
    public void A_gap_after_an_inclusive_end_starts_above_it()
    {
        // to 149.99, then from 150: the amounts between 149.99 and 150 match no row.
        TableText.Only(TableText.Rubric(Band("amount", "小时", "{ from: 100, to: 149.99, points: 30 }", "{ from: 150, points: 50 }")))
            .Should().Be("test.yaml(11,17): warning RE0231: no row of table 't' matches values above 149.99 and below 150: such a value scores 0; extend a row over them if they should score");
    }

    [Test]
    public void A_gap_after_an_exclusive_end_is_a_warning_naming_where_it_starts()
    {
        var gap = TableText.Diagnostics(TableText.Rubric(Band("amount", "小时", "{ from: 100, below: 150, points: 30 }", "{ from: 160, points: 40 }")))
            .Should().ContainSingle().Subject;
        gap.ToString(CultureInfo.GetCultureInfo("zh-Hans")).Should().Be(
            "test.yaml(11,17): 警告 RE0231: 表 't' 没有一行匹配 从 150 起、小于 160 的值：这样的值得 0 分；如应得分，请让某一行覆盖它们");
        gap.ToString().Should().Be("test.yaml(11,17): warning RE0231: no row of table 't' matches values from 150 up to 160: such a value scores 0; extend a row over them if they should score");
    }

    [TestCase("{ from: 5, points: 2 }", "values from 3 to 4")]
    [TestCase("{ from: 4, points: 2 }", "the value 3")]
    public void A_gap_between_whole_numbers_names_the_counts_it_leaves_out(string second, string gap)
    {
        // Row 1 ends at 2 inclusive: the first count no row matches is 3.
        TableText.Only(TableText.Rubric(Band("count", "场", "{ from: 1, to: 2, points: 1 }", second), points: 2))
            .Should().Be($"test.yaml(11,17): warning RE0231: no row of table 't' matches {gap}: such a value scores 0; extend a row over them if they should score");
    }

    [Test]
    public void Whole_number_rows_that_follow_each_other_leave_no_gap()
    {
        // 1–2, 3–5, 6 and more: every count from 1 up has its row.
        TableText.Diagnostics(TableText.Rubric(Band("count", "场",
            "{ from: 1, to: 2, points: 1 }", "{ from: 3, to: 5, points: 2 }", "{ from: 6, points: 3 }"), points: 3)).Should().BeEmpty();
    }

    [Test]
    public void A_row_that_covers_a_later_rows_start_hides_no_gap()
    {
        // Row 1 reaches 300; row 2 ends at 150 and row 3 starts at 200: row 1 covers the values between.
        TableText.Diagnostics(TableText.Rubric(Band("percent", "x",
            "{ from: 0%, below: 30%, points: 30 }", "{ from: 30%, below: 40%, points: 40 }", "{ from: 40%, points: 50 }"))).Should().BeEmpty();
    }

    [TestCase("amount", "{ from: 200, to: 150, points: 30 }", "no value is ≥ 200 and ≤ 150")]
    [TestCase("amount", "{ from: 150, below: 150, points: 30 }", "no value is ≥ 150 and < 150")]
    [TestCase("count", "{ from: 1.2, to: 1.8, points: 30 }", "counts are whole numbers, and none is ≥ 1.2 and ≤ 1.8")]
    [TestCase("count", "{ from: 1.2, below: 2, points: 30 }", "counts are whole numbers, and none is ≥ 1.2 and < 2")]
    [TestCase("percent", "{ from: 1001%, points: 30 }", "a value is at most 1000%")]
    [TestCase("amount", "{ to: -1, points: 30 }", "the values are never negative")]
    [TestCase("amount", "{ below: 0, points: 30 }", "the values are never negative")]
    [TestCase("amount", "{ from: 1000001, points: 30 }", "a value is at most 1000000")]
    public void A_row_no_value_can_reach_is_a_warning(string measure, string row, string why)
    {
        TableText.Only(TableText.Rubric(Band(measure, "x", row)))
            .Should().Be($"test.yaml(10,9): warning RE0232: row 1 of table 't' can never match: {why}; remove the row or correct its bounds");
    }

    [TestCase("{ from: 0, to: 0, points: 30 }")]
    [TestCase("{ from: 0.5, to: 1, points: 30 }")]
    [TestCase("{ from: 1000000, points: 30 }")]
    public void A_row_with_one_reachable_value_is_silent(string row)
    {
        // 0 ≤ 0; the count 1 lies in 0.5–1; the largest count, 1,000,000, is allowed.
        TableText.Diagnostics(TableText.Rubric(Band("count", "x", row))).Should().BeEmpty();
    }

    [Test]
    public void A_met_row_above_the_number_of_items_is_a_warning_naming_the_criterion()
    {
        // Three items: at most 3 are met, so 'from: 4' can never match; 0–3 can.
        TableText.Only(TableText.Rubric(Band("met", "项", "{ from: 4, points: 10 }", "{ to: 3, points: 5 }"), points: 10,
                criterion: "table: t\nitems: [a, b, c]"))
            .Should().Be("test.yaml(10,9): warning RE0232: row 1 of table 't' can never match for 'k': it has 3 items, so at most 3 are met; remove the row or add the items");
    }

    [TestCase("{ from: 1, points: 30, share: 50% }", 10, 32, "RE0013", "row 1 of table 't' has both 'points' and 'share': keep one")]
    [TestCase("{ from: 1, grade: A }", 10, 9, "RE0011", "row 1 of table 't' has neither 'points' nor 'share': give 'points' (the score) or 'share' (a percentage of the criterion's points, such as 66%)")]
    [TestCase("{ from: 1, to: 2, below: 3, points: 1 }", 10, 27, "RE0013", "row 1 of table 't' has both 'to' and 'below': keep 'to' for ≤ (含) or 'below' for < (不足), not both")]
    [TestCase("{ from: 1, share: 120% }", 10, 27, "RE0013", "'share' must be from 0% to 100%, not 120%")]
    [TestCase("{ from: 1, points: 2000 }", 10, 28, "RE0013", "'points' must be from -1000 to 1000, not 2000")]
    [TestCase("{ from: 95%, points: 1 }", 10, 17, "RE0012", "'from' is 95%, a percentage, but table 't' measures amount: write 95, or set 'measure: percent'")]
    [TestCase("{ form: 1, points: 1 }", 10, 11, "RE0010", "unknown key 'form' in row 1 of table 't'; did you mean 'from'?")]
    public void Band_row_mistakes_are_errors_at_their_place(string row, int line, int column, string code, string message)
    {
        TableText.Only(TableText.Rubric(Band("amount", "小时", row)))
            .Should().Be($"test.yaml({line},{column}): error {code}: {message}");
    }

    [Test]
    public void A_percent_table_asks_for_the_percent_sign()
    {
        TableText.Only(TableText.Rubric(Band("percent", "x", "{ from: 95, points: 1 }")))
            .Should().Be("test.yaml(10,17): error RE0012: 'from' is a percentage: write 95% (with the % sign), not 95");
    }

    [Test]
    public void An_unknown_measure_gets_a_suggestion_and_the_list()
    {
        TableText.Only(TableText.Rubric(Band("amont", "小时", "{ from: 1, points: 1 }")))
            .Should().Be("test.yaml(7,14): error RE0013: unknown measure 'amont'; did you mean 'amount'?; a table measures one of count, amount, percent, met, missing, category, grid");
    }

    [Test]
    public void Lookup_without_a_table_is_an_error_at_the_call_listing_the_tables()
    {
        TableText.Only(TableText.Rubric(Band("amount", "小时", "{ from: 1, points: 1 }"), points: 1, criterion: ""))
            .Should().Be("test.yaml(23,15): error RE0209: 'k' uses lookup(), which needs 'table': the id of one of the rubric's tables; the tables are t");
    }

    [Test]
    public void Lookup_in_a_rubric_without_tables_says_so()
    {
        TableText.Only(RubricText.OneRule("lookup()"))
            .Should().Be("test.yaml(19,15): error RE0209: 'k' uses lookup(), which needs 'table': the id of one of the rubric's tables; the rubric has no 'tables'");
    }

    [Test]
    public void A_table_on_another_function_is_an_error_at_the_table_key()
    {
        TableText.Only(TableText.Rubric(Band("amount", "小时", "{ from: 1, points: 1 }"), points: 2, rule: "present(2)"))
            .Should().Be("test.yaml(24,16): error RE0209: 'table: t' is only for lookup(); present(…) does not use it: write 'rule: lookup()' or remove 'table'");
    }

    [Test]
    public void An_unknown_table_gets_a_suggestion()
    {
        TableText.Only(TableText.Rubric(Band("amount", "小时", "{ from: 1, points: 1 }").Replace("id: t\n", "id: hours\n", StringComparison.Ordinal),
                points: 1, criterion: "table: hour"))
            .Should().Be("test.yaml(24,16): error RE0209: unknown table 'hour'; did you mean 'hours'?; the tables are hours");
    }

    [Test]
    public void A_criterion_naming_a_table_that_could_not_be_read_hears_only_the_tables_own_error()
    {
        TableText.Only(TableText.Rubric(Band("amount", "小时", "{ from: 1, points: 1, share: 5% }"), points: 1))
            .Should().Be("test.yaml(10,31): error RE0013: row 1 of table 't' has both 'points' and 'share': keep one");
    }

    [Test]
    public void A_met_table_needs_items_and_an_amount_table_refuses_them()
    {
        TableText.Only(TableText.Rubric(Band("met", "项", "{ from: 1, points: 1 }"), points: 1))
            .Should().Be("test.yaml(20,9): error RE0209: table 't' counts the items met: the criterion needs 'items', the list of its item ids");
        TableText.Only(TableText.Rubric(Band("amount", "项", "{ from: 1, points: 1 }"), points: 1, criterion: "table: t\nitems: [a]"))
            .Should().Be("test.yaml(25,17): error RE0209: 'items' is only for tables that count items (measure met or missing); table 't' measures amount");
    }

    [Test]
    public void A_table_worth_more_than_its_criterion_needs_a_cap()
    {
        TableText.Only(TableText.Rubric(Band("amount", "小时", "{ from: 1, points: 60 }")))
            .Should().Be("test.yaml(23,15): error RE0203: 'k' is worth 50 points, but lookup() can score up to 60; add 'cap 50', or write 'uncapped' before it if the standard allows more");
    }

    [Test]
    public void Repeated_table_ids_are_refused()
    {
        var table = Band("amount", "小时", "{ from: 1, points: 1 }");
        TableText.Only(TableText.Rubric(table + table, points: 1))
            .Should().Be("test.yaml(11,9): error RE0205: duplicate table id 't' (first at line 6)");
    }

    private const string Categories = """
          - id: t
            measure: category
            rows:

        """;

    [TestCase("{ id: fail, label: 不合格, min: -2 }", 9, 9, "RE0011", "row 1 of table 't' gives only one of 'min' and 'max': a row the inspector scores within a range needs both (不合格扣1至2分: min: -2, max: -1)")]
    [TestCase("{ id: fail, label: 不合格, min: -1, max: -2 }", 9, 38, "RE0013", "row 1 of table 't' needs min ≤ max, but -1 > -2")]
    [TestCase("{ id: fail, label: 不合格, points: -1, min: -2, max: -1 }", 9, 45, "RE0013", "row 1 of table 't' has 'min' and 'max' and also 'points' or 'share': a row has either fixed points or a range the inspector chooses within; keep one")]
    [TestCase("{ id: fail, label: 不合格 }", 9, 9, "RE0011", "row 1 of table 't' has no score: give 'points', 'share', or 'min' and 'max' for a range the inspector chooses within")]
    [TestCase("{ id: Fail, label: 不合格, points: 1 }", 9, 15, "RE0013", "a row id 'Fail' must be lower-case ASCII letters, digits and '_', starting with a letter, such as 'activity_months'")]
    public void Category_row_mistakes_are_errors_at_their_place(string row, int line, int column, string code, string message)
    {
        TableText.Only(TableText.Rubric(Categories + $"      - {row}\n", rule: "lookup() bonus", points: 0))
            .Should().Be($"test.yaml({line},{column}): error {code}: {message}");
    }

    [Test]
    public void Repeated_category_ids_are_refused()
    {
        TableText.Only(TableText.Rubric(Categories + "      - { id: good, label: 良好, points: 1 }\n      - { id: good, label: 好, points: 2 }\n",
                rule: "lookup() bonus", points: 0))
            .Should().Be("test.yaml(10,15): error RE0205: duplicate row id 'good' (first at line 9)");
    }

    [Test]
    public void A_grid_cell_must_name_a_declared_column()
    {
        const string grid = """
              - id: t
                measure: grid
                columns: [{ id: alone, label: 单独 }, { id: combined, label: 综合 }]
                rows:
                  - { id: central, label: 中央, cells: { alone: 20, combind: 10 } }

            """;
        TableText.Only(TableText.Rubric(grid, rule: "lookup() bonus", points: 0))
            .Should().Be("test.yaml(10,55): error RE0010: unknown column 'combind' in the cells of row 1 of table 't'; did you mean 'combined'?; the columns are alone, combined");
    }

    [Test]
    public void Columns_belong_to_grid_tables_only()
    {
        TableText.Only(TableText.Rubric(Categories.Replace("    rows:", "    columns: [{ id: a, label: 甲 }]\n    rows:", StringComparison.Ordinal)
                + "      - { id: good, label: 良好, points: 1 }\n", rule: "lookup() bonus", points: 0))
            .Should().Be("test.yaml(8,5): error RE0013: 'columns' is only for grid tables ('measure: grid'); remove it from table 't'");
    }

    [Test]
    public void A_missing_row_above_the_number_of_items_is_a_warning_too()
    {
        // Two items: at most 2 are missing, so 'from: 3' can never match.
        TableText.Only(TableText.Rubric(Band("missing", "项", "{ to: 0, points: 4 }", "{ from: 1, to: 2, points: 2 }", "{ from: 3, points: 0 }"),
                points: 4, criterion: "table: t\nitems: [a, b]"))
            .Should().Be("test.yaml(12,9): warning RE0232: row 3 of table 't' can never match for 'k': it has 2 items, so at most 2 are missing; remove the row or add the items");
    }

    [Test]
    public void A_table_without_rows_is_refused()
    {
        TableText.Only(TableText.Rubric("  - id: t\n    measure: amount\n    rows: []\n", points: 1))
            .Should().Be("test.yaml(8,11): error RE0013: 'rows' is empty");
    }

    [Test]
    public void A_grid_needs_its_columns_each_declared_once()
    {
        TableText.Only(TableText.Rubric("  - id: t\n    measure: grid\n    rows:\n      - { id: city, label: 市, cells: { alone: 1 } }\n",
                points: 0, rule: "lookup() bonus"))
            .Should().Be("test.yaml(6,5): error RE0011: a table has no 'columns'; add it");
        TableText.Only(TableText.Rubric(
                "  - id: t\n    measure: grid\n    columns: [{ id: alone, label: 单独 }, { id: alone, label: 综合 }]\n    rows:\n      - { id: city, label: 市, cells: { alone: 1 } }\n",
                points: 0, rule: "lookup() bonus"))
            .Should().Be("test.yaml(8,47): error RE0205: duplicate column id 'alone' (first at line 8)");
    }

    [Test]
    public void A_grid_row_without_cells_is_refused()
    {
        TableText.Only(TableText.Rubric("  - id: t\n    measure: grid\n    columns: [{ id: alone, label: 单独 }]\n    rows:\n      - { id: city, label: 市, cells: {} }\n",
                points: 0, rule: "lookup() bonus"))
            .Should().Be("test.yaml(10,38): error RE0013: 'cells' is empty");
    }
}
