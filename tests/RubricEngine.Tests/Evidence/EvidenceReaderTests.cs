using RubricEngine.Diagnostics;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Evidence;

/// <summary>
/// Inspectors' evidence arrives with typos and wrong values. Each bad value is an error at its place,
/// and a file with any error scores nothing at all.
/// </summary>
public sealed class EvidenceReaderTests
{
    private static Rubric Village => Repo.Rubric("village");

    private static Rubric Town => Repo.Rubric("town");

    private const string Header = "rubric: village\nunit: 白龙村\nyear: 2022\nlines:\n";

    private static Diagnostic OnlyError(Rubric rubric, string text, string file = "e.yaml") =>
        Evidence(rubric, text, file).Where(d => d.IsError).Should().ContainSingle().Subject;

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Evidence(Rubric rubric, string text, string file) =>
        EvidenceText.Errors(rubric, text, file);

    [TestCase("  review_meetings: { meeting_quarters: [1, 5] }", 44, "RE0303", "5 is not a quarter; quarters are whole numbers from 1 to 4")]
    [TestCase("  review_meetings: { meeting_quarters: [0] }", 41, "RE0303", "0 is not a quarter; quarters are whole numbers from 1 to 4")]
    [TestCase("  lectures: { lecture_team: true, lecture_months: [12, 13] }", 56, "RE0303", "13 is not a month; months are whole numbers from 1 to 12")]
    [TestCase("  lectures: { lecture_months: [1.5] }", 32, "RE0303", "1.5 is not a month; months are whole numbers from 1 to 12")]
    [TestCase("  lectures: { lecture_months: 7 }", 31, "RE0012", "'lectures.lecture_months' must be a list of months (1 to 12), e.g. [1, 2, 3], not '7'")]
    [TestCase("  archives: { archive_quality: 9 }", 32, "RE0303", "'archives.archive_quality' must be from 0 to 8, not 9")]
    [TestCase("  archives: { archive_quality: -1 }", 32, "RE0303", "'archives.archive_quality' must be from 0 to 8, not -1")]
    [TestCase("  archives: { archive_quality: NaN }", 32, "RE0012", "'archives.archive_quality' must be a plain decimal number such as 1.5, not 'NaN'")]
    [TestCase("  archives: { archive_quality: .inf }", 32, "RE0012", "'archives.archive_quality' must be a plain decimal number such as 1.5, not '.inf'")]
    [TestCase("  archives: { archive_quality: 1e400 }", 32, "RE0012", "'archives.archive_quality' must be a plain decimal number such as 1.5, not '1e400'")]
    [TestCase("  archives: { archive_quality: \"6\" }", 32, "RE0012", "'archives.archive_quality' must be a number, not the text \"6\"")]
    [TestCase("  micro_lecture: { micro_lecture_implemented: yes }", 47, "RE0012", "'micro_lecture.micro_lecture_implemented' must be true or false, not 'yes'")]
    [TestCase("  micro_lecture: { micro_lecture_implemented: [true] }", 47, "RE0012", "'micro_lecture.micro_lecture_implemented' must be true or false, not a list")]
    [TestCase("  venue: { discretionary_deduction: -1 }", 37, "RE0303", "'venue.discretionary_deduction' must be from 0 to 1000, not -1")]
    [TestCase("  rules: { missing: [dutys] }", 22, "RE0306", "unknown item 'dutys' in 'rules.missing'; did you mean 'duties'?; the items are signboard, duties, lecture_rules")]
    [TestCase("  publicity: { publications: [{ item: a, level: provincial }] }", 49, "RE0306", "unknown level 'provincial'; did you mean 'province'?; the levels are county, city, province, national")]
    [TestCase("  publicity: { publications: [{ item: a }] }", 31, "RE0011", "a publication has no 'level'; add it")]
    [TestCase("  publicity: { publications: [{ item: a, level: city, date: 2022 }] }", 55, "RE0010", "unknown key 'date' in a publication")]
    [TestCase("  organisation: { leading_group: true }", 3, "RE0301", "rubric 'village' has no line 'organisation'; did you mean 'organization'?")]
    [TestCase("  organization: { leading_grup: true }", 19, "RE0302", "line 'organization' has no evidence key 'leading_grup'; did you mean 'leading_group'?; its keys are leading_group, dedicated_staff, duties_on_wall")]
    [TestCase("  organization: { lecture_team: true }", 19, "RE0302", "line 'organization' has no evidence key 'lecture_team'; 'lecture_team' belongs to line 'lectures'; its keys are leading_group, dedicated_staff, duties_on_wall")]
    [TestCase("  organization: [true]", 17, "RE0012", "line 'organization' must be a mapping of keys to values, not a list")]
    public void A_bad_value_is_an_error_at_its_place(string line, int column, string code, string message)
    {
        var diagnostic = OnlyError(Village, Header + line + "\n");
        diagnostic.Code.Should().Be(code);
        diagnostic.Message.Should().Be(message);
        diagnostic.Span.Should().Be(new SourceSpan("e.yaml", 5, column));
    }

    [Test]
    public void Evidence_for_another_rubric_is_refused()
    {
        OnlyError(Village, "rubric: town\nunit: 杨河镇\nlines: {}\n").ToString()
            .Should().Be("e.yaml(1,9): error RE0304: this evidence is for rubric 'town', but it is being scored with rubric 'village'");
    }

    [TestCase("year: 22", "e.yaml(3,7): error RE0303: 'year' must be a year such as 2022, not 22")]
    [TestCase("yaer: 2022", "e.yaml(3,1): error RE0010: unknown key 'yaer' in the evidence file; did you mean 'year'?")]
    public void The_header_is_checked(string line, string expected)
    {
        OnlyError(Village, $"rubric: village\nunit: 白龙村\n{line}\nlines: {{}}\n").ToString().Should().Be(expected);
    }

    [TestCase("villages_total: 0, villages_with_micro_lecture: 0", 62, "'coverage.villages_total' must be from 1 to 1000000, not 0")]
    [TestCase("villages_total: 10, villages_with_micro_lecture: 11", 95, "'coverage.villages_with_micro_lecture' is 11, more than the total of 10")]
    [TestCase("villages_total: 10, villages_with_micro_lecture: 2.5", 95, "'coverage.villages_with_micro_lecture' counts things: it must be a whole number, not 2.5")]
    [TestCase("villages_total: 10, villages_with_micro_lecture: -2", 95, "'coverage.villages_with_micro_lecture' must be from 0 to 1000000, not -2")]
    public void A_ratio_needs_a_positive_total_and_a_part_within_it(string values, int column, string message)
    {
        var text = $"rubric: town\nunit: 杨河镇\nlines:\n  coverage: {{ stations_up_to_standard: true, {values} }}\n";
        var diagnostic = OnlyError(Town, text);
        diagnostic.Code.Should().Be(DiagnosticCodes.EvidenceOutOfRange);
        diagnostic.Message.Should().Be(message);
        diagnostic.Span.Should().Be(new SourceSpan("e.yaml", 4, column));
    }

    [Test]
    public void Every_error_in_a_file_is_reported_and_nothing_is_scored()
    {
        var text = Header + "  organization: { leading_grup: true }\n  review_meetings: { meeting_quarters: [5] }\n  archives: { archive_quality: 9 }\n";
        Evidence(Village, text, "e.yaml").Select(d => d.Code).Should().Equal("RE0302", "RE0303", "RE0303");
    }

    [Test]
    public void A_missing_key_scores_zero_with_a_warning_at_its_line()
    {
        Village.TryScoreText(Header + "  organization: { leading_group: true, dedicated_staff: true }\n", "e.yaml", out var card, out var diagnostics).Should().BeTrue();
        card!.Lines.Single(l => l.Id == "organization").Score.Should().Be(4);
        diagnostics.Should().Contain(d => d.ToString() == "e.yaml(5,3): warning RE0305: no evidence for 'organization.duties_on_wall'; it scores 0");
        diagnostics.Should().Contain(d => d.ToString() == "e.yaml(4,1): warning RE0305: no evidence for line 'rules'; it scores 0");
        diagnostics.Should().OnlyContain(d => !d.IsError);
        card.Warnings.Should().Equal(diagnostics);
    }

    [Test]
    public void A_discretionary_deduction_left_out_means_none_and_no_warning()
    {
        Village.TryScoreText(Header + "  venue: { fixed_site: true, office_and_activity_supplies: true }\n", "e.yaml", out var card, out var diagnostics).Should().BeTrue();
        card!.Lines.Single(l => l.Id == "venue").Score.Should().Be(4);
        diagnostics.Should().NotContain(d => d.Message.Contains("venue", StringComparison.Ordinal));
    }

    [Test]
    public void A_line_left_empty_is_missing_evidence_not_an_error()
    {
        Village.TryScoreText(Header + "  organization:\n", "e.yaml", out var card, out var diagnostics).Should().BeTrue();
        card!.Lines.Single(l => l.Id == "organization").Score.Should().Be(0);
        diagnostics.Should().Contain(d => d.ToString() == "e.yaml(5,3): warning RE0305: no evidence for 'organization.leading_group', 'organization.dedicated_staff', 'organization.duties_on_wall'; they score 0");
    }

    [Test]
    public void A_month_given_twice_counts_once_with_a_warning()
    {
        Village.TryScoreText(Header + "  lectures: { lecture_team: false, lecture_months: [3, 3, 4] }\n", "e.yaml", out var card, out var diagnostics).Should().BeTrue();
        card!.Lines.Single(l => l.Id == "lectures").Score.Should().Be(1);
        diagnostics.Should().Contain(d => d.ToString() == "e.yaml(5,56): warning RE0307: month 3 is listed twice in 'lectures.lecture_months'; it counts once");
    }

    [Test]
    public void Json_evidence_is_read_with_positions()
    {
        const string json = """
            {
              "rubric": "village",
              "unit": "白龙村",
              "lines": {
                "review_meetings": { "meeting_quarters": [1, 2, 5] }
              }
            }
            """;
        OnlyError(Village, json, "e.json").ToString().Should().Be("e.json(5,53): error RE0303: 5 is not a quarter; quarters are whole numbers from 1 to 4");
    }

    [TestCase("{ \"rubric\": \"village\", \"rubric\": \"town\", \"unit\": \"x\", \"lines\": {} }", "e.json(1,24): error RE0006: duplicate key 'rubric' (first given at line 1); keep one of them")]
    [TestCase("{ \"rubric\": \"village\", \"unit\": \"x\", \"lines\": { \"archives\": { \"archive_quality\": NaN } } }", "e.json(1,81): error RE0004: malformed JSON: 'N' is an invalid start of a value")]
    [TestCase("{ \"rubric\": \"village\", \"unit\": \"x\", \"lines\": { \"archives\": { \"archive_quality\": 1e400 } } }", "e.json(1,81): error RE0012: 'archives.archive_quality' must be a plain decimal number such as 1.5, not '1e400'")]
    [TestCase("{ \"rubric\": \"village\", \"unit\": \"x\", \"lines\": {} ", "e.json(1,49): error RE0004: malformed JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed")]
    [TestCase("", "e.json(1,1): error RE0008: the file is empty")]
    [TestCase(" \n ", "e.json(1,1): error RE0008: the file is empty")]
    public void Malformed_json_is_refused_with_its_position(string json, string expected)
    {
        Evidence(Village, json, "e.json").Single().ToString().Should().Be(expected);
    }

    [Test]
    public void Yaml_and_json_evidence_score_the_same()
    {
        Repo.Rubric("platform").TryScoreText(Repo.Read("samples/platform-culture.json"), "samples/platform-culture.json", out var fromJson, out _).Should().BeTrue();
        var yaml = Repo.Read("samples/platform-culture.json"); // JSON is YAML: the YAML reader must agree with the JSON one
        Repo.Rubric("platform").TryScoreText(yaml, "platform-culture.yaml", out var fromYaml, out _).Should().BeTrue();
        fromYaml!.Lines.Select(l => (l.Id, l.Score, l.Bonus)).Should().Equal(fromJson!.Lines.Select(l => (l.Id, l.Score, l.Bonus)));
        fromYaml.Total.Should().Be(fromJson.Total);
    }
}
