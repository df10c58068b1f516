using Microsoft.Extensions.Configuration;

namespace SalesCoach.Live.Connectors.Tests;

/// <summary>The <c>Connectors:{Name}:*</c> keys bind exactly as connectors-v1.md names them.</summary>
public sealed class OptionsBindingTests
{
    private static T Bind<T>(string name, Dictionary<string, string?> keys)
        where T : ConnectorOptions, new()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
        var options = new T();
        configuration.GetSection(ConnectorNames.Section(name)).Bind(options);
        return options;
    }

    [Fact]
    public void HubSpot()
    {
        var o = Bind<HubSpotOptions>("HubSpot", new()
        {
            ["Connectors:HubSpot:Enabled"] = "true",
            ["Connectors:HubSpot:BaseUrl"] = "http://127.0.0.1:5999/",
            ["Connectors:HubSpot:AccessToken"] = "pat-na1-x",
            ["Connectors:HubSpot:ClientSecret"] = "secret",
            ["Connectors:HubSpot:PublicUrl"] = "https://coach.example.com",
            ["Connectors:HubSpot:PollSeconds"] = "120",
            ["Connectors:HubSpot:Metrics:meetingHeld"] = "meeting",
            ["Connectors:HubSpot:Metrics:meetingBooked"] = "",
            ["Connectors:HubSpot:RepAliases:41629779"] = "anna",
            ["Connectors:HubSpot:RepAliases:ben@old.example.com"] = "ben",
        });

        Assert.Equal((true, "http://127.0.0.1:5999", "pat-na1-x", "secret", "https://coach.example.com", 120), (o.Enabled, o.EffectiveBaseUrl, o.AccessToken, o.ClientSecret, o.PublicUrl, o.PollSeconds));
        Assert.Equal("meeting", o.Metrics["meetingheld"]);
        Assert.True(string.IsNullOrEmpty(o.Metrics["meetingBooked"]));
        Assert.Equal(("anna", "ben"), (o.RepAliases["41629779"], o.RepAliases["BEN@old.example.com"]));
    }

    [Fact]
    public void Defaults()
    {
        var hubspot = Bind<HubSpotOptions>("HubSpot", []);
        var salesforce = Bind<SalesforceOptions>("Salesforce", []);
        Assert.Equal((false, "https://api.hubapi.com", 300), (hubspot.Enabled, hubspot.EffectiveBaseUrl, hubspot.PollSeconds));
        Assert.Equal((false, 60, "62.0"), (salesforce.Enabled, salesforce.PollSeconds, salesforce.EffectiveApiVersion));
        Assert.Equal("https://api.pipedrive.com", Bind<PipedriveOptions>("Pipedrive", []).EffectiveBaseUrl);
        Assert.Equal("https://api.aircall.io", Bind<AircallOptions>("Aircall", []).EffectiveBaseUrl);
    }

    [Fact]
    public void Aircall_Pipedrive_and_Salesforce()
    {
        var aircall = Bind<AircallOptions>("Aircall", new()
        {
            ["Connectors:Aircall:Token"] = "45XXYYZZa08",
            ["Connectors:Aircall:MeetingTags:0"] = "Meeting booked",
            ["Connectors:Aircall:MeetingTags:1"] = "Demo set",
        });
        Assert.Equal("45XXYYZZa08", aircall.Token);
        Assert.Equal(["Meeting booked", "Demo set"], aircall.MeetingTags);

        var pipedrive = Bind<PipedriveOptions>("Pipedrive", new()
        {
            ["Connectors:Pipedrive:ApiToken"] = "tok",
            ["Connectors:Pipedrive:WebhookUser"] = "u",
            ["Connectors:Pipedrive:WebhookPassword"] = "p",
            ["Connectors:Pipedrive:ActivityTypes:demo"] = "meetingHeld",
        });
        Assert.Equal(("tok", "u", "p", "meetingHeld"), (pipedrive.ApiToken, pipedrive.WebhookUser, pipedrive.WebhookPassword, pipedrive.ActivityTypes["Demo"]));

        var salesforce = Bind<SalesforceOptions>("Salesforce", new()
        {
            ["Connectors:Salesforce:LoginUrl"] = "https://acme.my.salesforce.com",
            ["Connectors:Salesforce:ClientId"] = "id",
            ["Connectors:Salesforce:ClientSecret"] = "secret",
            ["Connectors:Salesforce:ApiVersion"] = "v61.0",
            ["Connectors:Salesforce:PollSeconds"] = "30",
        });
        Assert.Equal(("https://acme.my.salesforce.com", "id", "secret", "61.0", 30), (salesforce.LoginUrl, salesforce.ClientId, salesforce.ClientSecret, salesforce.EffectiveApiVersion, salesforce.PollSeconds));
        Assert.Equal("https://acme.my.salesforce.com", salesforce.EffectiveBaseUrl);
    }
}
