using System.Diagnostics;
using System.Text;
using RubricEngine.Cli;
using RubricEngine.Diagnostics;
using RubricEngine.Reporting;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Loading;

/// <summary>
/// The second robustness pass: inputs a file of the corpus cannot show (devices, pipes, folders, text in memory,
/// limits set in code, cards built by hand) and evidence that is valid but unusual (keys left empty, long repeats).
/// </summary>
public sealed class RobustnessTests
{
    [TestCase(nameof(LoadLimits.MaxFileBytes))]
    [TestCase(nameof(LoadLimits.MaxDepth))]
    [TestCase(nameof(LoadLimits.MaxNodes))]
    [TestCase(nameof(LoadLimits.MaxRuleLength))]
    [TestCase(nameof(LoadLimits.MaxLines))]
    [TestCase(nameof(LoadLimits.MaxCriteria))]
    [TestCase(nameof(LoadLimits.MaxListItems))]
    public void A_limit_below_one_is_refused_when_it_is_set(string limit)
    {
        var set = () => With(limit, 0);
        set.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(limit);
        With(limit, 1).Should().NotBeNull();
    }

    [Test]
    public void A_depth_limit_above_the_ceiling_is_refused_and_the_ceiling_itself_works_for_json()
    {
        var tooDeep = () => new LoadLimits { MaxDepth = int.MaxValue };
        tooDeep.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(LoadLimits.MaxDepth));

        // MaxDepth + 1 once overflowed and made every JSON file an internal error.
        var limits = new LoadLimits { MaxDepth = LoadLimits.DepthCeiling };
        Rubric.TryLoad(Repo.PathOf("rubrics/platform.yaml"), out var rubric, out var diagnostics, limits).Should().BeTrue(string.Join("\n", diagnostics));
        rubric!.TryScore(Repo.PathOf("samples/platform-culture.json"), out var card, out diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
        card!.Total.Should().Be(Repo.Rubric("platform").TryScore(Repo.PathOf("samples/platform-culture.json"), out var reference, out _) ? reference!.Total : -1);
    }

    [Test]
    public void Text_in_memory_that_starts_with_a_byte_order_mark_scores_as_the_same_bytes_from_a_file_do()
    {
        var rubric = Repo.Rubric("village");
        var text = Repo.Read("samples/village-bailong.yaml");
        rubric.TryScoreText(text, "bailong.yaml", out var plain, out _).Should().BeTrue();

        // Encoding.UTF8.GetString keeps the mark as U+FEFF; it used to be read into the first key ('\uFEFFrubric').
        var decoded = Encoding.UTF8.GetString([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);
        decoded[0].Should().Be('\uFEFF');
        rubric.TryScoreText(decoded, "bailong.yaml", out var marked, out var diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
        marked!.Total.Should().Be(plain!.Total);

        Rubric.TryLoadText("\uFEFF" + Repo.Read("rubrics/village.yaml"), "village.yaml", out var parsed, out diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
        parsed!.Lines.Length.Should().Be(12);
    }

    [Test]
    public void A_key_left_empty_is_not_given_it_scores_0_with_the_usual_warning()
    {
        // leading_group left as ~ and duties_on_wall left with no value at all: both "not given", like a line left empty.
        var text = Repo.Read("samples/village-bailong.yaml")
            .Replace("organization: { leading_group: true, dedicated_staff: true, duties_on_wall: false }",
                "organization: { leading_group: ~, dedicated_staff: true, duties_on_wall: }", StringComparison.Ordinal);
        Repo.Rubric("village").TryScoreText(text, "e.yaml", out var card, out var diagnostics).Should().BeTrue(string.Join("\n", diagnostics));
        var organization = card!.Lines.Single(l => l.Id == "organization");
        organization.Score.Should().Be(2m); // 0 (leading_group, not given) + 2 (dedicated_staff) + 0 (duties_on_wall, not given)
        organization.Criteria.Select(c => c.Reason).Should().Equal("未提供，0 分", "有，2 分", "未提供，0 分");
        diagnostics.Where(d => d.Code == DiagnosticCodes.MissingEvidence).Select(d => d.Message)
            .Should().Contain(m => m.Contains("leading_group", StringComparison.Ordinal))
            .And.Contain(m => m.Contains("duties_on_wall", StringComparison.Ordinal));
    }

    [Test]
    public void A_month_repeated_ten_thousand_times_gives_one_warning_with_the_count()
    {
        var months = string.Join(", ", Enumerable.Repeat("3", 9_999).Append("4"));
        var text = Repo.Read("samples/village-bailong.yaml")
            .Replace("lecture_months: [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12]", $"lecture_months: [{months}]", StringComparison.Ordinal);
        Repo.Rubric("village").TryScoreText(text, "e.yaml", out var card, out var diagnostics).Should().BeTrue(string.Join("\n", diagnostics.Take(3)));

        var repeats = diagnostics.Where(d => d.Code == DiagnosticCodes.RepeatedPeriod).ToList();
        repeats.Should().ContainSingle().Which.Message.Should()
            .Be("'lectures.lecture_months' repeats entries 9998 times (month 3); each entry counts once");
        card!.Lines.Single(l => l.Id == "lectures").Score.Should().Be(5m); // team 4 + months {3, 4}: 2 × 0.5 = 1
    }

    [Test]
    public void A_card_built_with_a_null_member_is_refused_with_ArgumentNullException_naming_it()
    {
        Repo.Rubric("village").TryScore(Repo.PathOf("samples/village-bailong.yaml"), out var card, out _).Should().BeTrue();
        var line = card!.Lines[0];
        (ScoreCard Card, string Member)[] broken =
        [
            (card with { Unit = null! }, "card.Unit"),
            (card with { Lines = default }, "card.Lines"),
            (card with { Warnings = default }, "card.Warnings"),
            (card with { Lines = [line with { Reasons = [null!] }] }, "card.Lines[].Reasons[]"),
            (card with { Lines = [line with { Criteria = [line.Criteria[0] with { Keys = default }] }] }, "card.Lines[].Criteria[].Keys"),
            (card with { Sections = [null!] }, "card.Sections[].Name"),
        ];
        foreach (var (bad, member) in broken)
        {
            var write = () => ScoreCardJson.Write(bad);
            write.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be(member);
        }
    }

    [Test]
    public void A_folder_is_named_as_a_folder_not_as_a_missing_file()
    {
        var folder = Repo.PathOf("samples");
        Rubric.TryLoad(folder, out _, out var diagnostics).Should().BeFalse();
        diagnostics.Single().ToString().Should().Be($"{folder}(1,1): error RE0001: this is a folder, not a file; name the files in it");
        Repo.Rubric("village").TryScore(folder, out _, out diagnostics).Should().BeFalse();
        diagnostics.Single().Message.Should().Be("this is a folder, not a file; name the files in it");
    }

    [Test]
    [Platform("Linux")]
    public void A_device_is_refused_at_once_instead_of_being_read_without_end()
    {
        Repo.Rubric("village").TryScore("/dev/zero", out _, out var diagnostics).Should().BeFalse();
        diagnostics.Single().ToString().Should().Be(
            "/dev/zero(1,1): error RE0001: this is not a regular file but a device, a pipe or a socket, which may never end; save its content to a file and name that file");
        Rubric.TryLoad("/dev/zero", out _, out diagnostics).Should().BeFalse();
        diagnostics.Single().Code.Should().Be(DiagnosticCodes.FileUnreadable);
    }

    [Test]
    [Platform("Linux")]
    public void A_named_pipe_with_no_writer_is_refused_instead_of_waiting_for_ever()
    {
        var pipe = Path.Combine(Path.GetTempPath(), $"rubric-pipe-{Guid.NewGuid():N}");
        using (var mkfifo = Process.Start("mkfifo", pipe))
        {
            mkfifo.WaitForExit();
            mkfifo.ExitCode.Should().Be(0);
        }

        try
        {
            // Opening such a pipe blocks until a writer comes; the guard only stops this test from hanging if that regresses.
            var read = Task.Run(() => Repo.Rubric("village").TryScore(pipe, out _, out var diagnostics) ? [] : diagnostics);
            read.Wait(TimeSpan.FromMinutes(1)).Should().BeTrue("reading a pipe with no writer must not block");
            read.Result.Single().Message.Should().StartWith("this is not a regular file but a device, a pipe or a socket");
        }
        finally
        {
            File.Delete(pipe);
        }
    }

    [Test]
    [Platform("Linux")]
    [NonParallelizable] // it sets the current directory
    public void The_cli_prints_every_good_file_when_others_are_a_device_a_folder_and_a_missing_file()
    {
        var saved = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Repo.Root;
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = CliApp.Run(["score", "-r", "rubrics/village.yaml", "--format", "json", "/dev/zero", "samples", "samples/village-bailong.yaml", "no-such.yaml"], output, error);
            exit.Should().Be(CliApp.InputErrors);
            output.ToString().Should().Contain("\"unit\": \"白龙村\"").And.Contain("\"total\": 75");
            // The CLI reads a folder for the evidence in it (docs/county-report.md), so 'samples' gives its three files:
            // bailong is scored once, where first named, and the other two are refused for being another rubric's.
            // The library itself still refuses a folder given as a file (RE0001 'this is a folder', tested above).
            error.ToString().Should().Contain("/dev/zero(1,1): error RE0001")
                .And.Contain("samples/town-yanghe.yaml(2,9): error RE0304").And.NotContain("samples(1,1)")
                .And.Contain("no-such.yaml(1,1): error RE0001: file not found").And.NotContain("Exception");
            System.Text.RegularExpressions.Regex.Count(output.ToString(), "\"unit\": \"白龙村\"").Should().Be(1);
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }
    }

    [Test]
    public void A_json_value_nested_deeper_than_the_stack_allows_is_a_diagnostic_not_a_crash()
    {
        // The limit allows a million levels; the reader stops where the thread's stack would run out.
        var limits = new LoadLimits { MaxDepth = LoadLimits.DepthCeiling, MaxNodes = 1_000_000 };
        Rubric.TryLoad(Repo.PathOf("rubrics/village.yaml"), out var rubric, out _, limits).Should().BeTrue();
        using var document = System.Text.Json.JsonDocument.Parse(new string('[', 100_000) + new string(']', 100_000),
            new System.Text.Json.JsonDocumentOptions { MaxDepth = 200_000 });
        var scoring = Task.Factory.StartNew(() =>
        {
            rubric!.TryScore(document.RootElement, out var card, out var diagnostics).Should().BeFalse();
            return diagnostics;
        }, TaskCreationOptions.LongRunning);
        scoring.Result.Should().ContainSingle(d => d.IsError).Which.Code.Should().BeOneOf(DiagnosticCodes.LimitExceeded, DiagnosticCodes.WrongType);
        scoring.Result.Should().NotContain(d => d.Code == DiagnosticCodes.InternalError);
    }

    [Test]
    public void A_stream_that_says_it_is_too_long_is_refused_before_it_is_read()
    {
        using var stream = new EndlessLengthStream();
        Repo.Rubric("village").TryScore(stream, "big.yaml", out _, out var diagnostics).Should().BeFalse();
        diagnostics.Single().Code.Should().Be(DiagnosticCodes.FileTooLarge);
        var tooLarge = () => new LoadLimits { MaxFileBytes = Array.MaxLength };
        tooLarge.Should().Throw<ArgumentOutOfRangeException>("one byte past the limit must still fit in an array");
    }

    /// <summary>A seekable stream of 10 GB that fails the test if anything reads it.</summary>
    private sealed class EndlessLengthStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => 10L * 1024 * 1024 * 1024;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new AssertionException("the stream was read");
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static LoadLimits With(string limit, int value) => limit switch
    {
        nameof(LoadLimits.MaxFileBytes) => new LoadLimits { MaxFileBytes = value },
        nameof(LoadLimits.MaxDepth) => new LoadLimits { MaxDepth = value },
        nameof(LoadLimits.MaxNodes) => new LoadLimits { MaxNodes = value },
        nameof(LoadLimits.MaxRuleLength) => new LoadLimits { MaxRuleLength = value },
        nameof(LoadLimits.MaxLines) => new LoadLimits { MaxLines = value },
        nameof(LoadLimits.MaxCriteria) => new LoadLimits { MaxCriteria = value },
        nameof(LoadLimits.MaxListItems) => new LoadLimits { MaxListItems = value },
        _ => throw new ArgumentOutOfRangeException(nameof(limit)),
    };
}
