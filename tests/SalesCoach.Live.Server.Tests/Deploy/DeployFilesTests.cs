using System.Text.RegularExpressions;
using SalesCoach.Live.Server.Hosting;
using SalesCoach.Live.Server.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SalesCoach.Live.Server.Tests.Deploy;

/// <summary>
/// No Docker engine runs here, so docker-compose.yml, the Dockerfile and deploy/nginx.conf are checked by reading them:
/// they must parse, point at files that exist, and use the product's real configuration keys, ports, health endpoint
/// and binary; the cluster profile must run PostgreSQL, two nodes on it and a WebSocket-capable proxy in front of them.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly HashSet<string> KnownKeyPrefixes = ["Storage__", "Demo__", "Org__", "ApiKeys__", "Cluster__", "ASPNETCORE_", "Wallboard__", "Proxy__"];

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
    public void Every_service_of_the_image_builds_it_from_the_repository_root_and_the_main_one_publishes_port_5080()
    {
        var services = ComposeServices();
        var builders = services.Where(s => ImageOf(s.Value) == "salescoach-live:latest").ToList();

        Assert.Contains(builders, s => s.Key == "salescoach");
        foreach (var (name, service) in builders)
        {
            // `docker compose up --build` from a clean clone: no service waits for an image built by a script first.
            Assert.True(service.Children.TryGetValue(new YamlScalarNode("build"), out var buildNode), $"service {name} does not build its image");
            var build = (YamlMappingNode)buildNode;
            var context = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, ((YamlScalarNode)build.Children[new YamlScalarNode("context")]).Value!));
            var dockerfile = ((YamlScalarNode)build.Children[new YamlScalarNode("dockerfile")]).Value!;
            Assert.Equal(Path.GetFullPath(RepositoryRoot.Path).TrimEnd('/'), context.TrimEnd('/'));
            Assert.Equal("deploy/Dockerfile", dockerfile);
        }

        var ports = ((YamlSequenceNode)services["salescoach"].Children[new YamlScalarNode("ports")]).Children.Select(n => ((YamlScalarNode)n).Value).ToList();
        Assert.Contains("5080:5080", ports);
    }

    [Fact]
    public void Secrets_have_no_default_in_the_compose_file_and_every_command_refuses_to_run_without_them()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        foreach (var secret in new[] { "SALESCOACH_KEY", "POSTGRES_PASSWORD" })
        {
            var uses = Regex.Matches(text, @"\$\{" + secret + @"(?<rest>[^}]*)\}").Select(m => m.Groups["rest"].Value).ToList();
            Assert.NotEmpty(uses);
            // ${VAR:?message}: unset or empty stops compose with the message; ${VAR:-x}, ${VAR-x} or ${VAR} would not.
            Assert.All(uses, rest => Assert.StartsWith(":?", rest, StringComparison.Ordinal));
            Assert.All(uses, rest => Assert.True(rest.Length > 2, $"{secret}: say what to set"));
        }

        // No secret written into the file either (the old defaults, or any literal key or password).
        foreach (var (name, service) in ComposeServices())
        {
            foreach (var (key, value) in Environment(service).Where(e => e.Key.EndsWith("__Key", StringComparison.Ordinal) || e.Key.EndsWith("ApiKey", StringComparison.Ordinal) || e.Key.Contains("PASSWORD", StringComparison.Ordinal)))
            {
                Assert.True(value.StartsWith("${", StringComparison.Ordinal), $"service {name}: {key} is written in the file");
            }
        }

        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "production.md"));
        Assert.Contains("SALESCOACH_KEY", docs, StringComparison.Ordinal);
        Assert.Contains("POSTGRES_PASSWORD", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Dockerfile_builds_with_the_SDK_and_Node_and_runs_on_the_slim_ASP_NET_runtime_as_a_non_root_user()
    {
        var stages = DockerfileStages();
        var build = stages.Single(s => Regex.IsMatch(s[0], @"^FROM \S*dotnet/sdk:10\.0\S* AS build$", RegexOptions.IgnoreCase));
        var runtime = stages[^1];

        Assert.True(stages.Count >= 2, "one stage builds, another runs");
        // Node.js in the build stage, so Wallboard.targets builds the wallboard inside `dotnet publish`.
        Assert.Contains(build, l => Regex.IsMatch(l, @"^(COPY --from=\S+ \S*/bin/node |RUN .*apt-get install .*\bnodejs\b)"));
        Assert.Contains(build, l => Regex.IsMatch(l, @"\bnpm\b"));
        var publish = Assert.Single(build, l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        var project = Regex.Match(publish, @"dotnet publish (\S+)").Groups[1].Value;
        Assert.True(Directory.Exists(Path.Combine(RepositoryRoot.Path, project)), $"{project} is not a folder of the repository");
        Assert.DoesNotContain("SkipWallboardBuild=true", publish, StringComparison.Ordinal);
        Assert.Contains("npm ci", File.ReadAllText(Path.Combine(RepositoryRoot.Path, project, "Wallboard.targets")), StringComparison.Ordinal);
        var output = Regex.Match(publish, @" -o (\S+)").Groups[1].Value;
        Assert.Contains("wallboard/index.html", publish, StringComparison.Ordinal);

        Assert.Matches(@"^FROM \S*dotnet/aspnet:10\.0\S*( AS \w+)?$", runtime[0]);
        var copy = Assert.Single(runtime, l => l.StartsWith("COPY ", StringComparison.Ordinal));
        Assert.Matches(@"^COPY --from=build " + Regex.Escape(output.TrimEnd('/')) + @"/? /app/?$", copy);
        Assert.DoesNotContain(runtime, l => l.Contains("nodejs", StringComparison.Ordinal) || l.Contains("npm", StringComparison.Ordinal));
        var user = runtime.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
        Assert.True(runtime.FindIndex(l => l.StartsWith("USER ", StringComparison.Ordinal)) < runtime.FindIndex(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_node_modules_and_local_data()
    {
        var ignore = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "deploy", "Dockerfile.dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        foreach (var pattern in new[] { "**/bin/", "**/obj/", "**/node_modules/", "**/data/", ".git" })
        {
            Assert.Contains(pattern, ignore);
        }

        // The wrapper script, when kept, builds the same image the same way and publishes nothing itself.
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "build-image.sh");
        if (File.Exists(script))
        {
            var text = File.ReadAllText(script);
            Assert.Contains("-f deploy/Dockerfile .", text, StringComparison.Ordinal);
            Assert.DoesNotContain("dotnet publish", text, StringComparison.Ordinal);
        }
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
    public void The_cluster_profile_runs_PostgreSQL_and_two_nodes_on_it_that_form_one_cluster()
    {
        var services = ComposeServices();
        var postgres = Assert.Single(services, s => InProfile(s.Value, "cluster") && ImageOf(s.Value).StartsWith("postgres:", StringComparison.Ordinal));
        var nodes = NodeServices(services);

        Assert.True(nodes.Count >= 2, $"the cluster profile has {nodes.Count} server nodes; it needs two or more");
        Assert.True(postgres.Value.Children.ContainsKey(new YamlScalarNode("healthcheck")), "PostgreSQL needs a health check the nodes can wait on");
        foreach (var (name, node) in nodes)
        {
            var env = Environment(node);
            Assert.Equal("salescoach-live:latest", ImageOf(node));
            Assert.Equal("Postgres", env["Storage__Provider"]);
            Assert.Contains($"Host={postgres.Key};", env["Storage__Postgres__ConnectionString"], StringComparison.Ordinal);
            Assert.Equal("service_healthy", DependsOn(node)[postgres.Key]);
            Assert.Equal(name, env["Cluster__AdvertisedIPAddress"]);
            foreach (var key in env.Keys.Where(k => k.StartsWith("Cluster__", StringComparison.Ordinal)))
            {
                Assert.Contains(key["Cluster__".Length..].Split("__")[0], ClusterExtensions.Keys);
            }
        }

        // One cluster: the same cluster and service ids everywhere, and no two nodes at the same address and port.
        Assert.Single(nodes.Select(n => Environment(n.Value)["Cluster__ClusterId"]).Distinct());
        Assert.Single(nodes.Select(n => Environment(n.Value)["Cluster__ServiceId"]).Distinct());
        var endpoints = nodes.Select(n => $"{Environment(n.Value)["Cluster__AdvertisedIPAddress"]}:{Environment(n.Value)["Cluster__SiloPort"]}").ToList();
        Assert.Equal(endpoints.Count, endpoints.Distinct().Count());
    }

    [Fact]
    public void The_nodes_and_PostgreSQL_are_on_an_internal_network_only_and_publish_no_port()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var networks = (YamlMappingNode)root.Children[new YamlScalarNode("networks")];
        bool Internal(string network) =>
            networks.Children.TryGetValue(new YamlScalarNode(network), out var n) && n is YamlMappingNode m
            && m.Children.TryGetValue(new YamlScalarNode("internal"), out var flag) && ((YamlScalarNode)flag).Value == "true";

        var services = ComposeServices();
        var postgres = services.Single(s => ImageOf(s.Value).StartsWith("postgres:", StringComparison.Ordinal));
        var proxy = services.Single(s => ImageOf(s.Value) == "nginx:stable");
        var nodes = NodeServices(services);
        foreach (var (name, service) in nodes.Append(postgres))
        {
            // Orleans' silo and gateway ports take no credentials: only the other nodes may reach them.
            Assert.False(service.Children.ContainsKey(new YamlScalarNode("ports")), $"service {name} publishes a port");
            var joined = Networks(service);
            Assert.NotEmpty(joined);
            Assert.All(joined, n => Assert.True(Internal(n), $"service {name} is on the network {n}, which is not internal"));
        }

        // The proxy reaches the nodes on their network and is the one published door.
        Assert.Contains(Networks(proxy.Value), n => Internal(n) && nodes.All(node => Networks(node.Value).Contains(n)));
        Assert.Contains(Networks(proxy.Value), n => !Internal(n));
        Assert.True(proxy.Value.Children.ContainsKey(new YamlScalarNode("ports")));
    }

    [Fact]
    public void Nodes_believe_forwarded_headers_from_the_proxy_alone()
    {
        var services = ComposeServices();
        var proxy = services.Single(s => ImageOf(s.Value) == "nginx:stable").Value;
        var proxyNetworks = (YamlMappingNode)proxy.Children[new YamlScalarNode("networks")];
        var proxyAddresses = proxyNetworks.Children.Values.OfType<YamlMappingNode>()
            .Where(n => n.Children.ContainsKey(new YamlScalarNode("ipv4_address")))
            .Select(n => ((YamlScalarNode)n.Children[new YamlScalarNode("ipv4_address")]).Value!)
            .ToList();

        foreach (var (name, node) in NodeServices(services))
        {
            var env = Environment(node);
            if (env.TryGetValue("Proxy__ForwardedHeaders", out var on) && on == "true")
            {
                // Trusting a whole network, or nothing named, would let any container (or nobody) spoof client addresses.
                Assert.True(env.TryGetValue("Proxy__KnownProxies", out var known), $"service {name} trusts forwarded headers without naming its proxy");
                Assert.All(known!.Split(','), a => Assert.Contains(a.Trim(), proxyAddresses));
            }
        }
    }

    [Fact]
    public void Nodes_use_the_ports_the_image_exposes_and_check_their_health_on_the_app_port()
    {
        var exposed = DockerfileInstructions().Single(l => l.StartsWith("EXPOSE ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(int.Parse).ToList();
        var appPort = AppPort();

        Assert.Contains(appPort, exposed);
        foreach (var (_, node) in NodeServices(ComposeServices()))
        {
            var env = Environment(node);
            Assert.Contains(int.Parse(env["Cluster__SiloPort"], System.Globalization.CultureInfo.InvariantCulture), exposed);
            Assert.Contains(int.Parse(env["Cluster__GatewayPort"], System.Globalization.CultureInfo.InvariantCulture), exposed);
            var check = string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)node.Children[new YamlScalarNode("healthcheck")]).Children[new YamlScalarNode("test")])
                .Children.Select(c => ((YamlScalarNode)c).Value));
            Assert.Contains($":{appPort}/healthz", check, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_proxy_is_nginx_with_the_repository_config_in_front_of_every_node()
    {
        var services = ComposeServices();
        var proxy = Assert.Single(services, s => ImageOf(s.Value) == "nginx:stable").Value;
        var volumes = ((YamlSequenceNode)proxy.Children[new YamlScalarNode("volumes")]).Children.Select(v => ((YamlScalarNode)v).Value!).ToList();
        var mount = Assert.Single(volumes, v => v.StartsWith("./deploy/nginx.conf:", StringComparison.Ordinal));
        var config = NginxConfig();
        var listen = int.Parse(Regex.Match(config, @"^\s*listen\s+(\d+)\s*;", RegexOptions.Multiline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var ports = ((YamlSequenceNode)proxy.Children[new YamlScalarNode("ports")]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();

        Assert.StartsWith("./deploy/nginx.conf:/etc/nginx/conf.d/", mount, StringComparison.Ordinal);
        Assert.True(InProfile(proxy, "cluster"));
        Assert.Contains(ports, p => p.EndsWith($":{listen}", StringComparison.Ordinal));
        foreach (var (name, _) in NodeServices(services))
        {
            Assert.Contains(name, DependsOn(proxy).Keys);
        }
    }

    [Fact]
    public void The_proxy_config_upgrades_WebSockets_keeps_clients_on_one_node_and_reaches_every_node_on_the_app_port()
    {
        var config = NginxConfig();
        var upstream = Regex.Match(config, @"upstream\s+(\w+)\s*\{([^}]*)\}");
        var servers = Regex.Matches(upstream.Groups[2].Value, @"^\s*server\s+([\w.-]+):(\d+)", RegexOptions.Multiline)
            .Select(m => (Host: m.Groups[1].Value, Port: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        Assert.True(upstream.Success, "nginx.conf has no upstream block");
        Assert.Matches(@"(?m)^\s*ip_hash\s*;", upstream.Groups[2].Value);
        Assert.Equal(NodeServices(ComposeServices()).Select(n => n.Key).Order(StringComparer.Ordinal), servers.Select(s => s.Host).Order(StringComparer.Ordinal));
        Assert.All(servers, s => Assert.Equal(AppPort(), s.Port));
        Assert.Contains($"proxy_pass http://{upstream.Groups[1].Value};", config, StringComparison.Ordinal);
        Assert.Matches(@"proxy_http_version\s+1\.1\s*;", config);
        Assert.Matches(@"proxy_set_header\s+Upgrade\s+\$http_upgrade\s*;", config);
        Assert.Matches(@"proxy_set_header\s+Connection\s+\$connection_upgrade\s*;", config);
        Assert.Matches(@"map\s+\$http_upgrade\s+\$connection_upgrade\s*\{[^}]*default\s+upgrade\s*;", config);
        // Longer than SignalR's 15 s keep-alive, or nginx closes quiet hub connections.
        var readTimeout = int.Parse(Regex.Match(config, @"proxy_read_timeout\s+(\d+)s\s*;").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(readTimeout > 15, $"proxy_read_timeout {readTimeout}s");
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

    /// <summary>Services that run the server on PostgreSQL: the cluster's nodes.</summary>
    private static List<KeyValuePair<string, YamlMappingNode>> NodeServices(Dictionary<string, YamlMappingNode> services) =>
        [.. services.Where(s => ImageOf(s.Value) == "salescoach-live:latest"
            && Environment(s.Value).TryGetValue("Storage__Provider", out var provider) && provider == "Postgres")];

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        service.Children.TryGetValue(new YamlScalarNode("environment"), out var env)
            ? ((YamlMappingNode)env).Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value ?? "")
            : [];

    /// <summary>depends_on as service name to condition.</summary>
    private static Dictionary<string, string> DependsOn(YamlMappingNode service) =>
        ((YamlMappingNode)service.Children[new YamlScalarNode("depends_on")]).Children.ToDictionary(
            kv => ((YamlScalarNode)kv.Key).Value!,
            kv => ((YamlScalarNode)((YamlMappingNode)kv.Value).Children[new YamlScalarNode("condition")]).Value!);

    private static List<string> Networks(YamlMappingNode service) =>
        service.Children.TryGetValue(new YamlScalarNode("networks"), out var networks)
            ? networks switch
            {
                YamlSequenceNode list => [.. list.Children.Select(n => ((YamlScalarNode)n).Value!)],
                YamlMappingNode map => [.. map.Children.Keys.Select(n => ((YamlScalarNode)n).Value!)],
                _ => [],
            }
            : [];

    private static bool InProfile(YamlMappingNode service, string profile) =>
        service.Children.TryGetValue(new YamlScalarNode("profiles"), out var profiles)
        && ((YamlSequenceNode)profiles).Children.Any(p => ((YamlScalarNode)p).Value == profile);

    /// <summary>The port the image's server listens on (ASPNETCORE_URLS in the Dockerfile).</summary>
    private static int AppPort() => int.Parse(
        Regex.Match(DockerfileInstructions().Single(l => l.Contains("ASPNETCORE_URLS=", StringComparison.Ordinal)), @"ASPNETCORE_URLS=http://[^:\s]+:(\d+)").Groups[1].Value,
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>deploy/nginx.conf without its comments.</summary>
    private static string NginxConfig() => string.Join('\n', File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "deploy", "nginx.conf"))
        .Select(l => l.Split('#')[0]));

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

    /// <summary>The Dockerfile's stages, each a list of instructions starting with its FROM.</summary>
    private static List<List<string>> DockerfileStages()
    {
        var stages = new List<List<string>>();
        foreach (var line in DockerfileInstructions())
        {
            if (line.StartsWith("FROM ", StringComparison.Ordinal))
            {
                stages.Add([]);
            }

            stages[^1].Add(line);
        }

        return stages;
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationPattern();
}
