using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Security;

/// <summary>Orleans' silo and gateway ports take no credentials: a single node listens on them on loopback only.</summary>
public sealed class SiloPortTests
{
    [Fact]
    public void A_single_node_listens_on_its_silo_and_gateway_ports_on_loopback_only()
    {
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        using var app = new SalesCoachApp(settings: new Dictionary<string, string?>
        {
            ["Cluster:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        });

        var endpoints = app.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.True(IPAddress.IsLoopback(endpoints.SiloListeningEndpoint!.Address));
        Assert.True(IPAddress.IsLoopback(endpoints.GatewayListeningEndpoint!.Address));

        // What the operating system says is listening on those ports.
        var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();
        foreach (var port in new[] { siloPort, gatewayPort })
        {
            var onPort = listeners.Where(l => l.Port == port).ToList();
            Assert.NotEmpty(onPort);
            Assert.All(onPort, l => Assert.True(IPAddress.IsLoopback(l.Address), $"port {port} listens on {l.Address}"));
        }
    }
}
