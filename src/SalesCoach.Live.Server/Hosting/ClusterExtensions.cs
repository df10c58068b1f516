using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Configuration;
using Orleans.Connections.Security;
using SalesCoach.Live.Storage;
using SalesCoach.Live.Storage.Orleans;

namespace SalesCoach.Live.Server.Hosting;

/// <summary>
/// Hosts the Orleans silo in the web process. Settings live under <c>Cluster:</c> (Orleans reads <c>Orleans:</c>
/// itself, so the product keeps out of that section). With the embedded store (SQLite) the node is a cluster of one
/// on localhost; with <c>Storage:Provider=Postgres</c> nodes find each other through the membership table in
/// PostgreSQL, and every node advertises the address and ports of its configuration. Grain storage <c>store</c> and
/// reminders live in the same store as the activity log. Orleans sockets set ReuseAddress, so nodes that share a
/// machine must each have their own silo and gateway ports. The silo and gateway take no credentials: a single node
/// binds them to loopback, and a cluster's nodes must sit on a private network (docs/production.md, "Security").
/// </summary>
public static class ClusterExtensions
{
    public const string Section = "Cluster";

    public const int DefaultSiloPort = EndpointOptions.DEFAULT_SILO_PORT;

    public const int DefaultGatewayPort = EndpointOptions.DEFAULT_GATEWAY_PORT;

    /// <summary>The settings read under <c>Cluster:</c>; <c>Membership</c> is a section bound to Orleans' membership options.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["SiloPort", "GatewayPort", "ClusterId", "ServiceId", "AdvertisedIPAddress", "ListenOnAnyAddress", "Membership", "Tls"];

    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var siloPort = section.GetValue("SiloPort", DefaultSiloPort);
        var gatewayPort = section.GetValue("GatewayPort", DefaultGatewayPort);
        var clusterId = section["ClusterId"] ?? "salescoach";
        var serviceId = section["ServiceId"] ?? "salescoach-live";
        var postgres = builder.Services.AddStorageSettings(builder.Configuration).Postgres?.ConnectionString;
        var advertised = postgres is null ? IPAddress.Loopback : AdvertisedAddress(section["AdvertisedIPAddress"]);
        var listenOnAny = section.GetValue("ListenOnAnyAddress", false);
        var tlsCertificate = ClusterCertificate(section.GetSection("Tls"));

        builder.UseOrleans(silo =>
        {
            if (postgres is null)
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
                // A cluster of one: its silo and gateway ports take no credentials, so they listen on loopback only.
                silo.Configure<EndpointOptions>(options =>
                {
                    options.AdvertisedIPAddress = IPAddress.Loopback;
                    options.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, siloPort);
                    options.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Loopback, gatewayPort);
                });
            }
            else
            {
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = OrleansStorageSiloBuilderExtensions.PostgresInvariant;
                    options.ConnectionString = postgres;
                });
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = clusterId;
                    options.ServiceId = serviceId;
                });
                silo.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: listenOnAny);
            }

            if (tlsCertificate is not null)
            {
                // Mutual TLS between silos: every node presents the cluster's certificate and accepts only peers that
                // present the same one (or, with Cluster:Tls:TrustChain=true, any certificate the machine's trust store
                // accepts, e.g. one per node from the organisation's CA).
                var trustChain = section.GetValue("Tls:TrustChain", false);
                silo.UseTls(tlsCertificate, options =>
                {
                    options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
                    options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
                    options.RemoteCertificateValidation = (remote, _, errors) => remote is not null
                        && (trustChain ? errors == System.Net.Security.SslPolicyErrors.None || errors == System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch
                            : remote.Thumbprint == tlsCertificate.Thumbprint);
                });
            }

            silo.Configure<SiloOptions>(options => options.SiloName = $"{Environment.MachineName}-{siloPort}");
            // How fast a dead node is noticed and voted out (Orleans' defaults unless configured; see docs/production.md).
            silo.Services.Configure<ClusterMembershipOptions>(section.GetSection("Membership"));
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
            silo.AddSalesCoachStorage(builder.Configuration);
        });
        return builder;
    }

    /// <summary>
    /// The certificate of <c>Cluster:Tls:CertificatePath</c> (a PKCS#12 file with its private key; password
    /// <c>Cluster:Tls:CertificatePassword</c>), or null when TLS between silos is not configured.
    /// </summary>
    public static X509Certificate2? ClusterCertificate(IConfiguration tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        if (tls["CertificatePath"] is not { Length: > 0 } path)
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, tls["CertificatePassword"]);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Cluster:Tls:CertificatePath '{path}' could not be read as a PKCS#12 certificate with its key: {e.Message}", e);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"Cluster:Tls:CertificatePath '{path}' holds no private key.");
    }

    /// <summary>
    /// The address other nodes reach this one at: <c>Cluster:AdvertisedIPAddress</c> as an IP address or a host name
    /// (resolved once, IPv4 first, e.g. a compose service name), or else the first non-loopback IPv4 address of the
    /// machine, which is right for one address per container or host.
    /// </summary>
    public static IPAddress AdvertisedAddress(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return MachineAddress();
        }

        if (IPAddress.TryParse(configured, out var address))
        {
            return address;
        }

        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddresses(configured);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"Cluster:AdvertisedIPAddress '{configured}' is neither an IP address nor a host name that resolves: {e.Message}", e);
        }

        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"Cluster:AdvertisedIPAddress '{configured}' resolves to no address.");
    }

    private static IPAddress MachineAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(u => u.Address))
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;
}
