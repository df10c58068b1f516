using SalesCoach.Live.Server.Accounts;
using SalesCoach.Live.Server.Security;

namespace SalesCoach.Live.Server.Tests.Security;

/// <summary>The return-URL check: local paths pass; anything a browser could take to another site, however encoded, does not.</summary>
public sealed class LocalUrlTests
{
    public static TheoryData<string?> OffSite => new()
    {
        null,
        "",
        "evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/ /evil.example",
        "/%09/evil.example",
        "/%0a/evil.example",
        "/%0D/evil.example",
        "/%2F/evil.example",
        "/%2f%2fevil.example",
        "/%5Cevil.example",
        "/%5cevil.example",
        "/%2509/evil.example",
        "/%252F/evil.example",
        "/%25252F/evil.example",
        "/%2525252F/evil.example",
        "/\u3000/evil.example",
        "/\u00a0/evil.example",
        "/\u0000/evil.example",
        "/reps/anna\\..\\..\\evil",
        "/" + new string('a', 3000),
    };

    public static TheoryData<string> OnSite => new()
    {
        "/",
        "/reps/anna",
        "/teams/alpha?tab=coaching",
        "/api/account/me",
        "/boards#top",
        "/search?q=a%20b",
        "/reps/Zo%C3%AB",
    };

    [Theory]
    [MemberData(nameof(OffSite))]
    public void Anything_off_the_site_is_refused_and_sends_home(string? url)
    {
        Assert.False(LocalUrl.IsLocal(url));
        Assert.Equal("/", AccountEndpoints.LocalOrHome(url));
    }

    [Theory]
    [MemberData(nameof(OnSite))]
    public void Local_paths_pass_as_they_are(string url)
    {
        Assert.True(LocalUrl.IsLocal(url));
        Assert.Equal(url, AccountEndpoints.LocalOrHome(url));
    }
}
