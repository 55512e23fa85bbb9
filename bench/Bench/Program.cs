using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using QubesPoolConsole.Bench;

// bench gen N PATH          write the generated file for N pools
// bench genxml N PATH       write a qubes.xml for those pools (an AppVM in every tenth pool)
// bench compare PATH [N] [--detail]   the in-process Core side of bench/compare.sh (N repetitions, default 20)
// bench loop STEP PATH N   run one step N times (for perf: DOTNET_PerfMapEnabled=1 perf record -g ...)
// bench [BenchmarkDotNet arguments]   the Core benchmarks (a short job, in process)
if (args is ["gen", var count, var path])
{
    File.WriteAllText(path, ConfGenerator.Generate(int.Parse(count)));
    return 0;
}
if (args is ["genxml", var vmPools, var xmlPath])
{
    File.WriteAllText(xmlPath, QubesXmlGenerator.Generate(int.Parse(vmPools)));
    return 0;
}
if (args is ["compare", var file, ..])
{
    var rest = args.Skip(2).ToList();
    bool detail = rest.Remove("--detail");
    return SideBySide.Run(file, rest.Count > 0 ? int.Parse(rest[0]) : 20, detail);
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
