using System.Diagnostics;

namespace RubricEngine.Benchmarks;

/// <summary>
/// The comparisons the speed goals are stated in, run interleaved in one process: round after round, each side
/// times a batch in turn, and the ratio of the two medians is printed. On a shared, noisy machine a ratio measured
/// this way holds steady where absolute times do not.
/// </summary>
public static class Ratios
{
    private const int Rounds = 41;

    public static void Run(Workload work, TextWriter output)
    {
        Print(output, "numbers_vs_handwritten", Compare(() => work.EngineNumbers(), () => work.HandNumbers()));
        Print(output, "numbers_vs_rulesengine", Compare(() => work.EngineNumbers(), () => work.RulesEngineNumbers()));
        Print(output, "card_vs_handwritten", Compare(() => work.EngineCard(), () => work.HandCard()));
        Print(output, "yaml_to_card_vs_handwritten", Compare(() => work.EngineYamlToCard(), () => work.HandYamlToCard()));
        Print(output, "json_to_card_vs_yaml_to_card", Compare(() => work.EngineJsonToCard(), () => work.EngineYamlToCard()));
    }

    /// <summary>The median time of <paramref name="measured"/> over the median time of <paramref name="baseline"/>.</summary>
    public static double Compare<TA, TB>(Func<TA> measured, Func<TB> baseline)
    {
        var batch = BatchFor(measured, baseline);
        var a = new double[Rounds];
        var b = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            // Alternate which side goes first, so that neither always follows the other's cache or GC debt.
            if (round % 2 == 0)
            {
                a[round] = Time(measured, batch);
                b[round] = Time(baseline, batch);
            }
            else
            {
                b[round] = Time(baseline, batch);
                a[round] = Time(measured, batch);
            }
        }

        return Median(a) / Median(b);
    }

    /// <summary>Enough calls per batch that the slower side takes about 20 ms: well above timer resolution.</summary>
    private static int BatchFor<TA, TB>(Func<TA> measured, Func<TB> baseline)
    {
        // Half a second of each side first, so that tiered JIT has compiled both fully before anything counts.
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed.TotalSeconds < 1.0)
        {
            measured();
            baseline();
        }

        var probe = Math.Max(Time(measured, 100), Time(baseline, 100)) / 100;
        return (int)Math.Clamp(0.020 / Math.Max(probe, 1e-9), 10, 1_000_000);
    }

    private static double Time<T>(Func<T> action, int calls)
    {
        // Each batch starts with an empty heap, so that neither side pays for collecting the other's garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            GC.KeepAlive(action());
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static void Print(TextWriter output, string name, double ratio) =>
        output.WriteLine(FormattableString.Invariant($"ratio {name} {ratio:0.###}"));
}
