using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Serve;

/// <summary>
/// The playground as people use it: <c>rubric serve</c> started as a process, its page opened in Debian's headless
/// Chromium (driven by Playwright), typed into and ticked. No request may leave the server, and the console stays
/// clean. The screenshots are kept as test attachments and in TestResults/ (docs/images/ holds copies for the README).
/// </summary>
[NonParallelizable] // it sets the current directory (CliFixture)
public sealed class PlaygroundBrowserTests : CliFixture
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public async Task The_editor_shows_a_misspelled_function_at_its_line_as_you_type_and_clears_it_when_fixed()
    {
        await using var session = await BrowserSession.OpenAsync(Temp.Path);
        var page = session.Page;
        await page.WaitForFunctionAsync("() => document.querySelector('.CodeMirror').CodeMirror.getValue().includes('rule: monthly(0.5)')");
        // The shipped village rubric, checked once loaded: venue may reach 4 of its 6 (a deduction gives no points).
        await page.Locator("#maxima tr[data-line='venue']").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        (await page.Locator("#maxima tr[data-line='venue'] td").AllInnerTextsAsync()).Should().Equal("venue", "6", "4");
        (await page.Locator(".CodeMirror .line-maximum").AllInnerTextsAsync()).Should().StartWith(new[] { "≤ 6", "≤ 4" }, "organization and venue, the lines CodeMirror has drawn first");
        (await page.Locator("#diagnostics li").AllInnerTextsAsync()).Should().NotBeEmpty().And.NotContain(d => d.Contains("RE0102", StringComparison.Ordinal));

        // Line 106 is "        rule: monthly(0.5)": "monthly" starts at character 14, so "month" ends at 19. A person
        // clicks there and deletes the 'h'.
        await page.EvaluateAsync("() => { const cm = document.querySelector('.CodeMirror').CodeMirror; cm.focus(); cm.setCursor({ line: 105, ch: 19 }); cm.scrollIntoView({ line: 105, ch: 0 }, 200); }");
        await page.Keyboard.PressAsync("Backspace");

        var error = page.Locator("#diagnostics li[data-code='RE0102']");
        await error.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        (await error.GetAttributeAsync("data-line")).Should().Be("106");
        (await error.GetAttributeAsync("data-column")).Should().Be("15");
        (await error.InnerTextAsync()).Should().Be("106:15 RE0102 未知的评分函数 'montly'，是否应为 'monthly'？");
        (await page.Locator(".CodeMirror .CodeMirror-lint-mark-error").AllInnerTextsAsync()).Should().Equal("montly");
        (await page.Locator(".CodeMirror .CodeMirror-lint-marker-error").CountAsync()).Should().Be(1, "one error marker in the gutter, at line 106");
        await session.ScreenshotAsync("playground-editor.png", "the rubric editor with RE0102 at line 106");

        await page.Keyboard.TypeAsync("h");
        await error.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 15_000 });
        (await page.Locator(".CodeMirror .CodeMirror-lint-mark-error").CountAsync()).Should().Be(0);
        session.Problems.Should().BeEmpty();
    }

    [Test]
    public async Task The_editor_saves_with_the_pages_token_shows_what_changed_and_saves_errors_only_when_asked()
    {
        await using var session = await BrowserSession.OpenAsync(Temp.Path);
        var page = session.Page;
        await page.Locator("#maxima tr[data-line='venue']").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        (await page.InputValueAsync("#save-path")).Should().Be("village.yaml", "a built-in rubric is saved under its id");

        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已保存: village.yaml");
        File.ReadAllText(Temp.File("village.yaml")).Should().Be(Repo.Read("rubrics/village.yaml"));

        // Line 106 is "        rule: monthly(0.5)"; the rule from character 14 on becomes "monthly(1) cap 6".
        await page.EvaluateAsync("() => document.querySelector('.CodeMirror').CodeMirror.replaceRange('monthly(1) cap 6', { line: 105, ch: 14 }, { line: 105, ch: 26 })");
        await page.ClickAsync("#diff");
        var change = page.Locator("#changes .change");
        await Assertions.Expect(change).ToHaveTextAsync("changed lecturescriteria.lecture_months.rule: monthly(0.5) → monthly(1) cap 6");

        // Misspelled, it is not saved; with "save with errors" ticked, it is.
        await page.EvaluateAsync("() => document.querySelector('.CodeMirror').CodeMirror.replaceRange('montly', { line: 105, ch: 14 }, { line: 105, ch: 21 })");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("有错误，未保存；勾选“有错误也保存”可强制保存");
        File.ReadAllText(Temp.File("village.yaml")).Should().Contain("rule: monthly(0.5)");
        await page.CheckAsync("#save-with-errors");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已保存: village.yaml");
        File.ReadAllText(Temp.File("village.yaml")).Should().Contain("rule: montly(1) cap 6");
        session.Problems.Should().Equal(["console error: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"],
            "Chromium logs the refused save's answer, and nothing else went wrong");
    }

    [Test]
    public async Task Ticking_the_form_changes_the_total_and_the_exported_evidence_scores_the_same_with_the_cli()
    {
        await using var session = await BrowserSession.OpenAsync(Temp.Path);
        var page = session.Page;
        await page.ClickAsync("#tab-form");
        await page.Locator("fieldset[data-line='organization']").WaitForAsync();

        // A blank form: every flag false, no months, nothing missing, no numbers. Only "rules" scores: nothing is
        // missing, so per_missing(-2) takes nothing from its 4 points. Total 4.
        await ExpectTotal(page, "4");

        await page.FillAsync("#unit", "白龙村");
        await page.FillAsync("#year", "2022");
        await page.CheckAsync("input[name='organization.leading_group']");            // +2
        await page.CheckAsync("input[name='lectures.lecture_team']");                 // +4
        await page.CheckAsync("input[name='lectures.lecture_months'][value='1']");    // +0.5
        await page.CheckAsync("input[name='lectures.lecture_months'][value='2']");    // +0.5
        await page.CheckAsync("input[name='review_meetings.meeting_quarters'][value='1']"); // +3
        await page.CheckAsync("input[name='rules.missing'][value='duties']");         // 4 − 2 = 2 for rules: −2
        await page.ClickAsync("[data-name='publicity.publications'] .add");
        await page.FillAsync("[data-name='publicity.publications'] .row .item", "tea-lecture");
        await page.SelectOptionAsync("[data-name='publicity.publications'] .row .level", "city"); // tiered(2,3,4,6): city 3
        await page.FillAsync("input[name='archives.archive_quality']", "6.5");        // judged(0, 8): 6.5

        // 4 + 2 + 4 + 0.5 + 0.5 + 3 − 2 + 3 + 6.5 = 21.5
        await ExpectTotal(page, "21.5");
        (await page.Locator("#card-lines [data-line='lectures'] b").InnerTextAsync()).Should().Be("5 / 10", "lecture team 4 + 2 months × 0.5");
        (await page.Locator("#card-lines [data-line='rules'] li").AllInnerTextsAsync()).Should().Contain(r => r.Contains("职责上墙", StringComparison.Ordinal));
        await page.EvaluateAsync("() => document.getElementById('evidence-form').scrollTop = 0");
        await session.ScreenshotAsync("playground-form.png", "the evidence form and its score card");

        // Exported as JSON and as YAML, each scored by the CLI to the same total.
        foreach (var (button, name) in new[] { ("#export-json", "白龙村.json"), ("#export-yaml", "白龙村.yaml") })
        {
            var card = await ExportAndScoreAsync(page, button, name, "village");
            card["total"]!.GetValue<decimal>().Should().Be(21.5m, name);
            card["unit"]!.GetValue<string>().Should().Be("白龙村");
        }

        // Unticking takes its 2 points away; loading the exported file brings the form, and the total, back.
        await page.UncheckAsync("input[name='organization.leading_group']");
        await ExpectTotal(page, "19.5");
        await page.SetInputFilesAsync("#load-evidence", Temp.File("白龙村.yaml")); // the YAML export, read back by the engine
        await ExpectTotal(page, "21.5");
        (await page.IsCheckedAsync("input[name='organization.leading_group']")).Should().BeTrue();
        session.Problems.Should().BeEmpty();
    }

    [Test]
    public async Task The_new_kinds_get_their_own_fields_and_the_card_shows_the_grade_and_the_vetoes()
    {
        // A rubric in the served folder with a percentage, a category with a range row, a grid, a met table, unit
        // types, two vetoes and grades (tests/RubricEngine.Tests/Serve/Rubrics/every-new-kind.yaml).
        File.WriteAllText(Temp.File("every-new-kind.yaml"), Repo.Read("tests/RubricEngine.Tests/Serve/Rubrics/every-new-kind.yaml"));
        await using var session = await BrowserSession.OpenAsync(Temp.Path);
        var page = session.Page;
        await page.ClickAsync("#tab-form");
        await page.Locator("fieldset[data-line='organization']").WaitForAsync();
        await page.SelectOptionAsync("#form-rubric", "path:every-new-kind.yaml");
        await page.Locator("fieldset[data-line='volunteers']").WaitForAsync();

        // The rubric-level evidence: its unit types as a select, a checkbox per veto with its label.
        (await page.Locator("#unit-type option").AllInnerTextsAsync()).Should().Equal("— 请选择 —", "区", "开发区");
        (await page.Locator(".field[data-key='vetoes'] label").AllInnerTextsAsync()).Select(l => l.Trim()).Should()
            .Equal("发生较大事故以上（因不可抗力因素除外）", "未按时报送考核材料");
        // A percentage is a number with a % beside it and the allowed range.
        var share = page.Locator("input[name='volunteers.registered_share']");
        (await share.GetAttributeAsync("type"), await share.GetAttributeAsync("step")).Should().Be(("number", "any"));
        (await page.Locator(".field[data-key='registered_share'] .hint").InnerTextAsync()).Trim().Should().Be("0% – 1000%");
        // A category is a select of the table's rows by their Chinese labels; the range row shows its range.
        (await page.Locator("select[name='third_party.assessment'] option").AllInnerTextsAsync()).Should()
            .Equal("— 请选择 —", "优秀", "良好", "合格", "不合格 (-2 – -1)");
        // The met table's boxes say that a tick means met.
        (await page.Locator(".field[data-key='conditions_met'] .ticks").InnerTextAsync()).Should().Be("勾选＝已符合");

        await page.FillAsync("#unit", "高新区");
        await page.FillAsync("#year", "2024");
        await page.SelectOptionAsync("#unit-type", "zone");
        await share.FillAsync("76.5");
        await page.SelectOptionAsync("select[name='third_party.assessment']", "fail");
        var points = page.Locator("input[name='third_party.assessment#points']");
        (await points.GetAttributeAsync("min"), await points.GetAttributeAsync("max")).Should().Be(("-2", "-1"));
        await points.FillAsync("-1.5");
        var grid = page.Locator("[data-name='media_reports.reports']");
        await grid.Locator(".add").ClickAsync();
        await grid.Locator(".row .item").Nth(0).FillAsync("茶乡微讲堂");
        await grid.Locator(".row .grid-row").Nth(0).SelectOptionAsync("province");
        // 省 has cells in 单独报道, 综合报道 and 头版头条 only: the column select offers just those.
        (await grid.Locator(".row .grid-column").Nth(0).Locator("option").AllInnerTextsAsync()).Should().Equal("单独报道", "综合报道", "头版头条");
        await grid.Locator(".row .grid-column").Nth(0).SelectOptionAsync("combined");
        await grid.Locator(".add").ClickAsync();
        await grid.Locator(".row .item").Nth(1).FillAsync("志愿服务月");
        await grid.Locator(".row .grid-row").Nth(1).SelectOptionAsync("city");
        await grid.Locator(".row .grid-column").Nth(1).SelectOptionAsync("front_page");
        foreach (var met in new[] { "venue", "team", "plan", "records" })
        {
            await page.CheckAsync($"input[name='standardization.conditions_met'][value='{met}']");
        }

        await page.FillAsync("input[name='recommendations.people_recommended']", "3");

        // volunteers: 76.5% is 3.5 points below 80%, × 1 = 3.5: 20 − 3.5 = 16.5
        // third_party (bonus): 不合格, the inspector's −1.5
        // media_reports: 省 综合报道 5 + 市 头版 8 = 13 (cap 20)
        // standardization: 4 items met → B, 15 × 66% = 9.9
        // recommendations (开发区): 3 people, 1 short of 4, × 1.25 = 1.25: 5 − 1.25 = 3.75
        // base 16.5 + 13 + 9.9 + 3.75 = 43.15, bonus −1.5: total 41.65, from 40 up: 良好
        await ExpectTotal(page, "41.65");
        await Assertions.Expect(page.Locator("#grade")).ToHaveTextAsync("良好");
        (await page.Locator("#card-unit-type").InnerTextAsync()).Should().Be("单位类型: 开发区");
        (await page.Locator("#card-vetoes li").CountAsync()).Should().Be(0);

        // 未按时报送 caps the total at 30: min(41.65, 30) = 30, from 30 up: 合格.
        await page.CheckAsync("input[name='veto'][value='late_report']");
        await ExpectTotal(page, "30");
        await Assertions.Expect(page.Locator("#grade")).ToHaveTextAsync("合格");
        (await page.Locator("#card-vetoes li").AllInnerTextsAsync()).Should().Equal("一票否决：未按时报送考核材料，总分 41.65 → 30（上限 30）");
        // 发生较大事故 too: zero wins over the cap, 0 is below 30: 不合格.
        await page.CheckAsync("input[name='veto'][value='major_accident']");
        await ExpectTotal(page, "0");
        await Assertions.Expect(page.Locator("#grade")).ToHaveTextAsync("不合格");
        await page.UncheckAsync("input[name='veto'][value='major_accident']");
        await ExpectTotal(page, "30");
        await page.EvaluateAsync("() => document.getElementById('evidence-form').scrollTop = 0");
        await session.ScreenshotAsync("playground-form-kinds.png", "the evidence form with the new kinds, a veto raised");

        // Exported as JSON and as YAML, each scored by the CLI to the same total, grade and veto.
        foreach (var (button, name) in new[] { ("#export-json", "高新区.json"), ("#export-yaml", "高新区.yaml") })
        {
            var card = await ExportAndScoreAsync(page, button, name, Temp.File("every-new-kind.yaml"));
            card["total"]!.GetValue<decimal>().Should().Be(30m, name);
            card["base_total"]!.GetValue<decimal>().Should().Be(43.15m, name);
            card["grade"]!["id"]!.GetValue<string>().Should().Be("pass", name);
            card["unit_type"]!.GetValue<string>().Should().Be("zone", name);
            card["vetoes"]!.AsArray().Select(v => v!["key"]!.GetValue<string>()).Should().Equal(["late_report"], name);
        }

        var yaml = File.ReadAllText(Temp.File("高新区.yaml"));
        yaml.Should().Contain("registered_share: 76.5%").And.Contain("assessment: { category: \"fail\", points: -1.5 }")
            .And.Contain("unit_type: \"zone\"").And.Contain("vetoes: { major_accident: false, late_report: true }");

        // A fresh form, then the YAML export loaded back: every field, and so the total, returns.
        await page.SelectOptionAsync("#form-rubric", "id:village");
        await page.Locator("fieldset[data-line='organization']").WaitForAsync();
        await page.SelectOptionAsync("#form-rubric", "path:every-new-kind.yaml");
        await page.Locator("fieldset[data-line='volunteers']").WaitForAsync();
        (await page.InputValueAsync("input[name='volunteers.registered_share']")).Should().BeEmpty();
        await page.SetInputFilesAsync("#load-evidence", Temp.File("高新区.yaml"));
        await ExpectTotal(page, "30");
        (await page.InputValueAsync("#unit-type")).Should().Be("zone");
        (await page.IsCheckedAsync("input[name='veto'][value='late_report']")).Should().BeTrue();
        (await page.InputValueAsync("input[name='volunteers.registered_share']")).Should().Be("76.5");
        (await page.InputValueAsync("select[name='third_party.assessment']")).Should().Be("fail");
        (await page.InputValueAsync("input[name='third_party.assessment#points']")).Should().Be("-1.5");
        (await grid.Locator(".row .grid-column").EvaluateAllAsync<string[]>("s => s.map(x => x.value)")).Should().Equal("combined", "front_page");
        // Until a unit type is chosen (and the range row's points given) the card shows the engine's errors: 422s that
        // Chromium logs, and nothing else went wrong.
        session.Problems.Should().NotBeEmpty().And.OnlyContain(p => p == "console error: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)");
    }

    [Test]
    public async Task A_kind_of_evidence_the_page_does_not_know_gets_a_text_field_with_its_description()
    {
        await using var session = await BrowserSession.OpenAsync(Temp.Path);
        var page = session.Page;
        // A newer engine may describe a kind this page has no widget for (a signature, say): the form description is
        // given one such field, as that engine would send it.
        await page.RouteAsync("**/api/form", async route =>
        {
            var response = await route.FetchAsync();
            var form = JsonNode.Parse(await response.TextAsync())!;
            form["lines"]![0]!["fields"]!.AsArray().Add(new JsonObject
            {
                ["key"] = "signed_by", ["kind"] = "Signature", ["label"] = "检查人签名", ["min"] = 0, ["max"] = null,
                ["allowed"] = new JsonArray(), ["description"] = "the inspector's name",
                ["rows"] = new JsonArray(), ["columns"] = new JsonArray(), ["lists_met"] = false,
            });
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = form.ToJsonString() });
        });
        await page.ClickAsync("#tab-form");

        var field = page.Locator("input[name='organization.signed_by']");
        await field.WaitForAsync();
        (await field.GetAttributeAsync("type")).Should().Be("text");
        (await page.Locator(".field[data-key='signed_by'] .hint").InnerTextAsync()).Trim().Should().Be("the inspector's name");
        await field.FillAsync("张三");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-json"));
        var file = Temp.File("signature.json");
        await download.SaveAsAsync(file);
        JsonNode.Parse(File.ReadAllText(file))!["lines"]!["organization"]!["signed_by"]!.GetValue<string>().Should().Be("张三", "the value goes out as typed");
    }

    /// <summary>Clicks an export button, saves the download as <paramref name="name"/> and scores it with <c>rubric score --format json</c>.</summary>
    private async Task<JsonNode> ExportAndScoreAsync(IPage page, string button, string name, string rubric)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(button));
        var file = Temp.File(name);
        await download.SaveAsAsync(file);
        var (exit, output, error) = Run("score", "--rubric", rubric, "--format", "json", file);
        exit.Should().Be(0, error);
        return JsonNode.Parse(output)!;
    }

    private static async Task ExpectTotal(IPage page, string total)
    {
        var output = page.Locator("#total");
        try
        {
            await Assertions.Expect(output).ToHaveTextAsync(total, new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });
        }
        catch (PlaywrightException)
        {
            (await output.InnerTextAsync()).Should().Be(total, await page.Locator("#card-problems").InnerTextAsync());
        }
    }

    /// <summary>The served folder's page in headless Chromium; every console error, page error and outside request is a problem.</summary>
    private sealed class BrowserSession : IAsyncDisposable
    {
        private readonly ServeProcess server;
        private readonly IPlaywright playwright;
        private readonly IBrowser browser;

        private BrowserSession(ServeProcess server, IPlaywright playwright, IBrowser browser, IPage page)
        {
            this.server = server;
            this.playwright = playwright;
            this.browser = browser;
            Page = page;
        }

        public IPage Page { get; }

        public List<string> Problems { get; } = [];

        public static async Task<BrowserSession> OpenAsync(string root)
        {
            if (!File.Exists(Chromium))
            {
                // .ci/run installs it; a developer machine without it is told how, rather than passing silently.
                Assert.Fail($"{Chromium} is missing: run 'apt-get update && apt-get install -y chromium' (as .ci/run does)");
            }

            var server = ServeProcess.Start(root);
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox"], // CI runs as root, where Chromium's sandbox refuses to start
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions
            {
                ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
                AcceptDownloads = true,
            });
            var session = new BrowserSession(server, playwright, browser, page);
            var own = server.Address.GetLeftPart(UriPartial.Authority);
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    session.Problems.Add($"console {message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, message) => session.Problems.Add($"page error: {message}");
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith(own, StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
                {
                    session.Problems.Add($"request outside the server: {request.Url}");
                }
            };

            await page.GotoAsync(server.Address.ToString());
            await page.Locator("body[data-ready='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            return session;
        }

        public async Task ScreenshotAsync(string name, string description)
        {
            var results = Path.Combine(Repo.Root, "tests", "RubricEngine.Tests", "TestResults");
            Directory.CreateDirectory(results);
            var file = Path.Combine(results, name);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
            TestContext.AddTestAttachment(file, description);
            new FileInfo(file).Length.Should().BeGreaterThan(10_000);
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            server.Dispose();
        }
    }
}
