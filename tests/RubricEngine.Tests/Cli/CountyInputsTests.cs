using System.Diagnostics;
using System.Text.Json;
using RubricEngine.Cli.Inputs;
using RubricEngine.Cli.Scoring;
using RubricEngine.Tests.Support;

namespace RubricEngine.Tests.Cli;

/// <summary>Files, folders and glob patterns as inputs; cards streamed in input order, each naming its file.</summary>
[NonParallelizable] // it sets the current directory
public sealed class CountyInputsTests : CliFixture
{
    protected override string StartFolder => Temp.Path;

    [SetUp]
    public void LayOutACounty()
    {
        // b/ and a/ with files out of order, a subfolder, and files a folder must not pick up.
        Temp.CopyVillages("县/b");
        Directory.CreateDirectory(Temp.File("县/a/深"));
        File.Copy(Temp.File("县/b/donghe.yaml"), Temp.File("县/a/Z.YML"));
        File.Copy(Temp.File("县/b/xishan.yaml"), Temp.File("县/a/深/x.yaml"));
        File.WriteAllText(Temp.File("县/a/notes.txt"), "not evidence");
        File.WriteAllText(Temp.File("县/a/~$form.xlsx"), "Excel's lock file");
    }

    [Test]
    public void A_folder_gives_its_evidence_files_sorted_and_only_with_recursive_its_subfolders()
    {
        InputExpander.Expand(["县/a"], recursive: false).Files.Should().Equal("县/a/Z.YML");
        InputExpander.Expand(["县/a"], recursive: true).Files.Select(f => f.Replace('\\', '/')).Should().Equal("县/a/Z.YML", "县/a/深/x.yaml");
        InputExpander.Expand(["县/b"], recursive: false).Files.Select(Path.GetFileName).Should()
            .Equal("beiba.yaml", "donghe.yaml", "nanping.yaml", "xishan.yaml", "zhonghe.yaml");
    }

    [Test]
    public void Glob_patterns_are_expanded_by_the_tool_case_insensitively_in_a_stable_order()
    {
        var expanded = InputExpander.Expand(["县/*/*.yaml"], recursive: false);
        expanded.Problems.Should().BeEmpty();
        // 县/a holds Z.YML, which '*.yaml' does not match; the case of the pattern does not matter, only of the folders.
        expanded.Files.Should().Equal("县/b/beiba.yaml", "县/b/donghe.yaml", "县/b/nanping.yaml", "县/b/xishan.yaml", "县/b/zhonghe.yaml");
        InputExpander.Expand(["县/a/*.Y*ML"], recursive: false).Files.Should().Equal("县/a/Z.YML");
        InputExpander.Expand(["县/**/x.yaml", "县\\b\\d*.yaml"], recursive: false).Files.Should().Equal("县/a/深/x.yaml", "县/b/donghe.yaml");
    }

    [Test]
    public void A_pattern_or_folder_naming_nothing_is_an_error_and_a_file_named_twice_is_scored_once()
    {
        var expanded = InputExpander.Expand(["县/*.json", "县/b/donghe.yaml", "县/b", "空"], recursive: false);
        expanded.Problems.Select(p => p.ToString()).Should().Equal(
            "县/*.json(1,1): error RE0001: the pattern matches no evidence file; check the folder and the spelling");
        expanded.Files.Should().Equal("县/b/donghe.yaml", "县/b/beiba.yaml", "县/b/nanping.yaml", "县/b/xishan.yaml", "县/b/zhonghe.yaml", "空");
        Directory.CreateDirectory("空的");
        InputExpander.Expand(["空的"], recursive: false).Problems.Single().Message.Should()
            .Be("the folder has no evidence files (.yaml, .yml, .json, .xlsx); add --recursive to look in its subfolders");
    }

    [Test]
    public void Json_cards_carry_their_file_and_come_in_input_order()
    {
        var (exit, output, error) = Run("score", "-r", Repo.PathOf("rubrics/village.yaml"), "-f", "json", "县/b", "县/a/Z.YML");
        exit.Should().Be(0, error);
        var cards = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        cards.Select(c => c.GetProperty("file").GetString()).Should().Equal(
            "县/b/beiba.yaml", "县/b/donghe.yaml", "县/b/nanping.yaml", "县/b/xishan.yaml", "县/b/zhonghe.yaml", "县/a/Z.YML");
        cards.Select(c => c.GetProperty("unit").GetString()).Should().Equal("北坝村", "东河村", "南坪村", "西山村", "中和村", "东河村");

        // One plain file keeps the single object of the contract, now with its file.
        var single = Run("score", "-r", Repo.PathOf("rubrics/village.yaml"), "-f", "json", "县/b/beiba.yaml");
        JsonDocument.Parse(single.Output).RootElement.GetProperty("file").GetString().Should().Be("县/b/beiba.yaml");
        // A folder with one file is still a list: the shape follows the command line, not the count.
        var folder = Run("score", "-r", Repo.PathOf("rubrics/village.yaml"), "-f", "json", "县/a");
        JsonDocument.Parse(folder.Output).RootElement.ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Test]
    public void Jsonl_writes_one_card_per_line()
    {
        var (exit, output, _) = Run("score", "-r", Repo.PathOf("rubrics/village.yaml"), "--format", "jsonl", "县/b/*.yaml");
        exit.Should().Be(0);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(5);
        // Totals by hand (see the fixtures): beiba 80, donghe 100, nanping 80, xishan 94, zhonghe 23.75.
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("total").GetDecimal()).Should().Equal(80m, 100m, 80m, 94m, 23.75m);
    }

    [Test]
    public void A_pattern_matching_nothing_exits_one_and_the_rest_is_still_scored()
    {
        var (exit, output, error) = Run("score", "-r", Repo.PathOf("rubrics/village.yaml"), "-f", "jsonl", "县/b/d*.yaml", "县/c/*.yaml");
        exit.Should().Be(1);
        error.Should().Be("县/c/*.yaml(1,1): error RE0001: the pattern matches no evidence file; check the folder and the spelling" + Environment.NewLine);
        output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle();
    }

    [Test]
    public void Ordered_parallel_keeps_the_input_order_when_later_work_finishes_first()
    {
        var started = 0;
        var work = Enumerable.Range(0, 40).Select(i => (Func<int>)(() =>
        {
            Interlocked.Increment(ref started);
            Thread.Sleep((40 - i) % 7 * 3); // later items often finish before earlier ones
            return i;
        }));
        OrderedParallel.Run(work, window: 8).Should().Equal(Enumerable.Range(0, 40));
        started.Should().Be(40);
    }

    [Test]
    public void Ordered_parallel_holds_no_more_than_its_window()
    {
        var produced = 0;
        IEnumerable<Func<int>> Work()
        {
            for (var i = 0; i < 1000; i++)
            {
                produced++;
                var n = i;
                yield return () => n;
            }
        }

        using var results = OrderedParallel.Run(Work(), window: 4).GetEnumerator();
        results.MoveNext().Should().BeTrue();
        produced.Should().Be(4, "the first result is handed back once the window is full, long before the input ends");
    }

    /// <summary>
    /// The issue measured 450–500 MB for 5,000 files when every card was kept. The real tool runs as a child process
    /// over 5,000 evidence files, its stdout read line by line, while its peak resident memory (VmHWM, which
    /// Process.PeakWorkingSet64 reads on Linux) is sampled until it exits.
    /// </summary>
    [Test]
    public void Scoring_5000_files_as_json_stays_under_200_MB_and_keeps_the_input_order()
    {
        const int count = 5000;
        var folder = Temp.File("many");
        Directory.CreateDirectory(folder);
        var evidence = File.ReadAllText(Repo.PathOf("samples/village-bailong.yaml"));
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"v{i:D5}.yaml"), evidence.Replace("unit: 白龙村", $"unit: 村{i:D5}", StringComparison.Ordinal));
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Temp.Path,
        };
        foreach (var argument in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "rubric.dll"), "score", "--rubric",
                     Repo.PathOf("rubrics/village.yaml"), "--format", "json", "many" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        long peak = 0;
        using var sampler = new Timer(_ =>
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                // it has exited between two samples
            }
        }, null, 0, 20);
        var errors = process.StandardError.ReadToEndAsync();

        var files = new List<string>(count);
        var totals = 0;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("\"file\": ", StringComparison.Ordinal))
            {
                files.Add(JsonSerializer.Deserialize<string>(trimmed["\"file\": ".Length..].TrimEnd(','))!);
            }
            else if (trimmed == "\"total\": 75,")
            {
                totals++;
            }
        }

        process.WaitForExit();
        sampler.Dispose();

        process.ExitCode.Should().Be(0, errors.Result);
        files.Should().HaveCount(count).And.Equal(Enumerable.Range(0, count).Select(i => $"many/v{i:D5}.yaml"));
        totals.Should().Be(count, "every card is bailong's evidence: total 75 (see CliTests)");
        TestContext.Out.WriteLine($"peak memory of 'rubric score' over {count} files: {peak / (1024 * 1024)} MB");
        peak.Should().BeGreaterThan(0).And.BeLessThan(200L * 1024 * 1024);
    }
}
