using Orleans.Configuration;

namespace SalesCoach.Live.Server.Hosting;

/// <summary>
/// Hosts the Orleans silo in the web process. Settings live under <c>Cluster:</c> (Orleans reads <c>Orleans:</c>
/// itself, so the product keeps out of that section). Every node needs its own silo and gateway ports.
/// </summary>
public static class ClusterExtensions
{
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Cluster");
        var siloPort = section.GetValue("SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
        var gatewayPort = section.GetValue("GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);
        var clusterId = section["ClusterId"] ?? "salescoach";
        var serviceId = section["ServiceId"] ?? "salescoach-live";
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
        });
        return builder;
    }
}
