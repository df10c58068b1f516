using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using SalesCoach.Live.Server.Hosting;
using SalesCoach.Live.Server.Tests.Infrastructure;
using SalesCoach.Live.Storage.Activities;
using SalesCoach.Live.Storage.Orleans;
using SalesCoach.Live.Storage.Orleans.Sqlite;
using SalesCoach.Live.Storage.Sqlite;

namespace SalesCoach.Live.Server.Tests.Cluster;

/// <summary>How a node reads its cluster settings, and what the embedded store wires into its silo.</summary>
public sealed class ClusterSettingsTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("10.1.2.3", "10.1.2.3")]
    [InlineData("localhost", "127.0.0.1")]
    public void The_advertised_address_is_an_address_or_a_host_name_resolved_at_start(string configured, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), ClusterExtensions.AdvertisedAddress(configured));
    }

    [Fact]
    public void Without_an_advertised_address_a_node_advertises_an_IPv4_address_of_its_machine()
    {
        var address = ClusterExtensions.AdvertisedAddress(null);

        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetwork, address.AddressFamily);
    }

    [Fact]
    public void A_host_name_that_does_not_resolve_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClusterExtensions.AdvertisedAddress("no-such-node.invalid"));

        Assert.Contains("Cluster:AdvertisedIPAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_embedded_store_grain_state_and_reminders_live_in_a_state_file_beside_the_activity_log()
    {
        using var app = new SalesCoachApp();

        var storage = app.Services.GetRequiredKeyedService<IGrainStorage>(OrleansStorageSiloBuilderExtensions.StoreName);
        var reminders = app.Services.GetRequiredService<IReminderTable>();
        var database = app.Services.GetRequiredService<SqliteGrainDatabase>();
        var log = (SqliteActivityLog)app.Services.GetRequiredService<IActivityLog>();

        Assert.IsType<SqliteGrainStorage>(storage);
        Assert.IsType<SqliteReminderTable>(reminders);
        Assert.Equal(log.FilePath, database.LogFilePath);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(log.FilePath)!, "salescoach-state.db"), database.FilePath);
    }
}
