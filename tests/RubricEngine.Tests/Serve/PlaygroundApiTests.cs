using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using RubricEngine.Cli.Serve;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Serve;

/// <summary>
/// The JSON API of <c>rubric serve</c> over HTTP, as a script or another team calls it: every endpoint, every status
/// code and limit, path traversal in every form, and after each refusal the next request answered normally.
/// </summary>
[NonParallelizable] // CliFixture moves the current directory; the servers themselves use their own ports and folders
public sealed class PlaygroundApiTests : CliFixture
{
    private static readonly string VillageText = Repo.Read("rubrics/village.yaml");
    private static readonly string BailongEvidence = Repo.Read("samples/village-bailong.yaml");

    [Test]
    public async Task Check_finds_a_misspelled_function_at_its_line_and_column_in_either_language()
    {
        await using var host = await PlaygroundHost.StartAsync();
        var misspelled = VillageText.Replace("rule: monthly(0.5)", "rule: montly(0.5)", StringComparison.Ordinal);

        // Where it is, counted from the text: the line holding the rule, and the column after "        rule: " (14 characters).
        var line = Array.FindIndex(misspelled.Split('\n'), l => l.Contains("montly(", StringComparison.Ordinal)) + 1;
        line.Should().Be(106, "the lectures line's monthly rule is on line 106 of rubrics/village.yaml");

        var (status, body, _) = await host.PostAsync("/api/check", new { rubric = misspelled, lang = "en" });
        status.Should().Be(200);
        body!["ok"]!.GetValue<bool>().Should().BeFalse();
        body["lines"]!.AsArray().Should().BeEmpty("a rubric with errors has no line maxima");
        var error = body["diagnostics"]!.AsArray().Single(d => d!["severity"]!.GetValue<string>() == "error")!;
        error["code"]!.GetValue<string>().Should().Be("RE0102");
        error["line"]!.GetValue<int>().Should().Be(line);
        error["column"]!.GetValue<int>().Should().Be("        rule: ".Length + 1);
        error["message"]!.GetValue<string>().Should().Be("unknown function 'montly'; did you mean 'monthly'?");

        var (_, chinese, _) = await host.PostAsync("/api/check", new { rubric = misspelled, lang = "zh" });
        chinese!["diagnostics"]!.AsArray().Single(d => d!["code"]!.GetValue<string>() == "RE0102")!["message"]!.GetValue<string>()
            .Should().Be("未知的评分函数 'montly'，是否应为 'monthly'？");
    }

    [Test]
    public async Task Check_of_a_good_rubric_gives_each_lines_points_and_maximum()
    {
        await using var host = await PlaygroundHost.StartAsync();
        var (status, body, _) = await host.PostAsync("/api/check", new { rubric = VillageText });

        status.Should().Be(200);
        body!["ok"]!.GetValue<bool>().Should().BeTrue();
        var lines = body["lines"]!.AsArray();
        lines.Select(l => l!["id"]!.GetValue<string>()).Should().Equal(
            "organization", "venue", "micro_lecture", "team", "lectures", "rules", "activity_plan", "review_meetings",
            "activities", "publicity", "innovation", "archives");
        // organization: three present(2) = 6 of 6; venue: two present(2) and a deduction = 4 of its 6 (RE0201 says so).
        Json(lines[0]!).Should().Be("""{"id":"organization","points":6,"maximum":6}""");
        Json(lines[1]!).Should().Be("""{"id":"venue","points":6,"maximum":4}""");
        body["diagnostics"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()).Should().Contain("RE0201").And.NotContain("RE0102");
    }

    [Test]
    public async Task Score_by_built_in_id_gives_the_same_card_as_the_cli_json()
    {
        await using var host = await PlaygroundHost.StartAsync();
        var (status, card, _) = await host.PostAsync("/api/score", new { rubric_id = "village", evidence = BailongEvidence });
        status.Should().Be(200);

        var cli = Run("score", "--rubric", "village", "--format", "json", "samples/village-bailong.yaml");
        cli.Exit.Should().Be(0);
        var expected = JsonNode.Parse(cli.Output)!.AsObject();
        expected.Remove("file"); // the CLI names the file it read; the API was given text
        JsonNode.DeepEquals(card, expected).Should().BeTrue($"API card:\n{card}\nCLI card:\n{expected}");
        card!["total"]!.GetValue<decimal>().Should().Be(75m, "the README's total for 白龙村");
    }

    [Test]
    public async Task Score_of_json_evidence_with_rubric_text_and_with_a_root_path()
    {
        await using var host = await PlaygroundHost.StartAsync();
        File.WriteAllText(host.Root.File("village.yaml"), VillageText);
        // organization: leading_group 2 + dedicated_staff 2 = 4; every other line not given scores 0.
        const string evidence = """{ "rubric": "village", "unit": "甲村", "lines": { "organization": { "leading_group": true, "dedicated_staff": true } } }""";

        var byText = await host.PostAsync("/api/score", new { rubric = VillageText, evidence });
        var byPath = await host.PostAsync("/api/score", new { rubric_path = "village.yaml", evidence });

        byText.Status.Should().Be(200, byText.Text);
        byText.Body!["total"]!.GetValue<decimal>().Should().Be(4m);
        byPath.Status.Should().Be(200, byPath.Text);
        byPath.Body!["total"]!.GetValue<decimal>().Should().Be(4m);
    }

    [Test]
    public async Task Score_answers_422_with_the_evidence_diagnostics()
    {
        await using var host = await PlaygroundHost.StartAsync();
        const string evidence = "rubric: village\nunit: 甲村\nlines:\n  organization: { leading_group: 7 }\n";

        var (status, body, _) = await host.PostAsync("/api/score", new { rubric_id = "village", evidence });

        status.Should().Be(422);
        var diagnostic = body!["diagnostics"]!.AsArray().Single()!;
        // Line 4 is "  organization: { leading_group: 7 }"; the 7 follows 33 characters, so it is in column 34.
        Json(diagnostic).Should().Be(
            """{"code":"RE0012","severity":"error","file":"evidence.yaml","line":4,"column":34,"message":"'organization.leading_group' must be true or false, not '7'"}""");
    }

    [Test]
    public async Task Evidence_reads_a_yaml_file_as_the_json_the_form_fills_itself_from()
    {
        await using var host = await PlaygroundHost.StartAsync();

        var (status, body, _) = await host.PostAsync("/api/evidence", new { rubric_id = "village", evidence = BailongEvidence });

        status.Should().Be(200);
        var evidence = body!["evidence"]!;
        evidence["unit"]!.GetValue<string>().Should().Be("白龙村");
        evidence["year"]!.GetValue<decimal>().Should().Be(2022m);
        Json(evidence["lines"]!["organization"]!).Should().Be("""{"leading_group":true,"dedicated_staff":true,"duties_on_wall":false}""");
        Json(evidence["lines"]!["venue"]!["discretionary_deduction"]!).Should().Be("0.5");
        Json(evidence["lines"]!["rules"]!).Should().Be("""{"missing":["duties"]}""");
        Json(evidence["lines"]!["publicity"]!["publications"]![1]!).Should().Be("""{"item":"tea-lecture","level":"city"}""");

        // The JSON it gives scores as the YAML did: 75, the README's total for 白龙村.
        var rescored = await host.PostAsync("/api/score", new { rubric_id = "village", evidence = evidence.ToJsonString() });
        rescored.Body!["total"]!.GetValue<decimal>().Should().Be(75m);

        var bad = await host.PostAsync("/api/evidence", new { rubric_id = "village", evidence = "rubric: village\nunit: x\nlines: { lectures: { lecture_months: [13] } }\n" });
        bad.Status.Should().Be(422);
        bad.Body!["diagnostics"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()).Should().Contain("RE0303");
    }

    [Test]
    public async Task Score_refuses_a_request_that_names_no_rubric_two_rubrics_or_an_unknown_one()
    {
        await using var host = await PlaygroundHost.StartAsync();

        var none = await host.PostAsync("/api/score", new { evidence = BailongEvidence });
        var two = await host.PostAsync("/api/score", new { rubric_id = "village", rubric = VillageText, evidence = BailongEvidence });
        var unknown = await host.PostAsync("/api/score", new { rubric_id = "vilage", evidence = BailongEvidence });
        var noEvidence = await host.PostAsync("/api/score", new { rubric_id = "village" });

        none.Status.Should().Be(400);
        none.Body!["error"]!.GetValue<string>().Should().Be("give exactly one of 'rubric' (YAML text), 'rubric_id' (a built-in id) and 'rubric_path' (a file in the served folder)");
        two.Status.Should().Be(400);
        unknown.Status.Should().Be(404);
        unknown.Body!["error"]!.GetValue<string>().Should().Be("no built-in rubric 'vilage'; the built-in ids are platform, town, village");
        noEvidence.Status.Should().Be(400);
        noEvidence.Body!["error"]!.GetValue<string>().Should().Be("give 'evidence': the evidence as YAML or JSON text");
    }

    [Test]
    public async Task Malformed_json_gets_400_with_a_message_and_no_stack_trace_and_the_next_request_is_served()
    {
        await using var host = await PlaygroundHost.StartAsync();

        foreach (var bad in new[] { """{"rubric": """, "not json", "[1, 2]", "null", """{"rubric": 5}""" })
        {
            var (status, body, text) = await host.PostAsync("/api/check", bad);
            status.Should().Be(400, bad);
            body!["error"]!.GetValue<string>().Should().NotBeEmpty();
            text.Should().NotContain("   at ").And.NotContain("Exception", bad);
        }

        var (truncated, truncatedBody, _) = await host.PostAsync("/api/check", """{"rubric": """);
        truncated.Should().Be(400);
        truncatedBody!["error"]!.GetValue<string>().Should().StartWith("the body is not the JSON object this call takes: ").And.Contain("LineNumber: 0");
        (await host.PostAsync("/api/check", new { rubric = VillageText })).Status.Should().Be(200);
    }

    [Test]
    public async Task A_body_over_the_limit_gets_413_and_the_next_request_is_served()
    {
        await using var host = await PlaygroundHost.StartAsync();
        // One byte over the documented 1 MiB (1,048,576 bytes): {"rubric":"xxxx…"} with the x's making up the rest.
        var over = "{\"rubric\":\"" + new string('x', (int)ServeOptions.DefaultMaxBodyBytes - 13 + 1) + "\"}";
        Encoding.UTF8.GetByteCount(over).Should().Be(1024 * 1024 + 1);

        var (status, body, text) = await host.PostAsync("/api/check", over);

        status.Should().Be(413);
        body!["error"]!.GetValue<string>().Should().Be("the request body is larger than the limit of 1048576 bytes");
        text.Should().NotContain("   at ");

        // Exactly at the limit is read (and is simply not a rubric).
        var at = "{\"rubric\":\"" + new string('x', (int)ServeOptions.DefaultMaxBodyBytes - 13) + "\"}";
        (await host.PostAsync("/api/check", at)).Status.Should().Be(200);
        (await host.PostAsync("/api/check", new { rubric = VillageText })).Body!["ok"]!.GetValue<bool>().Should().BeTrue();
    }

    [Test]
    public async Task A_body_that_is_not_json_gets_415()
    {
        await using var host = await PlaygroundHost.StartAsync();
        var (status, body, _) = await host.SendAsync("/api/check", new StringContent(VillageText, Encoding.UTF8, "text/plain"));
        status.Should().Be(415);
        body!["error"]!.GetValue<string>().Should().Be("send the body as JSON, with Content-Type: application/json");
    }

    [Test]
    public async Task Unknown_routes_get_404_as_json()
    {
        await using var host = await PlaygroundHost.StartAsync();
        var (status, body, _) = await host.GetAsync("/api/nothing");
        status.Should().Be(404);
        body!["error"]!.GetValue<string>().Should().Be("nothing at GET /api/nothing; the API is under /api (docs/playground.md)");
        (await host.GetAsync("/assets/secret.txt")).Status.Should().Be(404);
    }

    [Test]
    public async Task Rubrics_lists_the_built_in_ones_and_the_rubric_files_of_the_root_only()
    {
        await using var host = await PlaygroundHost.StartAsync();
        Directory.CreateDirectory(host.Root.File("sub"));
        File.WriteAllText(host.Root.File("sub/mine.yaml"), VillageText);
        File.WriteAllText(host.Root.File("broken.yaml"), "id: x\nlines:\n  - criteria: [\n");
        File.WriteAllText(host.Root.File("evidence.yaml"), BailongEvidence); // evidence, not a rubric: not listed
        using var outside = new TempFolder("rubric-serve-outside");
        File.WriteAllText(outside.File("secret.yaml"), VillageText);
        File.CreateSymbolicLink(host.Root.File("linked.yaml"), outside.File("secret.yaml"));

        var (status, body, _) = await host.GetAsync("/api/rubrics");

        status.Should().Be(200);
        Json(body!["rubrics"]!).Should().Be(
            "[" + string.Join(",", Rubric.BuiltInIds.Select(id => BuiltIn(id))) +
            """,{"id":null,"title":null,"source":"root","path":"broken.yaml"}""" +
            """,{"id":"village","title":""" + Title("village") + ""","source":"root","path":"sub/mine.yaml"}]""");

        static string BuiltIn(string id) => $$"""{"id":"{{id}}","title":{{Title(id)}},"source":"built-in"}""";
        static string Title(string id) => Json(JsonValue.Create(Repo.Rubric(id).Title));
    }

    [Test]
    public async Task Open_reads_a_built_in_rubric_and_a_file_of_the_root()
    {
        await using var host = await PlaygroundHost.StartAsync();
        File.WriteAllText(host.Root.File("mine.yaml"), "id: mine\n");

        var builtIn = await host.GetAsync("/api/rubric?id=village");
        var file = await host.GetAsync("/api/rubric?path=mine.yaml");
        var missing = await host.GetAsync("/api/rubric?path=none.yaml");
        var unknown = await host.GetAsync("/api/rubric?id=vilage");

        builtIn.Status.Should().Be(200);
        builtIn.Body!["text"]!.GetValue<string>().Should().Be(VillageText);
        Json(file.Body!).Should().Be("""{"path":"mine.yaml","text":"id: mine\n"}""");
        missing.Status.Should().Be(404);
        missing.Body!["error"]!.GetValue<string>().Should().Be("no file 'none.yaml' in the served folder");
        unknown.Status.Should().Be(404);
    }

    [TestCase("../secret.yaml", "'../secret.yaml' goes up with '..'; only paths inside the served folder are read or written")]
    [TestCase("sub/../../secret.yaml", "'sub/../../secret.yaml' goes up with '..'; only paths inside the served folder are read or written")]
    [TestCase("..\\secret.yaml", "'..\\secret.yaml' goes up with '..'; only paths inside the served folder are read or written")]
    [TestCase("/etc/passwd", "'/etc/passwd' is an absolute path; only paths inside the served folder are read or written, such as village.yaml")]
    [TestCase("linked.yaml", "'linked.yaml' is a symbolic link that leads out of the served folder; it is neither read nor written")]
    [TestCase("linked-folder/secret.yaml", "'linked-folder/secret.yaml' is a symbolic link that leads out of the served folder; it is neither read nor written")]
    [TestCase("dangling.yaml", "'dangling.yaml' is a symbolic link that leads out of the served folder; it is neither read nor written")]
    public async Task Paths_out_of_the_root_are_refused_with_403_for_reading_scoring_comparing_and_saving(string path, string message)
    {
        await using var host = await PlaygroundHost.StartAsync();
        using var outside = new TempFolder("rubric-serve-outside");
        File.WriteAllText(outside.File("secret.yaml"), VillageText);
        File.CreateSymbolicLink(host.Root.File("linked.yaml"), outside.File("secret.yaml"));
        Directory.CreateSymbolicLink(host.Root.File("linked-folder"), outside.Path);
        File.CreateSymbolicLink(host.Root.File("dangling.yaml"), outside.File("not-yet.yaml"));
        Directory.CreateDirectory(host.Root.File("sub"));
        var before = Directory.GetFileSystemEntries(outside.Path).Order().ToArray();

        var open = await host.GetAsync("/api/rubric?path=" + Uri.EscapeDataString(path));
        var score = await host.PostAsync("/api/score", new { rubric_path = path, evidence = BailongEvidence });
        var diff = await host.PostAsync("/api/diff", new { path, rubric = VillageText });
        var save = await host.PostAsync("/api/save", new { path, rubric = VillageText }, host.Token);
        var saveAnyway = await host.PostAsync("/api/save", new { path, rubric = "broken", save_with_errors = true }, host.Token);

        foreach (var (status, body, _) in new[] { open, score, diff, save, saveAnyway })
        {
            status.Should().Be(403);
            body!["error"]!.GetValue<string>().Should().Be(message);
        }

        Directory.GetFileSystemEntries(outside.Path).Order().Should().Equal(before, "nothing was written outside the root");
        File.ReadAllText(outside.File("secret.yaml")).Should().Be(VillageText);
        (await host.GetAsync("/api/rubrics")).Status.Should().Be(200, "the server goes on serving");
    }

    [Test]
    public async Task A_symbolic_link_inside_the_root_to_a_file_inside_it_is_followed()
    {
        await using var host = await PlaygroundHost.StartAsync();
        File.WriteAllText(host.Root.File("village.yaml"), VillageText);
        File.CreateSymbolicLink(host.Root.File("alias.yaml"), host.Root.File("village.yaml"));

        var (status, body, _) = await host.GetAsync("/api/rubric?path=alias.yaml");

        status.Should().Be(200);
        body!["text"]!.GetValue<string>().Should().Be(VillageText);
    }

    [Test]
    public async Task Save_needs_the_pages_token()
    {
        await using var host = await PlaygroundHost.StartAsync();
        host.Token.Should().MatchRegex("^[0-9a-f]{64}$", "the page carries a 32-byte random token");

        var without = await host.PostAsync("/api/save", new { path = "new.yaml", rubric = VillageText });
        var wrong = await host.PostAsync("/api/save", new { path = "new.yaml", rubric = VillageText }, new string('0', 64));

        foreach (var (status, body, _) in new[] { without, wrong })
        {
            status.Should().Be(403);
            body!["error"]!.GetValue<string>().Should().Be("saving needs the page's anti-forgery token in the X-Rubric-Token header; reload the page");
        }

        File.Exists(host.Root.File("new.yaml")).Should().BeFalse();
    }

    [Test]
    public async Task Save_writes_the_file_atomically_and_refuses_errors_unless_asked()
    {
        await using var host = await PlaygroundHost.StartAsync();
        Directory.CreateDirectory(host.Root.File("sub"));
        var target = host.Root.File("sub/village.yaml");

        var saved = await host.PostAsync("/api/save", new { path = "sub/village.yaml", rubric = VillageText, lang = "zh" }, host.Token);
        saved.Status.Should().Be(200, saved.Text);
        saved.Body!["saved"]!.GetValue<string>().Should().Be("sub/village.yaml");
        File.ReadAllText(target).Should().Be(VillageText);

        var broken = VillageText.Replace("monthly(0.5)", "montly(0.5)", StringComparison.Ordinal);
        var refused = await host.PostAsync("/api/save", new { path = "sub/village.yaml", rubric = broken }, host.Token);
        refused.Status.Should().Be(422);
        refused.Body!["diagnostics"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()).Should().Contain("RE0102");
        File.ReadAllText(target).Should().Be(VillageText, "a rubric with errors is not saved");

        var forced = await host.PostAsync("/api/save", new { path = "sub/village.yaml", rubric = broken, save_with_errors = true }, host.Token);
        forced.Status.Should().Be(200);
        File.ReadAllText(target).Should().Be(broken);
        Directory.GetFiles(host.Root.File("sub")).Select(Path.GetFileName).Should().Equal(new[] { "village.yaml" }, "no temporary file is left");

        var notYaml = await host.PostAsync("/api/save", new { path = "notes.txt", rubric = VillageText }, host.Token);
        notYaml.Status.Should().Be(400);
        notYaml.Body!["error"]!.GetValue<string>().Should().Be("'notes.txt' is not a .yaml or .yml file name; rubrics are saved as YAML");
        var noFolder = await host.PostAsync("/api/save", new { path = "none/x.yaml", rubric = VillageText }, host.Token);
        noFolder.Status.Should().Be(404);
    }

    [Test]
    public async Task Diff_compares_the_editor_text_with_the_saved_file()
    {
        await using var host = await PlaygroundHost.StartAsync();
        File.WriteAllText(host.Root.File("village.yaml"), VillageText);
        var revised = VillageText.Replace("rule: monthly(0.5)", "rule: monthly(1) cap 6", StringComparison.Ordinal);

        var (status, body, _) = await host.PostAsync("/api/diff", new { path = "village.yaml", rubric = revised });

        status.Should().Be(200);
        body!["ok"]!.GetValue<bool>().Should().BeTrue();
        var change = body["diff"]!["changes"]!.AsArray().Single()!;
        change["line"]!.GetValue<string>().Should().Be("lectures");
        change["kind"]!.GetValue<string>().Should().Be("changed");
        Json(change["fields"]!).Should().Be("""[{"field":"criteria.lecture_months.rule","old":"monthly(0.5)","new":"monthly(1) cap 6"}]""");

        var unsaved = await host.PostAsync("/api/diff", new { path = "other.yaml", rubric = revised });
        unsaved.Status.Should().Be(404);
        unsaved.Body!["error"]!.GetValue<string>().Should().Be("nothing is saved at 'other.yaml' yet, so there is nothing to compare with");
    }

    [Test]
    public async Task Form_describes_every_field_from_the_rubrics_evidence_description()
    {
        await using var host = await PlaygroundHost.StartAsync();
        var (status, body, _) = await host.PostAsync("/api/form", new { rubric_id = "village" });

        status.Should().Be(200);
        body!["id"]!.GetValue<string>().Should().Be("village");
        body["total"]!.GetValue<decimal>().Should().Be(100m);
        var lines = body["lines"]!.AsArray();
        JsonNode Field(string line, string key) =>
            lines.Single(l => l!["id"]!.GetValue<string>() == line)!["fields"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == key)!;

        Field("organization", "leading_group")["kind"]!.GetValue<string>().Should().Be("Flag");
        Field("organization", "leading_group")["label"]!.GetValue<string>().Should().Be("有领导小组");
        Field("lectures", "lecture_months")["kind"]!.GetValue<string>().Should().Be("Months");
        Field("review_meetings", "meeting_quarters")["kind"]!.GetValue<string>().Should().Be("Quarters");
        Field("rules", "missing")["kind"]!.GetValue<string>().Should().Be("ItemIds");
        Json(Field("rules", "missing")["allowed"]!).Should().Be(
            """[{"id":"signboard","label":"挂牌上墙"},{"id":"duties","label":"职责上墙"},{"id":"lecture_rules","label":"宣讲制度上墙"}]""");
        Field("publicity", "publications")["kind"]!.GetValue<string>().Should().Be("Publications");
        Json(Field("publicity", "publications")["allowed"]!).Should().Be(
            """[{"id":"county","label":"县级"},{"id":"city","label":"市级"},{"id":"province","label":"省级"},{"id":"national","label":"国家级"}]""");
        Field("archives", "archive_quality")["kind"]!.GetValue<string>().Should().Be("Amount");
        Field("archives", "archive_quality")["min"]!.GetValue<decimal>().Should().Be(0m);
        Field("archives", "archive_quality")["max"]!.GetValue<decimal>().Should().Be(8m, "judged(0, 8)");
    }

    [Test]
    public async Task Form_describes_the_new_kinds_their_tables_and_the_rubrics_unit_types_vetoes_and_grades()
    {
        await using var host = await PlaygroundHost.StartAsync();
        var (status, body, text) = await host.PostAsync("/api/form", new { rubric = Repo.Read("tests/RubricEngine.Tests/Serve/Rubrics/every-new-kind.yaml") });

        status.Should().Be(200, text);
        Json(body!["unit_types"]!).Should().Be("""[{"id":"district","label":"区"},{"id":"zone","label":"开发区"}]""");
        Json(body["vetoes"]!).Should().Be(
            """[{"key":"major_accident","label":"发生较大事故以上（因不可抗力因素除外）","effect":"Zero","cap":null},{"key":"late_report","label":"未按时报送考核材料","effect":"Cap","cap":30}]""");
        Json(body["grades"]!).Should().Be(
            """[{"id":"excellent","label":"优秀","from":50},{"id":"good","label":"良好","from":40},{"id":"pass","label":"合格","from":30},{"id":"fail","label":"不合格","from":null}]""");
        var lines = body["lines"]!.AsArray();
        JsonNode Field(string line) => lines.Single(l => l!["id"]!.GetValue<string>() == line)!["fields"]![0]!;

        (Field("volunteers")["kind"]!.GetValue<string>(), Field("volunteers")["min"]!.GetValue<decimal>(), Field("volunteers")["max"]!.GetValue<decimal>())
            .Should().Be(("Percent", 0m, 1000m), "0% to 1000%, in percent");
        Json(Field("third_party")["rows"]!).Should().Be(
            """[{"id":"excellent","label":"优秀","min":null,"max":null,"columns":[]},{"id":"good","label":"良好","min":null,"max":null,"columns":[]},"""
            + """{"id":"pass","label":"合格","min":null,"max":null,"columns":[]},{"id":"fail","label":"不合格","min":-2,"max":-1,"columns":[]}]""");
        Field("media_reports")["kind"]!.GetValue<string>().Should().Be("Grid");
        Json(Field("media_reports")["columns"]!).Should().Be(
            """[{"id":"separate","label":"单独报道"},{"id":"combined","label":"综合报道"},{"id":"front_headline","label":"头版头条"},{"id":"front_page","label":"头版"},{"id":"other","label":"其他"}]""");
        Json(Field("media_reports")["rows"]![0]!).Should().Be("""{"id":"central","label":"中央","min":null,"max":null,"columns":["separate","combined"]}""");
        Field("standardization")["lists_met"]!.GetValue<bool>().Should().BeTrue("a met table lists the items met");
        Field("recommendations")["lists_met"]!.GetValue<bool>().Should().BeFalse();
    }

    [Test]
    public async Task No_cors_other_origins_are_refused_and_no_allow_origin_header_is_ever_sent()
    {
        await using var host = await PlaygroundHost.StartAsync();

        var (status, body, _) = await host.SendAsync("/api/check",
            new StringContent("""{"rubric":"id: x"}""", Encoding.UTF8, "application/json"), origin: "http://evil.example");
        status.Should().Be(403);
        body!["error"]!.GetValue<string>().Should().Be("requests from another origin (http://evil.example) are refused: the playground answers only its own page");

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/save");
        preflight.Headers.Add("Origin", "http://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await host.Client.SendAsync(preflight);
        answer.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        ((int)answer.StatusCode).Should().Be(403);

        // The page's own origin is served.
        var own = host.Address.GetLeftPart(UriPartial.Authority);
        (await host.SendAsync("/api/check", new StringContent("""{"rubric":"id: x"}""", Encoding.UTF8, "application/json"), origin: own)).Status.Should().Be(200);
        using var page = await host.Client.GetAsync("/");
        page.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        page.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        page.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Test]
    public async Task A_host_header_that_is_not_this_machine_is_refused()
    {
        await using var host = await PlaygroundHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rubrics");
        request.Headers.Host = "rebound.example:" + host.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var answer = await host.Client.SendAsync(request);

        ((int)answer.StatusCode).Should().Be(403);
        (await answer.Content.ReadAsStringAsync()).Should().Contain("is not this machine");
        (await host.GetAsync("/api/rubrics")).Status.Should().Be(200);
    }

    [Test]
    public async Task Work_over_the_time_limit_gets_503_and_the_server_keeps_serving()
    {
        // A limit of zero: the engine's work can never finish in time, so every API call meets the limit.
        await using var host = await PlaygroundHost.StartAsync(o => o with { ProcessingTimeout = TimeSpan.Zero });

        var (status, body, text) = await host.PostAsync("/api/check", new { rubric = VillageText });

        status.Should().Be(503);
        body!["error"]!.GetValue<string>().Should().Be("the request took longer than the limit of 0 s; try a smaller rubric or evidence");
        text.Should().NotContain("   at ");
        (await host.GetAsync("/")).Status.Should().Be(200);
    }

    [Test]
    public async Task A_client_that_sends_its_headers_too_slowly_is_cut_off()
    {
        await using var host = await PlaygroundHost.StartAsync(o => o with { HeadersTimeout = TimeSpan.FromSeconds(1) });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", host.Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")); // never finished

        var started = DateTime.UtcNow;
        var buffer = new byte[4096];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var read = await stream.ReadAsync(buffer, patience.Token);
        var answer = Encoding.ASCII.GetString(buffer, 0, read);

        // Kestrel answers 408 (or just closes) once the 1 s limit has passed, checked on its 1 s heartbeat.
        (read == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal)).Should().BeTrue(answer);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(15));
        (await host.GetAsync("/api/rubrics")).Status.Should().Be(200);
    }

    /// <summary>Compact JSON with Chinese and quotes as they are, so the expected text reads as the answer does.</summary>
    private static string Json(JsonNode node) => node.ToJsonString(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
