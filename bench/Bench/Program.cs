using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using QubesPoolConsole.Bench;

// bench gen N PATH          write the generated file for N pools
// bench compare PATH [N]    the in-process Core side of bench/compare.sh (median of N repetitions, default 30)
// bench loop STEP PATH N   run one step N times (for perf: DOTNET_PerfMapEnabled=1 perf record -g ...)
// bench [BenchmarkDotNet arguments]   the Core benchmarks (a short job, in process)
if (args is ["gen", var count, var path])
{
    File.WriteAllText(path, ConfGenerator.Generate(int.Parse(count)));
    return 0;
}
if (args is ["compare", var file, ..])
{
    return SideBySide.Run(file, args.Length > 2 ? int.Parse(args[2]) : 30);
}
if (args is ["loop", var step, var loopFile, var times])
{
    return Loop.Run(step, loopFile, int.Parse(times));
}

// In process: no per-benchmark project build, which on 2 shared cores costs more than the measurements.
var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess");
var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(CoreBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
return 0;
