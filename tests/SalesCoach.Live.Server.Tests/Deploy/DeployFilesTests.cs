using System.Text.RegularExpressions;
using SalesCoach.Live.Server.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SalesCoach.Live.Server.Tests.Deploy;

/// <summary>
/// No Docker engine runs here, so docker-compose.yml and the Dockerfile are checked by reading them: they must parse,
/// point at files that exist, and use the product's real configuration keys, port, health endpoint and binary.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly HashSet<string> KnownKeyPrefixes = ["Storage__", "Demo__", "Org__", "ApiKeys__", "Cluster__", "ASPNETCORE_", "Wallboard__"];

    [Fact]
    public void The_compose_file_parses_and_every_service_uses_known_settings()
    {
        var services = ComposeServices();

        Assert.Contains("salescoach", services.Keys);
        foreach (var (name, service) in services)
        {
            if (!service.Children.TryGetValue(new YamlScalarNode("environment"), out var env) || ImageOf(service).StartsWith("postgres", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var key in ((YamlMappingNode)env).Children.Keys.Select(k => ((YamlScalarNode)k).Value!))
            {
                Assert.True(KnownKeyPrefixes.Any(key.StartsWith), $"service {name}: unknown setting {key}");
            }

            var provider = ((YamlMappingNode)env).Children.TryGetValue(new YamlScalarNode("Storage__Provider"), out var p) ? ((YamlScalarNode)p).Value : "Sqlite";
            Assert.Contains(provider, new[] { "Sqlite", "Postgres" });
        }
    }

    [Fact]
    public void The_main_service_builds_the_Dockerfile_and_publishes_port_5080()
    {
        var service = ComposeServices()["salescoach"];
        var build = (YamlMappingNode)service.Children[new YamlScalarNode("build")];
        var context = Path.Combine(RepositoryRoot.Path, ((YamlScalarNode)build.Children[new YamlScalarNode("context")]).Value!);
        var dockerfile = Path.Combine(context, ((YamlScalarNode)build.Children[new YamlScalarNode("dockerfile")]).Value!);

        Assert.True(File.Exists(dockerfile), $"{dockerfile} is missing");
        var ports = ((YamlSequenceNode)service.Children[new YamlScalarNode("ports")]).Children.Select(n => ((YamlScalarNode)n).Value).ToList();
        Assert.Contains("5080:5080", ports);
    }

    [Fact]
    public void Services_that_depend_on_others_name_services_that_exist()
    {
        var services = ComposeServices();
        foreach (var (name, service) in services)
        {
            if (service.Children.TryGetValue(new YamlScalarNode("depends_on"), out var deps))
            {
                foreach (var dep in ((YamlMappingNode)deps).Children.Keys.Select(k => ((YamlScalarNode)k).Value!))
                {
                    Assert.True(services.ContainsKey(dep), $"{name} depends on missing service {dep}");
                }
            }
        }
    }

    [Fact]
    public void The_Dockerfile_runs_the_published_server_on_5080_with_a_health_check()
    {
        var lines = DockerfileInstructions();

        Assert.StartsWith("FROM ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^EXPOSE .*\b5080\b"));
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal) && l.Contains("/healthz", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ENV ", StringComparison.Ordinal) && l.Contains("ASPNETCORE_URLS=http://0.0.0.0:5080", StringComparison.Ordinal));
        var entry = lines.Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal));
        var assemblyName = Path.GetFileNameWithoutExtension(typeof(Program).Assembly.Location);
        Assert.Contains($"/app/{assemblyName}", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Dockerfile_copies_what_the_build_script_publishes()
    {
        var copy = DockerfileInstructions().Single(l => l.StartsWith("COPY ", StringComparison.Ordinal));
        var source = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1].TrimEnd('/');
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "build-image.sh"));

        Assert.Contains($"-o deploy/{source}", script, StringComparison.Ordinal);
        Assert.Contains("--self-contained", script, StringComparison.Ordinal);
        Assert.Contains("-f deploy/Dockerfile deploy", script, StringComparison.Ordinal);
    }

    private static Dictionary<string, YamlMappingNode> ComposeServices()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var services = (YamlMappingNode)root.Children[new YamlScalarNode("services")];
        return services.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => (YamlMappingNode)kv.Value);
    }

    private static string ImageOf(YamlMappingNode service) =>
        service.Children.TryGetValue(new YamlScalarNode("image"), out var image) ? ((YamlScalarNode)image).Value ?? "" : "";

    /// <summary>The Dockerfile's instructions, continuation lines joined and comments dropped.</summary>
    private static List<string> DockerfileInstructions()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "Dockerfile"));
        var joined = ContinuationPattern().Replace(text, " ");
        return joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationPattern();
}
