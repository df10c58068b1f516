using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Tests.Org;

/// <summary>
/// <c>teams[].reps[].email</c> (connectors spec section 1): optional, one plain address, unique in the org ignoring
/// case; a bad or duplicate one is an org-file problem at its JSON path; the org finds a rep by it ignoring case.
/// </summary>
public sealed class RepEmailTests
{
    private const string FileName = "sales-org.json";

    [Theory]
    // Columns: changes to the valid two-team file ('|' between path=value pairs, JSON with single quotes),
    // then the e-mails of anna, ben and carl as read ('-' for none).
    [InlineData("", "-", "-", "-")] // missing everywhere: optional
    [InlineData("$.teams[0].reps[0].email='anna.berg@example.com'", "anna.berg@example.com", "-", "-")]
    [InlineData("$.teams[0].reps[0].email=null", "-", "-", "-")] // null is the same as missing
    [InlineData("$.teams[0].reps[0].email='Anna.Berg@Example.COM'|$.teams[1].reps[0].email='carl@sales.example.org'", "Anna.Berg@Example.COM", "-", "carl@sales.example.org")] // case kept as written
    [InlineData("$.teams[0].reps[0].email='a+crm@example.com'|$.teams[0].reps[1].email='ben_o@example.co.uk'", "a+crm@example.com", "ben_o@example.co.uk", "-")]
    public void A_valid_email_is_read_as_written(string changes, string anna, string ben, string carl)
    {
        var org = OrgFile.Parse(OrgJson.With(OrgJson.TwoTeams, Changes(changes)), FileName);

        Assert.Equal(
            [anna, ben, carl],
            new[] { "anna", "ben", "carl" }.Select(id => org.FindRep(id)!.Email ?? "-"));
    }

    [Theory]
    // Columns: changes to the valid two-team file, the JSON path reported, part of the problem.
    [InlineData("$.teams[0].reps[0].email='anna'", "$.teams[0].reps[0].email", "'anna' is not a valid e-mail address")]
    [InlineData("$.teams[0].reps[0].email='anna@example'", "$.teams[0].reps[0].email", "'anna@example' is not a valid e-mail address")]
    [InlineData("$.teams[0].reps[0].email='anna@@example.com'", "$.teams[0].reps[0].email", "is not a valid e-mail address")]
    [InlineData("$.teams[0].reps[0].email='anna berg@example.com'", "$.teams[0].reps[0].email", "is not a valid e-mail address")]
    [InlineData("$.teams[0].reps[0].email=' anna@example.com'", "$.teams[0].reps[0].email", "is not a valid e-mail address")]
    [InlineData("$.teams[0].reps[0].email='Anna <anna@example.com>'", "$.teams[0].reps[0].email", "is not a valid e-mail address")]
    [InlineData("$.teams[0].reps[0].email='anna@example.com.'", "$.teams[0].reps[0].email", "is not a valid e-mail address")]
    [InlineData("$.teams[0].reps[0].email=''", "$.teams[0].reps[0].email", "must be a non-empty string")]
    [InlineData("$.teams[0].reps[0].email=42", "$.teams[0].reps[0].email", "must be a non-empty string")]
    [InlineData("$.teams[0].reps[0].email=['anna@example.com']", "$.teams[0].reps[0].email", "must be a non-empty string")]
    // Duplicates: within a team, across teams, and in a different case.
    [InlineData("$.teams[0].reps[0].email='anna@example.com'|$.teams[0].reps[1].email='anna@example.com'", "$.teams[0].reps[1].email", "e-mail 'anna@example.com' is used twice")]
    [InlineData("$.teams[0].reps[0].email='anna@example.com'|$.teams[1].reps[0].email='anna@example.com'", "$.teams[1].reps[0].email", "e-mail 'anna@example.com' is used twice")]
    [InlineData("$.teams[0].reps[0].email='anna@example.com'|$.teams[1].reps[0].email='ANNA@Example.com'", "$.teams[1].reps[0].email", "e-mail 'ANNA@Example.com' is used twice (rep e-mails are unique across the org, ignoring case)")]
    public void A_bad_or_duplicate_email_names_the_json_path_and_the_problem(string changes, string path, string problem)
    {
        var json = OrgJson.With(OrgJson.TwoTeams, Changes(changes));

        var error = Assert.Throws<OrgFileException>(() => OrgFile.Parse(json, FileName));

        var reported = Assert.Single(error.Problems);
        Assert.Equal(path, reported.Path);
        Assert.Contains(problem, reported.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Invalid org file '{FileName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{path}: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Columns: the e-mail looked up, the rep found ('-' for none). Anna is 'Anna.Berg@Example.com', carl has none.
    [InlineData("Anna.Berg@Example.com", "anna")]
    [InlineData("anna.berg@example.com", "anna")]
    [InlineData("ANNA.BERG@EXAMPLE.COM", "anna")]
    [InlineData("  anna.berg@example.com ", "anna")]
    [InlineData("ben@example.com", "ben")]
    [InlineData("berg@example.com", "-")]
    [InlineData("anna.berg@example.co", "-")]
    [InlineData("", "-")]
    [InlineData(null, "-")]
    public void The_org_finds_a_rep_by_email_ignoring_case(string? email, string rep)
    {
        var org = OrgFile.Parse(OrgJson.With(
            OrgJson.TwoTeams,
            ("$.teams[0].reps[0].email", "'Anna.Berg@Example.com'"),
            ("$.teams[0].reps[1].email", "'ben@example.com'")));

        Assert.Equal(rep, org.FindRepByEmail(email)?.Id ?? "-");
    }

    [Fact]
    public void A_replaced_org_finds_reps_by_their_new_emails()
    {
        var org = OrgFile.Parse(OrgJson.With(OrgJson.TwoTeams, ("$.teams[0].reps[0].email", "'anna@example.com'")));
        var next = OrgFile.Parse(OrgJson.With(OrgJson.TwoTeams, ("$.teams[0].reps[0].email", "'anna.berg@example.com'")));

        Assert.True(org.Apply(next, 2));

        Assert.Null(org.FindRepByEmail("anna@example.com"));
        Assert.Equal("anna", org.FindRepByEmail("Anna.Berg@example.com")?.Id);
    }

    [Fact]
    public void Every_demo_rep_has_an_email_the_org_finds_them_by()
    {
        var org = DemoOrg.Create();

        var reps = org.Teams.SelectMany(t => t.Reps).ToList();
        Assert.All(reps, rep => Assert.EndsWith("@example.com", rep.Email, StringComparison.Ordinal));
        Assert.All(reps, rep => Assert.Same(rep, org.FindRepByEmail(rep.Email!.ToUpperInvariant())));
    }

    [Fact]
    public void The_typed_document_reads_and_writes_the_email()
    {
        var json = OrgJson.With(OrgJson.TwoTeams, ("$.teams[0].reps[0].email", "'Anna@Example.com'"));

        var document = OrgFile.ReadDocument(json);
        var anna = document.Teams[0].Reps[0];

        Assert.Equal("Anna@Example.com", anna.Email);
        Assert.True(anna.Other is null || !anna.Other.ContainsKey("email"));
        Assert.Null(document.Teams[0].Reps[1].Email);
        var written = OrgFile.WriteDocument(document);
        Assert.Contains("\"email\": \"Anna@Example.com\"", written, StringComparison.Ordinal);
        Assert.Equal("Anna@Example.com", OrgFile.Parse(written).FindRep("anna")!.Email);
        // A rep without one is written without the property.
        Assert.Equal(1, written.Split("\"email\"").Length - 1);
    }

    [Theory]
    // Columns: anna's e-mail before and after ('-' for none), the change's Before, After and text ('-' for no change).
    [InlineData("-", "anna@example.com", "-", "anna@example.com", "E-mail of Anna Berg (none) → anna@example.com")]
    [InlineData("anna@example.com", "anna.berg@example.com", "anna@example.com", "anna.berg@example.com", "E-mail of Anna Berg anna@example.com → anna.berg@example.com")]
    [InlineData("anna@example.com", "-", "anna@example.com", "-", "E-mail of Anna Berg anna@example.com → (none)")]
    [InlineData("anna@example.com", "Anna@Example.com", "anna@example.com", "Anna@Example.com", "E-mail of Anna Berg anna@example.com → Anna@Example.com")]
    [InlineData("anna@example.com", "anna@example.com", "-", "-", "-")]
    [InlineData("-", "-", "-", "-", "-")]
    public void An_email_change_is_a_rule_change_of_the_rep(string before, string after, string changeBefore, string changeAfter, string text)
    {
        var changes = RuleChanges.Between(WithAnnaEmail(before), WithAnnaEmail(after));

        if (text == "-")
        {
            Assert.Empty(changes);
            return;
        }

        Assert.Equal(
            [new RuleChange(RuleChangeKinds.RepEmail, "emea", "anna", null, Dash(changeBefore), Dash(changeAfter), text)],
            changes);
    }

    private static Organization WithAnnaEmail(string email) =>
        OrgFile.Parse(OrgJson.With(OrgJson.TwoTeams, ("$.teams[0].reps[0].email", email == "-" ? null : $"'{email}'")));

    private static string? Dash(string value) => value == "-" ? null : value;

    private static (string Path, string? Value)[] Changes(string changes) =>
        [.. changes.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split('=', 2)).Select(p => (p[0], (string?)p[1]))];
}
