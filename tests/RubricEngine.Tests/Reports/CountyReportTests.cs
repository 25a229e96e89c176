using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using RubricEngine.Cli.Reports;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Reports;

/// <summary>
/// <c>rubric report</c> over the five hand-scored villages of <c>Reports/County/</c>: the ranking, the line statistics
/// and the files not scored, in each format, checked against hand-calculated numbers and the JSON cards.
/// </summary>
[NonParallelizable] // it sets the current directory
public sealed class CountyReportTests : CliFixture
{
    [Test]
    public void The_csv_ranks_by_total_with_shared_ranks_then_by_unit_name()
    {
        var csv = Temp.File("县.csv");
        var (exit, output, error) = Run("report", "--rubric", "rubrics/village.yaml", CountyFixtures.Folder, "--out", csv);

        exit.Should().Be(0, error);
        error.Should().BeEmpty("nothing is refused, and no progress is drawn when stderr is not a terminal");
        output.Should().Be($"rubric: {csv}: 5 units ranked, 0 not scored{Environment.NewLine}");
        var bytes = File.ReadAllBytes(csv);
        bytes.Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "Excel needs the byte-order mark to read UTF-8 Chinese headers");
        var rows = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split(',')).ToList();
        rows[0].Take(10).Should().Equal("名次", "单位", "文件", "年度", "基础分", "加分", "总分", "组织机构（6分）", "阵地打造（10分）", "队伍建设（15分）");
        rows[0].Should().Contain("活动开展·review_meetings");
        var units = rows.Skip(1).ToList();
        units.Select(r => r[1]).Should().Equal(CountyFixtures.RankedUnits);
        units.Select(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(CountyFixtures.Ranks);
        units.Select(r => r[6]).Should().Equal("100", "94", "80", "80", "23.75");
        // 东河村: base 90 + bonus 10 (case_collected: present(10) bonus).
        units[0][4..7].Should().Equal("90", "10", "100");
        units[0][2].Should().Be(CountyFixtures.Folder + "/donghe.yaml");
    }

    [Test]
    public void A_unit_name_that_looks_like_a_formula_stays_text_in_the_csv()
    {
        Temp.CopyVillages("村");
        var donghe = Temp.File("村/donghe.yaml");
        File.WriteAllText(donghe, File.ReadAllText(donghe).Replace("unit: 东河村", "unit: \"=HYPERLINK(1)\"", StringComparison.Ordinal));
        var csv = Temp.File("县.csv");
        Run("report", "-r", "rubrics/village.yaml", Temp.File("村"), "--out", csv).Exit.Should().Be(0);
        File.ReadAllLines(csv)[1].Should().StartWith("1,'=HYPERLINK(1),");
    }

    [Test]
    public void A_report_written_into_the_folder_it_reads_is_not_read_back_as_evidence()
    {
        Temp.CopyVillages("村");
        var xlsx = Temp.File("村/汇总.xlsx");
        Run("report", "-r", "rubrics/village.yaml", Temp.File("村"), "--out", xlsx).Exit.Should().Be(0);
        var (exit, output, error) = Run("report", "-r", "rubrics/village.yaml", Temp.File("村"), "--out", xlsx);
        exit.Should().Be(0, error);
        output.Should().Contain("5 units ranked, 0 not scored");
    }

    [Test]
    public void Ties_share_a_rank_and_the_next_rank_skips()
    {
        // Totals 90, 80, 80, 70 → ranks 1, 2, 2, 4; the tie is ordered by unit name.
        RankedUnit Unit(string name, decimal total) => new(0, name, name + ".yaml", null, total, 0, total, [], []);
        var ranked = CountyReportBuilder.Rank([Unit("丁", 70), Unit("乙", 80), Unit("甲", 90), Unit("丙", 80)]);
        ranked.Select(u => (u.Rank, u.Unit)).Should().Equal((1, "甲"), (2, "丙"), (2, "乙"), (4, "丁"));
    }

    [Test]
    public void The_workbook_holds_numbers_chinese_headers_frozen_rows_and_the_totals_of_the_json_cards()
    {
        var xlsx = Temp.File("县.xlsx");
        Run("report", "-r", "rubrics/village.yaml", CountyFixtures.Folder, "--out", xlsx).Exit.Should().Be(0);
        var (exit, json, _) = Run("score", "-r", "rubrics/village.yaml", "--format", "json", CountyFixtures.Folder);
        exit.Should().Be(0);
        // Per file, the card's numbers in the ranking sheet's column order: base, bonus, total, sections, lines.
        var cards = JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(
            c => c.GetProperty("file").GetString()!,
            c => new[] { c.GetProperty("base_total").GetDecimal(), c.GetProperty("bonus_total").GetDecimal(), c.GetProperty("total").GetDecimal() }
                .Concat(c.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("score").GetDecimal()))
                .Concat(c.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("score").GetDecimal()))
                .ToArray());

        using var workbook = new XLWorkbook(xlsx);
        workbook.Worksheets.Select(s => s.Name).Should().Equal("排名", "各项得分", "未评分");
        var ranking = workbook.Worksheet("排名");
        ranking.SheetView.SplitRow.Should().Be(1, "the header row stays in view");
        ranking.Cell(1, 1).GetString().Should().Be("名次");
        ranking.Cell(1, 7).GetString().Should().Be("总分");
        for (var row = 2; row <= 6; row++)
        {
            ranking.Cell(row, 7).DataType.Should().Be(XLDataType.Number);
            var file = ranking.Cell(row, 3).GetString();
            // 7 sections and 12 lines of village.yaml follow 基础分, 加分, 总分 (columns 5 to 7).
            Enumerable.Range(5, 3 + 7 + 12).Select(c => (decimal)ranking.Cell(row, c).GetDouble()).Should()
                .Equal(cards[file], $"the workbook's numbers for {file} are the JSON card's");
            ranking.Cell(row, 5 + 3 + 7 + 12).IsEmpty().Should().BeTrue();
            ranking.Cell(row, 1).GetDouble().Should().Be(CountyFixtures.Ranks[row - 2]);
            ranking.Cell(row, 2).GetString().Should().Be(CountyFixtures.RankedUnits[row - 2]);
        }

        ranking.Cell(7, 1).IsEmpty().Should().BeTrue();
        cards.Should().HaveCount(5);

        var lines = workbook.Worksheet("各项得分");
        lines.SheetView.SplitRow.Should().Be(1);
        Enumerable.Range(1, 9).Select(c => lines.Cell(1, c).GetString()).Should()
            .Equal("考核项目", "编号", "考核内容", "分值", "平均分", "最低分", "最高分", "满分单位占比", "全县失分");
        // Points lost per line over the five villages, by hand from the fixtures' line scores (points − score):
        //   publicity 10: 8 + 4 + 8 + 8 + 10 = 38      review_meetings 12: 0 + 0 + 9 + 0 + 9 = 18
        //   activities 24: 0 + 0 + 0 + 2 + 15 = 17     venue 6: 2 + 2 + 2 + 2 + 4.5 = 12.5
        //   lectures 10: 0 + 0 + 0 + 2 + 8.5 = 10.5    organization 6: 2 + 6 = 8, rules 4: 4 + 4 = 8 (rubric order)
        //   archives 8: 1 + 5.75 = 6.75                 micro_lecture, team, innovation: 4 each; activity_plan 1.5
        Enumerable.Range(2, 12).Select(r => lines.Cell(r, 2).GetString()).Should().Equal(
            "publicity", "review_meetings", "activities", "venue", "lectures", "organization", "rules", "archives",
            "micro_lecture", "team", "innovation", "activity_plan");
        Enumerable.Range(2, 12).Select(r => (decimal)lines.Cell(r, 9).GetDouble()).Should().Equal(
            38m, 18m, 17m, 12.5m, 10.5m, 8m, 8m, 6.75m, 4m, 4m, 4m, 1.5m);
        // review_meetings: scores 12, 12, 3, 12, 3 → mean 42 / 5 = 8.4, min 3, max 12, full marks 3 of 5 = 60%.
        var reviews = lines.Row(3);
        reviews.Cell(4).GetDouble().Should().Be(12);
        reviews.Cell(5).GetDouble().Should().Be(8.4);
        reviews.Cell(6).GetDouble().Should().Be(3);
        reviews.Cell(7).GetDouble().Should().Be(12);
        reviews.Cell(8).GetDouble().Should().Be(0.6);
        reviews.Cell(8).Style.NumberFormat.Format.Should().Be("0.00%");
        // publicity (uncapped): 2, 6, 2, 2, 0 → mean 12 / 5 = 2.4; nobody reaches its 10 points.
        lines.Cell(2, 5).GetDouble().Should().Be(2.4);
        lines.Cell(2, 8).GetDouble().Should().Be(0);
        workbook.Worksheet("未评分").Cell(2, 1).IsEmpty().Should().BeTrue();
    }

    [Test]
    public void A_malformed_file_is_listed_with_its_error_every_good_unit_is_ranked_and_the_exit_code_is_one()
    {
        Temp.CopyVillages("村");
        File.WriteAllText(Temp.File("村/坏.yaml"), "rubric: village\nunit: 坏村\nlines: { organization: [\n");
        var xlsx = Temp.File("县.xlsx");
        var markdown = Temp.File("县.md");
        var folder = Temp.File("村");

        var (exit, output, error) = Run("report", "-r", "rubrics/village.yaml", folder, "--out", xlsx);
        Run("report", "-r", "rubrics/village.yaml", folder, "--out", markdown).Exit.Should().Be(1);

        exit.Should().Be(1);
        output.Should().Contain("5 units ranked, 1 not scored");
        var bad = Path.Combine(folder, "坏.yaml");
        error.Should().Contain($"{bad}(4,1): error RE0004: malformed YAML").And.Contain($"rubric: {bad} was not scored: it has 1 error");
        using var workbook = new XLWorkbook(xlsx);
        Enumerable.Range(2, 5).Select(r => workbook.Worksheet("排名").Cell(r, 2).GetString()).Should().Equal(CountyFixtures.RankedUnits);
        var refused = workbook.Worksheet("未评分");
        refused.Cell(2, 1).GetString().Should().Be(bad);
        refused.Cell(2, 2).GetString().Should().Be($"{bad}(4,1)");
        refused.Cell(2, 3).GetString().Should().Be("RE0004");
        refused.Cell(2, 4).GetString().Should().StartWith("malformed YAML");
        refused.Cell(3, 1).IsEmpty().Should().BeTrue();

        var text = File.ReadAllText(markdown);
        text.Should().Contain("已评分 5 个单位，未评分 1 个文件。").And.Contain("## 未评分").And.Contain($"| {bad} | {bad}(4,1) | RE0004 | malformed YAML");
        text.Should().Contain($"| 3 | 北坝村 | {folder}/beiba.yaml | 2022 | 80 | 0 | 80 |").And.Contain($"| 5 | 中和村 | {folder}/zhonghe.yaml | 2022 | 23.75 | 0 | 23.75 |");
    }

    [Test]
    public void A_pattern_that_names_nothing_is_listed_as_not_scored()
    {
        var markdown = Temp.File("县.md");
        var (exit, output, _) = Run("report", "-r", "rubrics/village.yaml", CountyFixtures.Folder, "乡镇/*.yaml", "--out", markdown);
        exit.Should().Be(1);
        output.Should().Contain("5 units ranked, 1 not scored");
        File.ReadAllText(markdown).Should().Contain(
            "| 乡镇/*.yaml | 乡镇/*.yaml(1,1) | RE0001 | the pattern matches no evidence file; check the folder and the spelling |");
    }

    [Test]
    public void An_unknown_report_extension_is_a_usage_error_and_writes_nothing()
    {
        var pdf = Temp.File("县.pdf");
        var (exit, _, error) = Run("report", "-r", "rubrics/village.yaml", CountyFixtures.Folder, "--out", pdf);
        exit.Should().NotBe(0);
        error.Should().Contain("--out must end in .csv, .html, .md, .xlsx");
        File.Exists(pdf).Should().BeFalse();
    }

    [Test]
    public void The_html_is_one_offline_file_with_echarts_inlined()
    {
        var html = Temp.File("县.html");
        Run("report", "-r", "rubrics/village.yaml", CountyFixtures.Folder, "--out", html).Exit.Should().Be(0);
        var page = File.ReadAllText(html);
        page.Should().StartWith("<!DOCTYPE html>").And.Contain("<html lang=\"zh-CN\">").And.Contain("@page { size: A4");
        page.Should().NotContain("<script src", "everything is inlined: the report must open offline")
            .And.NotContain("{{", "every placeholder is filled");
        page.Should().Contain("Licensed to the Apache Software Foundation", "ECharts is inlined with its licence header");
        foreach (var unit in CountyFixtures.RankedUnits)
        {
            page.Should().Contain($"<td>{unit}</td>");
        }
    }
}
