using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Domain.Tests.Org;

/// <summary>Invalid org files: each problem is reported with the file, its JSON path and what is wrong.</summary>
public sealed class OrgFileValidationTests
{
    private const string FileName = "sales-org.json";

    [Fact]
    public void The_base_of_the_broken_files_is_itself_valid() =>
        Assert.Equal(["emea", "amer"], OrgFile.Parse(OrgJson.TwoTeams).Teams.Select(t => t.Id));

    [Theory]
    // Columns: the node changed in a valid two-team file (null value = removed), the new value, the JSON path reported, part of the problem.
    [InlineData("$.teams[0].timeZone", "'Mars/Olympus'", "$.teams[0].timeZone", "unknown time zone 'Mars/Olympus'")]
    [InlineData("$.teams[0].timeZone", null, "$.teams[0].timeZone", "is required")]
    [InlineData("$.teams[0].goals[1].metric", "'email'", "$.teams[0].goals[1].metric", "unknown metric 'email'")]
    [InlineData("$.teams[0].reps[1].goals[0].metric", "'email'", "$.teams[0].reps[1].goals[0].metric", "unknown metric 'email'")]
    [InlineData("$.teams[0].goals[0].period", "'year'", "$.teams[0].goals[0].period", "'year' is not one of day, week, month, quarter")]
    [InlineData("$.teams[0].goals[0].period", "'Day'", "$.teams[0].goals[0].period", "'Day' is not one of day, week, month, quarter")]
    [InlineData("$.teams[0].goals[0].target", "0", "$.teams[0].goals[0].target", "must be a number greater than 0")]
    [InlineData("$.teams[0].goals[0].target", "-5", "$.teams[0].goals[0].target", "must be a number greater than 0")]
    [InlineData("$.teams[0].goals[0].target", "'60'", "$.teams[0].goals[0].target", "must be a number greater than 0")]
    [InlineData("$.teams[0].goals[0].target", null, "$.teams[0].goals[0].target", "is required")]
    [InlineData("$.teams[0].goals[1]", "{'metric':'call','period':'day','target':5}", "$.teams[0].goals[1]", "a second goal for 'call' per day")]
    [InlineData("$.teams[0].reps[1].goals[0]", "'call'", "$.teams[0].reps[1].goals[0]", "must be an object")]
    [InlineData("$.teams[1].reps[0].id", "'anna'", "$.teams[1].reps[0].id", "rep id 'anna' is used twice")] // across teams
    [InlineData("$.teams[0].reps[1].id", "'anna'", "$.teams[0].reps[1].id", "rep id 'anna' is used twice")] // within a team
    [InlineData("$.teams[0].reps[0].id", "'anna berg'", "$.teams[0].reps[0].id", "'anna berg' is not a valid id")]
    [InlineData("$.teams[0].reps[0].name", null, "$.teams[0].reps[0].name", "is required")]
    [InlineData("$.teams[1].id", "'emea'", "$.teams[1].id", "team id 'emea' is used twice")]
    [InlineData("$.teams[0].name", "' '", "$.teams[0].name", "must be a non-empty string")]
    [InlineData("$.metrics[2].key", "'call'", "$.metrics[2].key", "metric key 'call' is used twice")]
    [InlineData("$.metrics[1].outcomeOf", "'email'", "$.metrics[1].outcomeOf", "names unknown metric 'email'")]
    [InlineData("$.metrics[0].outcomeOf", "'call'", "$.metrics[0].outcomeOf", "cannot be the outcome of itself")]
    [InlineData("$.metrics[0].points", "1.5", "$.metrics[0].points", "must be a whole number")]
    [InlineData("$.metrics[2].celebrate", "'yes'", "$.metrics[2].celebrate", "must be true or false")]
    [InlineData("$.teams[0].workingHours.end", "'08:00'", "$.teams[0].workingHours.end", "must be later than start")] // end before start
    [InlineData("$.teams[0].workingHours.end", "'09:00'", "$.teams[0].workingHours.end", "must be later than start")] // empty span
    [InlineData("$.teams[0].workingHours.start", "'9am'", "$.teams[0].workingHours.start", "HH:mm")]
    [InlineData("$.teams[0].workingHours.start", "'25:00'", "$.teams[0].workingHours.start", "HH:mm")]
    [InlineData("$.teams[0].workingHours.end", "'24:30'", "$.teams[0].workingHours.end", "HH:mm")]
    [InlineData("$.teams[0].workingHours.days[2]", "'Wednesday'", "$.teams[0].workingHours.days[2]", "must be one of Mon, Tue, Wed, Thu, Fri, Sat, Sun")]
    [InlineData("$.teams[0].workingHours.days[2]", "'Mon'", "$.teams[0].workingHours.days[2]", "'Mon' is listed twice")]
    [InlineData("$.teams[0].workingHours.days", "[]", "$.teams[0].workingHours.days", "at least one working day")]
    [InlineData("$.teams[0].holidays[0]", "'2026-02-30'", "$.teams[0].holidays[0]", "must be a date in the form yyyy-MM-dd")]
    [InlineData("$.teams[0].holidays[0]", "'25.12.2026'", "$.teams[0].holidays[0]", "must be a date in the form yyyy-MM-dd")]
    [InlineData("$.teams", null, "$.teams", "is required")]
    [InlineData("$.teams", "[]", "$.teams", "must list at least one team")]
    [InlineData("$.teams", "{}", "$.teams", "must be an array")]
    [InlineData("$.metrics", null, "$.metrics", "is required")]
    [InlineData("$.metrics", "[]", "$.metrics", "must list at least one metric")]
    public void An_invalid_file_names_the_json_path_and_the_problem(string change, string? value, string path, string problem)
    {
        var json = OrgJson.With(OrgJson.TwoTeams, (change, value));

        var error = Assert.Throws<OrgFileException>(() => OrgFile.Parse(json, FileName));

        Assert.Equal(FileName, error.File);
        Assert.Contains(error.Problems, p => p.Path == path && p.Message.Contains(problem, StringComparison.Ordinal));
        Assert.StartsWith($"Invalid org file '{FileName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_in_one_file_are_all_reported()
    {
        var json = OrgJson.With(
            OrgJson.TwoTeams,
            ("$.teams[0].timeZone", "'Mars/Olympus'"),
            ("$.teams[0].goals[1].period", "'fortnight'"),
            ("$.teams[0].holidays[0]", "'2026-13-01'"),
            ("$.teams[1].reps[0].id", "'ben'"),
            ("$.metrics[1].outcomeOf", "'email'"));

        var error = Assert.Throws<OrgFileException>(() => OrgFile.Parse(json, FileName));

        string[] paths = ["$.teams[0].timeZone", "$.teams[0].goals[1].period", "$.teams[0].holidays[0]", "$.teams[1].reps[0].id", "$.metrics[1].outcomeOf"];
        Assert.Equal(paths.Order(StringComparer.Ordinal), error.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.All(paths, path => Assert.Contains($"{path}: ", error.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("this is not JSON", 1)]
    [InlineData("", 1)]
    [InlineData("{\n  \"metrics\": [],\n  \"teams\": [ oops ]\n}", 3)]
    [InlineData("{\n  \"metrics\": [\n    { \"key\": \"call\", \"name\": \"Calls\" }\n", 4)] // ends before the array and object close
    public void A_file_that_is_not_JSON_names_the_line(string text, int line)
    {
        var error = Assert.Throws<OrgFileException>(() => OrgFile.Parse(text, FileName));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith($"$ (line {line},", problem.Path, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}", error.Message, StringComparison.Ordinal);
        Assert.Contains(FileName, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"org\"")]
    public void A_file_that_is_not_a_JSON_object_is_refused(string text)
    {
        var error = Assert.Throws<OrgFileException>(() => OrgFile.Parse(text, FileName));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Contains("must be an object", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_missing_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "org.json");

        var error = Assert.Throws<OrgFileException>(() => OrgFile.Load(path));

        Assert.Equal(path, error.File);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot read the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_an_invalid_file_names_the_file_and_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"org-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, OrgJson.With(OrgJson.ContractSample, ("$.teams[0].timeZone", "'Europe/Atlantis'")));
        try
        {
            var error = Assert.Throws<OrgFileException>(() => OrgFile.Load(path));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("$.teams[0].timeZone: unknown time zone 'Europe/Atlantis'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
