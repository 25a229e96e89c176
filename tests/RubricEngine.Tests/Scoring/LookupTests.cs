using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Scoring;

/// <summary>
/// lookup() on every kind of table: each row reached, both sides of every bound (from inclusive, to inclusive, below
/// exclusive), the reason with its numbers, and the exact range the checker computes. Every expectation is worked by
/// hand beside it.
/// </summary>
public sealed class LookupTests
{
    private static (decimal Score, string Reason) Criterion(string rubric, string value)
    {
        var criterion = TableText.Score(rubric, value).Lines[0].Criteria[0];
        return (criterion.Score, criterion.Reason);
    }

    private static (decimal? Min, decimal? Max) Range(string rubric)
    {
        var range = EvidenceText.Compile(rubric).CompiledLines[0].Criteria[0].Range;
        return (range.Min, range.Max);
    }

    /// <summary>志愿服务时长100–150小时30分，150–200小时40分，200小时以上50分, with the overlaps at 150 and 200 mended as 不足.</summary>
    private static readonly string Hours = TableText.Rubric("""
          - id: t
            measure: amount
            unit: 小时
            rows:
              - { from: 100, below: 150, points: 30 }
              - { from: 150, below: 200, points: 40 }
              - { from: 200, points: 50 }
        """);

    [TestCase("0", 0, "0 小时，未达最低档 100 小时，0 分")]
    [TestCase("99.99", 0, "99.99 小时，未达最低档 100 小时，0 分")]          // just below 'from: 100'
    [TestCase("100", 30, "100 小时，100–150 小时档，30 分")]                 // from is inclusive
    [TestCase("149.99", 30, "149.99 小时，100–150 小时档，30 分")]           // below 150 still in row 1
    [TestCase("150", 40, "150 小时，150–200 小时档，40 分")]                 // below is exclusive: 150 is row 2's
    [TestCase("175.5", 40, "175.5 小时，150–200 小时档，40 分")]             // decimal hours
    [TestCase("199.9", 40, "199.9 小时，150–200 小时档，40 分")]
    [TestCase("200", 50, "200 小时，≥ 200 小时档，50 分")]                   // the open top row
    [TestCase("1000000", 50, "1000000 小时，≥ 200 小时档，50 分")]
    public void Hours_fall_in_their_band(string hours, decimal score, string reason)
    {
        Criterion(Hours, hours).Should().Be((score, reason));
    }

    [Test]
    public void The_hours_table_ranges_from_0_to_50()
    {
        // Rows give 30, 40, 50; below 100 hours (and evidence not given) scores 0.
        Range(Hours).Should().Be((0m, 50m));
    }

    /// <summary>Counts with inclusive ends: 1–2 场 1 分, 3–5 场 2 分, 6 场以上 3 分.</summary>
    private static readonly string Events = TableText.Rubric("""
          - id: t
            measure: count
            unit: 场
            rows:
              - { from: 1, to: 2, points: 1 }
              - { from: 3, to: 5, points: 2 }
              - { from: 6, points: 3 }
        """, points: 3);

    [TestCase("0", 0, "0 场，未达最低档 1 场，0 分")]
    [TestCase("1", 1, "1 场，1–2 场档，1 分")]
    [TestCase("2", 1, "2 场，1–2 场档，1 分")]   // 'to' is inclusive
    [TestCase("3", 2, "3 场，3–5 场档，2 分")]
    [TestCase("5", 2, "5 场，3–5 场档，2 分")]
    [TestCase("6", 3, "6 场，≥ 6 场档，3 分")]
    public void Counts_fall_in_their_band(string count, decimal score, string reason)
    {
        Criterion(Events, count).Should().Be((score, reason));
    }

    /// <summary>满意度 ≥95% A，≥80% B，≥70% C, as shares of 15 points (100%, 66%, 33%).</summary>
    private static readonly string Survey = TableText.Rubric("""
          - id: t
            measure: percent
            unit: x
            rows:
              - { from: 95%, share: 100%, grade: A }
              - { from: 80%, below: 95%, share: 66%, grade: B }
              - { from: 70%, below: 80%, share: 33%, grade: C }
        """, points: 15);

    [TestCase("100%", 15, "等级 A：100%，15 × 100% = 15")]
    [TestCase("95%", 15, "等级 A：95%，15 × 100% = 15")]          // from 95% inclusive
    [TestCase("94.9%", 9.9, "等级 B：94.9%，15 × 66% = 9.9")]     // 15 × 0.66 = 9.9
    [TestCase("80%", 9.9, "等级 B：80%，15 × 66% = 9.9")]
    [TestCase("79.9%", 4.95, "等级 C：79.9%，15 × 33% = 4.95")]   // 15 × 0.33 = 4.95
    [TestCase("70%", 4.95, "等级 C：70%，15 × 33% = 4.95")]
    [TestCase("69.9%", 0, "69.9%，未达最低档 70%，0 分")]
    public void Percentages_fall_in_their_grade(string percent, decimal score, string reason)
    {
        Criterion(Survey, percent).Should().Be((score, reason));
    }

    [Test]
    public void A_percent_band_without_a_grade_shows_the_band_in_percent()
    {
        // The % sign is the unit: the table's 'unit: x' is not repeated after it.
        var rubric = TableText.Rubric("""
              - id: t
                measure: percent
                unit: x
                rows:
                  - { from: 60%, to: 80%, points: 2 }
                  - { below: 60%, points: 1 }
            """, points: 2);
        Criterion(rubric, "80%").Should().Be((2m, "80%，60%–80% 档，2 分"));         // to 80% inclusive
        Criterion(rubric, "80.1%").Should().Be((0m, "80.1%，无对应档次，0 分"));       // above every row
        Criterion(rubric, "59.9%").Should().Be((1m, "59.9%，< 60% 档，1 分"));
        Range(rubric).Should().Be((0m, 2m));
    }

    /// <summary>符合上述5项为A；符合4项为B；符合3项为C；其余情形为C#: A/B/C/C# = 100/66/33/0 % of 15 points.</summary>
    private static readonly string Conditions = TableText.Rubric("""
          - id: t
            measure: met
            unit: 项
            rows:
              - { from: 5, share: 100%, grade: A }
              - { from: 4, to: 4, share: 66%, grade: B }
              - { from: 3, to: 3, share: 33%, grade: C }
              - { to: 2, share: 0%, grade: "C#" }
        """, points: 15, criterion: "table: t\nitems: [a, b, c, d, e]");

    [TestCase("[a, b, c, d, e]", 15, "等级 A：符合 5 项，15 × 100% = 15")]
    [TestCase("[a, b, c, e]", 9.9, "等级 B：符合 4 项，15 × 66% = 9.9")]
    [TestCase("[e, a, c]", 4.95, "等级 C：符合 3 项，15 × 33% = 4.95")]
    [TestCase("[a, b]", 0, "等级 C#：符合 2 项，15 × 0% = 0")]
    [TestCase("[]", 0, "等级 C#：符合 0 项，15 × 0% = 0")]
    public void The_grade_follows_from_the_conditions_met(string met, decimal score, string reason)
    {
        Criterion(Conditions, met).Should().Be((score, reason));
    }

    [Test]
    public void Missing_items_are_counted_against_their_bands()
    {
        // 全部落实10分，缺1–2项5分，缺3项及以上不得分 (no row: 0).
        var rubric = TableText.Rubric("""
              - id: t
                measure: missing
                unit: 项
                rows:
                  - { to: 0, points: 10 }
                  - { from: 1, to: 2, points: 5 }
            """, points: 10, criterion: "table: t\nitems: [a, b, c]");
        Criterion(rubric, "[]").Should().Be((10m, "缺 0 项，≤ 0 项档，10 分"));
        Criterion(rubric, "[a]").Should().Be((5m, "缺 1 项，1–2 项档，5 分"));
        Criterion(rubric, "[a, c]").Should().Be((5m, "缺 2 项，1–2 项档，5 分"));
        Criterion(rubric, "[a, b, c]").Should().Be((0m, "缺 3 项，无对应档次，0 分"));
        Range(rubric).Should().Be((0m, 10m));
    }

    [Test]
    public void A_count_table_without_a_unit_says_项_and_an_amount_table_says_nothing()
    {
        var counts = TableText.Rubric("  - id: t\n    measure: count\n    rows:\n      - { from: 2, points: 1 }\n", points: 1);
        Criterion(counts, "3").Should().Be((1m, "3 项，≥ 2 项档，1 分"));
        Criterion(counts, "1").Should().Be((0m, "1 项，未达最低档 2 项，0 分"));
        var amounts = TableText.Rubric("  - id: t\n    measure: amount\n    rows:\n      - { from: 2.5, points: 1 }\n", points: 1);
        Criterion(amounts, "3").Should().Be((1m, "3，≥ 2.5 档，1 分"));
        Criterion(amounts, "2.4").Should().Be((0m, "2.4，未达最低档 2.5，0 分"));
    }

    [Test]
    public void A_row_without_bounds_matches_every_value_and_shows_no_band()
    {
        // 每次均得1分 whatever the count, 0 included.
        var rubric = TableText.Rubric("  - id: t\n    measure: count\n    unit: 次\n    rows:\n      - { points: 1 }\n", points: 1);
        Criterion(rubric, "0").Should().Be((1m, "0 次，1 分"));
        Criterion(rubric, "7").Should().Be((1m, "7 次，1 分"));
    }

    [Test]
    public void A_grid_with_a_negative_cell_is_unbounded_both_ways()
    {
        // Any number of entries may land in 单独 (+10) or in 综合 (-1): no least, no most.
        var rubric = TableText.Rubric("""
              - id: t
                measure: grid
                columns: [{ id: alone, label: 单独 }, { id: combined, label: 综合 }]
                rows: [{ id: city, label: 市, cells: { alone: 10, combined: -1 } }]
            """, points: 0, rule: "lookup() bonus");
        Range(rubric).Should().Be(((decimal?)null, (decimal?)null));
        Criterion(rubric, "[{ item: a, row: city, column: combined }, { item: b, row: city, column: combined }]")
            .Should().Be((-2m, "市 综合 -1 + 市 综合 -1 = -2"));                                  // -1 + -1 = -2
    }

    [Test]
    public void Rows_no_evidence_can_reach_do_not_widen_the_range()
    {
        // Row 2 (2.5–2.7) holds no whole count, so its 9 points can never be given: the most is row 1's 1.
        var rubric = TableText.Rubric("""
              - id: t
                measure: count
                unit: 场
                rows:
                  - { from: 1, to: 2, points: 1 }
                  - { from: 2.5, to: 2.7, points: 9 }
            """, points: 1);
        Range(rubric).Should().Be((0m, 1m));
        // Three items: 'from: 4' is out of reach, 'to: 3' gives 2.
        var met = TableText.Rubric("  - id: t\n    measure: met\n    rows:\n      - { from: 4, points: 10 }\n      - { to: 3, points: 2 }\n",
            points: 2, criterion: "table: t\nitems: [a, b, c]");
        Range(met).Should().Be((0m, 2m));
    }

    [Test]
    public void Negative_rows_make_the_range_negative()
    {
        // 扣分档: 1–2 起事故 -1, 3 起以上 -3; no accident scores 0.
        var rubric = TableText.Rubric("""
              - id: t
                measure: count
                unit: 起
                rows:
                  - { from: 1, to: 2, points: -1 }
                  - { from: 3, points: -3 }
            """, points: 0, rule: "lookup() bonus");
        Range(rubric).Should().Be((-3m, 0m));
        Criterion(rubric, "3").Should().Be((-3m, "3 起，≥ 3 起档，-3 分"));
        TableText.Score(rubric, "2").Lines[0].Bonus.Should().Be(-1m);
    }

    private static readonly string Assessment = TableText.Assessment;

    [TestCase("excellent", 2, "优秀，2 分")]
    [TestCase("good", 1, "良好，1 分")]
    [TestCase("{ category: excellent }", 2, "优秀，2 分")]
    [TestCase("{ category: fail, points: -2 }", -2, "不合格，评定 -2 分（-2 至 -1）")]      // the range's low end
    [TestCase("{ category: fail, points: -1.5 }", -1.5, "不合格，评定 -1.5 分（-2 至 -1）")]
    [TestCase("{ category: fail, points: -1 }", -1, "不合格，评定 -1 分（-2 至 -1）")]      // its high end
    public void A_category_scores_its_row(string value, decimal score, string reason)
    {
        Criterion(Assessment, value).Should().Be((score, reason));
    }

    [Test]
    public void A_category_table_ranges_over_its_rows_and_their_ranges()
    {
        // Fixed 2 and 1, the range -2 to -1: from -2 to 2.
        Range(Assessment).Should().Be((-2m, 2m));
    }

    [Test]
    public void A_category_with_a_share_takes_its_part_of_the_points()
    {
        // 良好 half of 4 points: 4 × 50% = 2.
        var rubric = TableText.Rubric("""
              - id: t
                measure: category
                rows:
                  - { id: excellent, label: 优秀, share: 100% }
                  - { id: good, label: 良好, share: 50% }
            """, points: 4);
        Criterion(rubric, "good").Should().Be((2m, "良好，4 × 50% = 2"));
        Range(rubric).Should().Be((0m, 4m));
    }

    private static readonly string Media = TableText.Media;

    [TestCase("[]", 0, "无，0 分（上限 30）")]
    [TestCase("[{ item: 报道一, row: province, column: headline }, { item: 报道二, row: city, column: alone }]", 25,
        "省 头版头条 20 + 市 单独 5 = 25（上限 30）")]                                  // 20 + 5 = 25
    [TestCase("[{ item: a, row: central, column: combined }, { item: b, row: city, column: combined }]", 13,
        "中央 综合 10 + 市 综合 3 = 13（上限 30）")]                                    // 10 + 3 = 13
    [TestCase("[{ item: a, row: central, column: alone }, { item: b, row: province, column: headline }]", 30,
        "中央 单独 20 + 省 头版头条 20 = 40 → 30（上限 30）")]                          // 20 + 20 = 40, capped at 30
    [TestCase("[{ item: a, row: province, column: combined }, { item: b, row: city, column: headline }]", 13,
        "省 综合 5 + 市 头版头条 8 = 13（上限 30）")]                                   // 5 + 8 = 13
    public void A_grid_sums_its_cells(string entries, decimal score, string reason)
    {
        Criterion(Media, entries).Should().Be((score, reason));
    }

    [Test]
    public void A_grid_is_unbounded_until_capped()
    {
        Range(Media).Should().Be((0m, 30m));
        TableText.Diagnostics(Media.Replace("lookup() cap 30", "lookup()", StringComparison.Ordinal)).Select(d => d.Message).Should().Equal(
            "'k' is worth 30 points, but lookup() can score without limit; add 'cap 30', or write 'uncapped' before it if the standard allows more");
    }

    [Test]
    public void Evidence_not_given_scores_0_even_where_a_row_starts_at_0()
    {
        // 'to: 0' would give 10 to an empty cell read as 0: not given is 0 points, with the usual reason.
        var rubric = TableText.Rubric("  - id: t\n    measure: count\n    rows:\n      - { to: 0, points: 10 }\n", points: 10);
        var compiled = EvidenceText.Compile(rubric);
        compiled.TryScoreText("rubric: test\nunit: 测试村\nlines:\n  only: {}\n", "e.yaml", out var card, out _).Should().BeTrue();
        (card!.Lines[0].Criteria[0].Score, card.Lines[0].Criteria[0].Reason).Should().Be((0m, "未提供，0 分"));
        RubricEngine.Scoring.Scorer.Numbers(compiled.Compiled, "测试村", new RubricEngine.Runtime.EvidenceRow(compiled.Compiled.SlotCount))
            .Total.Should().Be(0m);
    }
}
