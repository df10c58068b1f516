using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Extensions.Configuration;
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

    [Fact]
    public async Task Tls_between_silos_takes_the_configured_certificate_and_the_node_runs_with_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "salescoach-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "cluster.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=salescoach-cluster", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(path, created.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "pfx-password"));
        }

        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CertificatePath"] = path,
            ["CertificatePassword"] = "pfx-password",
        }).Build();
        using var certificate = SalesCoach.Live.Server.Hosting.ClusterExtensions.ClusterCertificate(settings);
        Assert.NotNull(certificate);
        Assert.True(certificate.HasPrivateKey);
        Assert.Null(SalesCoach.Live.Server.Hosting.ClusterExtensions.ClusterCertificate(new ConfigurationBuilder().Build()));
        Assert.Throws<InvalidOperationException>(() => SalesCoach.Live.Server.Hosting.ClusterExtensions.ClusterCertificate(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CertificatePath"] = path + ".missing" }).Build()));

        using var app = new SalesCoachApp(settings: new Dictionary<string, string?>
        {
            ["Cluster:Tls:CertificatePath"] = path,
            ["Cluster:Tls:CertificatePassword"] = "pfx-password",
        });
        Assert.Equal(HttpStatusCode.OK, (await app.Client(null).GetAsync("/healthz")).StatusCode);
    }
}
