using Microsoft.Playwright;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Reports;

/// <summary>
/// The HTML report as a person sees it: opened from disk in Debian's headless Chromium (driven by Playwright, with no
/// network), every unit listed, the three ECharts charts drawn with a real size, no error in the console. The
/// screenshot is kept as a test attachment and in TestResults/.
/// </summary>
[NonParallelizable] // it sets the current directory
public sealed class HtmlReportBrowserTests : CliFixture
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public async Task The_report_opens_offline_in_chromium_with_every_unit_and_three_drawn_charts()
    {
        if (!File.Exists(Chromium))
        {
            // .ci/run installs it; a developer machine without it is told how, rather than passing silently.
            Assert.Fail($"{Chromium} is missing: run 'apt-get update && apt-get install -y chromium' (as .ci/run does)");
        }

        var html = Temp.File("县.html");
        Run("report", "-r", "rubrics/village.yaml", CountyFixtures.Folder, "--out", html).Exit.Should().Be(0);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"], // CI runs as root, where Chromium's sandbox refuses to start
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, message) => problems.Add($"page error: {message}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                problems.Add($"network request: {request.Url}");
            }
        };

        await page.GotoAsync(new Uri(html).AbsoluteUri);
        await page.WaitForLoadStateAsync(LoadState.Load);

        var listed = await page.Locator("section:has(h2:text-is('排名')) tbody tr td:nth-child(2)").AllInnerTextsAsync();
        listed.Should().Equal(CountyFixtures.RankedUnits);
        var totals = await page.Locator("section:has(h2:text-is('排名')) tbody tr td:nth-child(7)").AllInnerTextsAsync();
        totals.Should().Equal("100", "94", "80", "80", "23.75");

        foreach (var id in new[] { "chart-totals", "chart-sections", "chart-profiles" })
        {
            var svg = page.Locator($"#{id} svg");
            (await svg.CountAsync()).Should().Be(1, $"ECharts drew {id}");
            var box = await svg.BoundingBoxAsync();
            box.Should().NotBeNull();
            box!.Width.Should().BeGreaterThan(100, id);
            box.Height.Should().BeGreaterThan(100, id);
            (await page.Locator($"#{id} svg path").CountAsync()).Should().BeGreaterThan(5, $"{id} has bars and axes");
        }

        // The profile chart names every unit on its axis; the distribution counts all five.
        var profileText = await page.Locator("#chart-profiles svg").TextContentAsync() ?? "";
        foreach (var unit in CountyFixtures.RankedUnits)
        {
            profileText.Should().Contain(unit);
        }

        var results = Path.Combine(Repo.Root, "tests", "RubricEngine.Tests", "TestResults");
        Directory.CreateDirectory(results);
        var screenshot = Path.Combine(results, "county-report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.AddTestAttachment(screenshot, "the county report in headless Chromium");
        new FileInfo(screenshot).Length.Should().BeGreaterThan(10_000);

        // Printed on A4 as the office would: Chromium's own print to PDF, the page's @page rule choosing the size.
        var pdf = Path.Combine(results, "county-report.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        TestContext.AddTestAttachment(pdf, "the county report printed to PDF");
        var printed = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(pdf));
        printed.Should().StartWith("%PDF-");
        // A4 is 210 × 297 mm = 595.28 × 841.89 pt; Chromium writes it as 594.96 × 841.92 (whole device pixels).
        printed.Should().MatchRegex(@"/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]", "the pages are A4");

        problems.Should().BeEmpty();
    }
}
