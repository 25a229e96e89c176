using BenchmarkDotNet.Running;
using RubricEngine.Benchmarks;

// `--ratios`: the five comparisons of the speed goals, interleaved in one process (docs/benchmarks.md).
// Anything else goes to BenchmarkDotNet, e.g. `--filter '*'` for the full table with allocations.
var work = new Workload();
work.Verify();
if (args is ["--ratios"])
{
    Ratios.Run(work, Console.Out);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Workload).Assembly).Run(args);
return 0;
