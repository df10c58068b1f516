using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SalesCoach.Live.Benchmarks -- --filter '*' --job short
// Results go beside the binary (bin/Release/net10.0/BenchmarkDotNet.Artifacts), out of the work tree's tracked
// files; --artifacts DIR puts them elsewhere.
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(SalesCoach.Live.Benchmarks.BenchmarkOrg).Assembly).Run(args, config);
