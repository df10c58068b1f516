using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>Loads the org: the file named by <c>Org:File</c>, or the demo org when none is given.</summary>
public static class OrgExtensions
{
    public static WebApplicationBuilder AddOrg(this WebApplicationBuilder builder)
    {
        var file = builder.Configuration["Org:File"];
        // An invalid file stops start-up here, with the file, the JSON path and the problem in the message.
        var org = string.IsNullOrWhiteSpace(file) ? DemoOrg.Create() : OrgFile.Load(file);
        builder.Services.AddSingleton(org);
        return builder;
    }
}
