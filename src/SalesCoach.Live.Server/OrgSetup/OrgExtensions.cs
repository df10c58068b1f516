using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage;
using SalesCoach.Live.Storage.Org;

namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>
/// Loads the org: the file named by <c>Org:File</c>, or the demo org when none is given; then, before the silo starts,
/// the stored org takes over unless the file changed (<see cref="OrgStartup"/>), and every node follows revisions saved
/// by the others (<see cref="OrgFollower"/>). The one <see cref="Organization"/> object stays the same throughout;
/// revisions are swapped into it.
/// </summary>
public static class OrgExtensions
{
    public static WebApplicationBuilder AddOrg(this WebApplicationBuilder builder)
    {
        var file = builder.Configuration["Org:File"];
        var source = string.IsNullOrWhiteSpace(file) ? Demo() : FromFile(file);
        // An invalid file stops start-up here, with the file, the JSON path and the problem in the message.
        var org = OrgFile.Parse(source.Document, source.Name);
        builder.Services.AddSingleton(org);
        builder.Services.AddSingleton(source);
        builder.Services.AddOrgStore(builder.Configuration);
        builder.Services.AddSingleton<OrgHistory>();
        builder.Services.AddSingleton<OrgEditor>();
        builder.Services.AddSingleton(OrgFollowerOptions.From(builder.Configuration));
        // Registered before the silo (AddCluster comes later): hosted services start in order, so grains never see the
        // file's org when the stored one wins.
        builder.Services.AddHostedService<OrgStartup>();
        builder.Services.AddSingleton<OrgFollower>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OrgFollower>());
        return builder;
    }

    private static OrgSource Demo()
    {
        var json = DemoOrg.Json;
        return new OrgSource(json, OrgSource.HashOf(json), OrgRevisionSources.Demo, "demo-org.json");
    }

    private static OrgSource FromFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OrgFileException(path, [new("$", $"cannot read the file: {e.Message}")]);
        }

        return new OrgSource(json, OrgSource.HashOf(json), OrgRevisionSources.File, path);
    }
}
