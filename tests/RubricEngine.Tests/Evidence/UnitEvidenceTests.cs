using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RubricEngine.Diagnostics;
using RubricEngine.Reporting;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Evidence;

/// <summary>Evidence without text: built in code, given as a JSON value or a stream; checked exactly as a file is.</summary>
public sealed class UnitEvidenceTests
{
    private static Rubric Village => Repo.Rubric("village");

    /// <summary>samples/village-bailong.yaml, built in code.</summary>
    private static UnitEvidence Bailong() => new UnitEvidence("village", "白龙村") { Year = 2022 }
        .With("organization", "leading_group", new EvidenceFact.Flag(true))
        .With("organization", "dedicated_staff", new EvidenceFact.Flag(true))
        .With("organization", "duties_on_wall", new EvidenceFact.Flag(false))
        .With("venue", "fixed_site", new EvidenceFact.Flag(true))
        .With("venue", "office_and_activity_supplies", new EvidenceFact.Flag(true))
        .With("venue", "discretionary_deduction", new EvidenceFact.Amount(0.5m))
        .With("micro_lecture", "micro_lecture_implemented", new EvidenceFact.Flag(true))
        .With("team", "dedicated_staff", new EvidenceFact.Flag(true))
        .With("team", "volunteer_team", new EvidenceFact.Flag(true))
        .With("team", "registration_target_met", new EvidenceFact.Flag(false))
        .With("lectures", "lecture_team", new EvidenceFact.Flag(true))
        .With("lectures", "lecture_months", new EvidenceFact.Months([1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12]))
        .With("rules", "missing", new EvidenceFact.MissingItems(["duties"]))
        .With("activity_plan", "plan_table", new EvidenceFact.Flag(true))
        .With("activity_plan", "plan_quality", new EvidenceFact.Amount(2.5m))
        .With("review_meetings", "meeting_quarters", new EvidenceFact.Quarters([1, 2, 4]))
        .With("activities", "activity_months", new EvidenceFact.Months([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))
        .With("activities", "upload_months", new EvidenceFact.Months([1, 2, 3, 4, 5, 6, 8, 9, 10, 11]))
        .With("publicity", "publications", new EvidenceFact.Publications(
            [new("tea-lecture", "county"), new("tea-lecture", "city"), new("clean-village", "county")]))
        .With("innovation", "written_project", new EvidenceFact.Flag(true))
        .With("innovation", "promoted_countywide", new EvidenceFact.Flag(false))
        .With("innovation", "case_collected", new EvidenceFact.Flag(false))
        .With("archives", "archive_quality", new EvidenceFact.Amount(6.5m));

    [Test]
    public void Evidence_built_in_code_scores_every_line_by_hand()
    {
        Village.TryScore(Bailong(), out var card, out var diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
        diagnostics.Should().BeEmpty();
        card!.Unit.Should().Be("白龙村");
        card.Year.Should().Be(2022);
        card.Lines.ToDictionary(l => l.Id, l => l.Score).Should().Equal(new Dictionary<string, decimal>
        {
            ["organization"] = 4m,     // 2 + 2 + 0
            ["venue"] = 3.5m,          // 2 + 2 − 0.5
            ["micro_lecture"] = 4m,    // all_or_nothing(4), implemented
            ["team"] = 3m,             // 1 + 2 + 0
            ["lectures"] = 9.5m,       // 4 + 11 months × 0.5
            ["rules"] = 2m,            // 4 − 1 missing × 2
            ["activity_plan"] = 4.5m,  // 2 + judged 2.5
            ["review_meetings"] = 9m,  // 3 quarters × 3
            ["activities"] = 22m,      // 12 months × 1 + 10 months × 1
            ["publicity"] = 5m,        // tea-lecture at its highest, city 3, + clean-village county 2
            ["innovation"] = 2m,       // 2 + 0, bonus not collected
            ["archives"] = 6.5m,       // judged 6.5
        });
        card.BaseTotal.Should().Be(75m); // 4 + 3.5 + 4 + 3 + 9.5 + 2 + 4.5 + 9 + 22 + 5 + 2 + 6.5
        card.BonusTotal.Should().Be(0m);
        card.Total.Should().Be(75m);
    }

    [Test]
    public void Evidence_built_in_code_gives_the_same_card_as_the_file()
    {
        Village.TryScore(Bailong(), out var fromCode, out _).Should().BeTrue();
        Village.TryScore(Repo.PathOf("samples/village-bailong.yaml"), out var fromFile, out _).Should().BeTrue();
        ScoreCardJson.Write(fromCode!).Should().Be(ScoreCardJson.Write(fromFile!));
    }

    [Test]
    public void Evidence_is_immutable_With_returns_a_new_instance()
    {
        var empty = new UnitEvidence("village", "白龙村");
        var one = empty.With("organization", "leading_group", new EvidenceFact.Flag(true));
        var replaced = one.With("organization", "leading_group", new EvidenceFact.Flag(false));
        empty.Lines.Should().BeEmpty();
        one.Lines["organization"]["leading_group"].Should().Be(new EvidenceFact.Flag(true));
        replaced.Lines["organization"]["leading_group"].Should().Be(new EvidenceFact.Flag(false));
    }

    /// <summary>Each bad fact, and the same value written in a YAML file: the codes and messages are the file's, the position is the key path.</summary>
    [TestCase("lectures", "lecture_months", "[1, 13]", "lectures.lecture_months[1]", "RE0303", "13 is not a month; months are whole numbers from 1 to 12")]
    [TestCase("review_meetings", "meeting_quarters", "[0]", "review_meetings.meeting_quarters[0]", "RE0303", "0 is not a quarter; quarters are whole numbers from 1 to 4")]
    [TestCase("lectures", "lecture_months", "true", "lectures.lecture_months", "RE0012", null)]
    [TestCase("lectures", "lecture_team", "[1]", "lectures.lecture_team", "RE0012", "'lectures.lecture_team' must be true or false, not a list")]
    [TestCase("archives", "archive_quality", "9", "archives.archive_quality", "RE0303", null)]
    [TestCase("rules", "missing", "[dutys]", "rules.missing[0]", "RE0306", null)]
    [TestCase("lecture", "lecture_team", "true", "lecture", "RE0301", "rubric 'village' has no line 'lecture'; did you mean 'lectures'?")]
    [TestCase("activities", "meeting_quarters", "[1]", "activities.meeting_quarters", "RE0302", null)]
    public void A_bad_fact_gets_the_files_diagnostic_at_its_key_path(string line, string key, string yamlValue, string path, string code, string? message)
    {
        var fact = FactOf(yamlValue);
        var evidence = new UnitEvidence("village", "白龙村").With(line, key, fact);
        Village.TryScore(evidence, out var card, out var fromCode).Should().BeFalse();
        card.Should().BeNull();

        var yaml = $"rubric: village\nunit: 白龙村\nlines:\n  {line}:\n    {key}: {yamlValue}\n";
        Village.TryScoreText(yaml, "bad.yaml", out _, out var fromFile).Should().BeFalse();

        var error = fromCode.Should().ContainSingle(d => d.IsError).Subject;
        error.Code.Should().Be(code);
        error.Span.Should().Be(SourceSpan.AtPath("<evidence>", path));
        error.ToString().Should().StartWith($"<evidence>({path}): error {code}: ");
        if (message is not null)
        {
            error.Message.Should().Be(message);
        }

        fromFile.Where(d => d.IsError).Select(d => (d.Code, d.Message)).Should().Equal((error.Code, error.Message));
    }

    private static EvidenceFact FactOf(string yamlValue) => yamlValue switch
    {
        "true" => new EvidenceFact.Flag(true),
        "9" => new EvidenceFact.Amount(9m),
        "[1, 13]" => new EvidenceFact.Months([1, 13]),
        "[0]" => new EvidenceFact.Quarters([0]),
        "[1]" => new EvidenceFact.Quarters([1]),
        "[dutys]" => new EvidenceFact.MissingItems(["dutys"]),
        _ => throw new ArgumentException(yamlValue),
    };

    [Test]
    public void Evidence_for_another_rubric_is_refused()
    {
        Village.TryScore(new UnitEvidence("town", "杨河镇"), out _, out var diagnostics).Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "<evidence>(rubric): error RE0304: this evidence is for rubric 'town', but it is being scored with rubric 'village'");
    }

    [Test]
    public void A_blank_unit_is_refused_as_in_a_file()
    {
        Village.TryScore(new UnitEvidence("village", " "), out _, out var diagnostics).Should().BeFalse();
        diagnostics.Should().ContainSingle(d => d.IsError).Which.Span.Path.Should().Be("unit");
    }

    [Test]
    public void Missing_keys_are_warnings_at_the_line_or_at_lines()
    {
        var evidence = Bailong() with { Lines = Bailong().Lines.Remove("archives").SetItem("organization", Bailong().Lines["organization"].Remove("duties_on_wall")) };
        Village.TryScore(evidence, out var card, out var diagnostics).Should().BeTrue();
        diagnostics.Select(d => d.ToString()).Should().Equal(
            "<evidence>(lines): warning RE0305: no evidence for line 'archives'; it scores 0",
            "<evidence>(organization): warning RE0305: no evidence for 'organization.duties_on_wall'; it scores 0");
        card!.Total.Should().Be(68.5m); // 75 − archives 6.5; duties_on_wall was false, 0 either way
        ScoreCardJson.Write(card).Should().Contain("\"path\": \"organization\"");
    }

    [Test]
    public void A_month_given_twice_counts_once_with_a_warning()
    {
        var evidence = Bailong().With("lectures", "lecture_months", new EvidenceFact.Months([3, 3, 5]));
        Village.TryScore(evidence, out var card, out var diagnostics).Should().BeTrue();
        diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "<evidence>(lectures.lecture_months[1]): warning RE0307: month 3 is listed twice in 'lectures.lecture_months'; it counts once");
        card!.Lines.Single(l => l.Id == "lectures").Score.Should().Be(5m); // 4 + 2 distinct months × 0.5
    }

    [Test]
    public void Numbers_only_scoring_gives_the_cards_numbers()
    {
        Village.TryScoreNumbers(Bailong(), out var numbers, out var diagnostics).Should().BeTrue();
        diagnostics.Should().BeEmpty();
        numbers!.Total.Should().Be(75m);        // as by hand above
        numbers.BaseTotal.Should().Be(75m);
        numbers.Lines.Should().HaveCount(12);
        numbers.Lines.Single(l => l.Id == "activities").Score.Should().Be(22m); // 12 × 1 + 10 × 1

        var withBonus = Bailong().With("innovation", "case_collected", new EvidenceFact.Flag(true));
        Village.TryScoreNumbers(withBonus, out var bonus, out _).Should().BeTrue();
        bonus!.BonusTotal.Should().Be(10m);     // present(10) bonus
        bonus.Total.Should().Be(85m);           // 75 + 10
        bonus.Lines.Single(l => l.Id == "innovation").Should().Be(new LineNumbers("innovation", 2m, 10m));
    }

    [Test]
    public void Numbers_only_scoring_refuses_what_full_scoring_refuses()
    {
        Village.TryScoreNumbers(Bailong().With("lectures", "lecture_months", new EvidenceFact.Months([0])), out var numbers, out var diagnostics).Should().BeFalse();
        numbers.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.EvidenceOutOfRange);
    }

    [Test]
    public void A_json_element_and_a_json_node_score_as_the_json_file_does()
    {
        var path = Repo.PathOf("samples/platform-culture.json");
        var platform = Repo.Rubric("platform");
        platform.TryScore(path, out var fromFile, out _).Should().BeTrue();
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        platform.TryScore(document.RootElement, out var fromElement, out var elementDiagnostics).Should().BeTrue();
        platform.TryScore(JsonNode.Parse(File.ReadAllText(path)), out var fromNode, out _).Should().BeTrue();

        elementDiagnostics.Where(d => d.IsError).Should().BeEmpty();
        ScoreCardJson.Write(fromElement! with { Warnings = [] }).Should().Be(ScoreCardJson.Write(fromFile! with { Warnings = [] }));
        ScoreCardJson.Write(fromNode!).Should().Be(ScoreCardJson.Write(fromElement!));
        fromElement!.Warnings.Select(w => w.Message).Should().Equal(fromFile!.Warnings.Select(w => w.Message));
    }

    [Test]
    public void A_json_value_with_errors_is_reported_at_key_paths()
    {
        const string json = """{ "rubric": "village", "unit": "白龙村", "lines": { "lectures": { "lecture_team": "true", "lecture_team": true } } }""";
        using var document = JsonDocument.Parse(json);
        Village.TryScore(document.RootElement, out _, out var diagnostics).Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "<json>(lectures.lecture_team): error RE0006: duplicate key 'lecture_team'; keep one of them");

        Village.TryScore(JsonNode.Parse("""{ "rubric": "village", "unit": "白龙村", "year": "2022", "lines": {} }"""), out _, out diagnostics).Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.Span.Path.Should().Be("year");

        Village.TryScore((JsonNode?)null, out _, out diagnostics).Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.WrongType);

        Village.TryScore(default(JsonElement), out _, out diagnostics).Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "<json>(.): error RE0012: an evidence file must be a mapping of keys to values, not an empty value");
    }

    [Test]
    public void A_json_value_nested_beyond_the_limit_is_refused()
    {
        var deep = new string('[', 40) + new string(']', 40);
        using var document = JsonDocument.Parse($$"""{ "rubric": "village", "unit": "x", "lines": { "lectures": { "lecture_months": {{deep}} } } }""");
        Village.TryScore(document.RootElement, out _, out var diagnostics).Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.LimitExceeded);
        Village.TryScore(JsonNode.Parse(document.RootElement.GetRawText()), out _, out diagnostics).Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.LimitExceeded);
    }

    [Test]
    public void A_stream_scores_as_the_file_does_and_stays_open()
    {
        var path = Repo.PathOf("samples/village-bailong.yaml");
        Village.TryScore(path, out var fromFile, out _).Should().BeTrue();
        using var stream = new MemoryStream(File.ReadAllBytes(path));
        Village.TryScore(stream, "bailong.yaml", out var fromStream, out var diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
        ScoreCardJson.Write(fromStream!).Should().Be(ScoreCardJson.Write(fromFile!));
        stream.CanRead.Should().BeTrue();
    }

    [Test]
    public void A_stream_larger_than_the_limit_is_refused_without_reading_it_all()
    {
        Rubric.TryLoadText(Repo.Read("rubrics/village.yaml"), "rubrics/village.yaml", out var rubric, out _, new LoadLimits { MaxFileBytes = 1000 })
            .Should().BeFalse("the rubric itself is larger than 1000 bytes");
        using var big = new MemoryStream(Encoding.UTF8.GetBytes(new string('#', 5_000_000)));
        Village.TryScore(big, "big.yaml", out _, out var diagnostics).Should().BeFalse();
        diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "big.yaml(1,1): error RE0002: the stream has more than 4194304 bytes, the limit");
        big.Position.Should().BeLessThan(big.Length);
        rubric.Should().BeNull();
    }

    [Test]
    public void A_rubric_loads_from_a_stream()
    {
        using var stream = File.OpenRead(Repo.PathOf("rubrics/town.yaml"));
        Rubric.TryLoad(stream, "town.yaml", out var rubric, out var diagnostics).Should().BeTrue();
        diagnostics.Should().BeEmpty();
        rubric!.Lines.Should().HaveCount(15);
    }

    [Test]
    public void Counts_score_a_ratio_and_a_per_item_rule()
    {
        var evidence = new UnitEvidence("town", "杨河镇")
            .With("coverage", "stations_up_to_standard", new EvidenceFact.Flag(true))
            .With("coverage", "villages_total", new EvidenceFact.Count(14))
            .With("coverage", "villages_with_micro_lecture", new EvidenceFact.Count(3))
            .With("activities", "activity_months", new EvidenceFact.Months([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))
            .With("activities", "projects", new EvidenceFact.Count(8));
        Repo.Rubric("town").TryScore(evidence, out var card, out _).Should().BeTrue();
        // 4 + 4 × 3 ÷ (14 × 0.3) = 4 + 2.857142… = 6.857… → 6.86
        card!.Lines.Single(l => l.Id == "coverage").Score.Should().Be(6.86m);
        // 11 months × 1.5 = 16.5, + 8 projects × 0.6 = 4.8 → 21.3 (as in samples/town-yanghe.yaml)
        card.Lines.Single(l => l.Id == "activities").Score.Should().Be(21.3m);
    }

    [Test]
    public void A_numerator_above_its_denominator_is_out_of_range_at_its_key()
    {
        var evidence = new UnitEvidence("town", "杨河镇")
            .With("coverage", "villages_total", new EvidenceFact.Count(3))
            .With("coverage", "villages_with_micro_lecture", new EvidenceFact.Count(14));
        Repo.Rubric("town").TryScore(evidence, out _, out var diagnostics).Should().BeFalse();
        var error = diagnostics.Should().ContainSingle(d => d.IsError).Subject;
        error.Code.Should().Be(DiagnosticCodes.EvidenceOutOfRange);
        error.Span.Path.Should().StartWith("coverage.villages_");
    }

    [Test]
    public void Lists_given_as_default_arrays_are_empty_lists()
    {
        var evidence = Bailong().With("lectures", "lecture_months", new EvidenceFact.Months(default(ImmutableArray<int>)));
        Village.TryScore(evidence, out var card, out _).Should().BeTrue();
        card!.Lines.Single(l => l.Id == "lectures").Score.Should().Be(4m); // 4 + 0 months × 0.5
    }
}
