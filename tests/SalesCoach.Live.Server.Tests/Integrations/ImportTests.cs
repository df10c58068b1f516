using System.Globalization;
using System.Text.Json;
using SalesCoach.Live.Server.Integrations;
using SalesCoach.Live.Server.Tests.Infrastructure;

namespace SalesCoach.Live.Server.Tests.Integrations;

/// <summary>
/// The CSV backfill (<c>import</c>): the same validation and idempotent log as the API, a dry run that records nothing,
/// a rejects file with line and reason, and boards that show the history once the server starts on the store.
/// </summary>
public sealed class ImportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "salescoach-tests", "import-" + Guid.NewGuid().ToString("N"));

    public ImportTests()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(OrgFile, TestOrg.Json);
    }

    private string OrgFile => Path.Combine(_directory, "org.json");

    private string Database => Path.Combine(_directory, "salescoach.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a server shutting down; the temp folder is cleaned some other day.
        }
    }

    [Fact]
    public async Task An_import_records_valid_rows_rejects_the_others_with_reasons_and_a_second_run_adds_nothing()
    {
        var csv = WriteCsv("history.csv", Rows());

        var first = await RunAsync(csv);

        Assert.Equal(2, first.ExitCode);
        Assert.Contains(Line("rows read", 10), first.Output);
        Assert.Contains(Line("accepted", 6), first.Output);
        Assert.Contains(Line("duplicates", 1), first.Output);
        Assert.Contains(Line("rejected", 3), first.Output);
        var rejects = ReadCsv(Path.Combine(_directory, "history.rejected.csv"));
        Assert.Equal(["id", "repId", "type", "occurredAt", "quantity", "value", "source", "line", "reason"], rejects[0]);
        Assert.Equal(4, rejects.Count);
        Assert.Equal(["h-7", "zed", "call", "2026-11-17T09:00:00+01:00", "", "", "", "8", "repId: unknown rep 'zed'"], rejects[1]);
        Assert.Equal(("h-8", "9"), (rejects[2][0], rejects[2][7]));
        Assert.StartsWith("occurredAt: 'last tuesday' is not an ISO-8601", rejects[2][8], StringComparison.Ordinal);
        Assert.Equal(("h-9", "10", "quantity: must be a whole number from 1 to 10000"), (rejects[3][0], rejects[3][7], rejects[3][8]));
        Assert.Contains("import: 100", first.Errors);

        var second = await RunAsync(csv);

        Assert.Equal(2, second.ExitCode);
        Assert.Contains(Line("accepted", 0), second.Output);
        Assert.Contains(Line("duplicates", 7), second.Output);
        Assert.Contains(Line("rejected", 3), second.Output);

        // The server on the same store: the grains rebuild from the log, so boards (live and as of a day) show the history.
        using var app = new SalesCoachApp(_directory);
        var reader = app.Client(SalesCoachApp.ReadKey);
        var board = await Json.ReadAsync(await reader.GetAsync("/api/teams/alpha/board?at=2026-11-17T17:00:00%2B01:00"));
        Assert.Equal(3, Actual(board, "anna", "call"));
        Assert.Equal(1, Actual(board, "ben", "call"));
        Assert.Equal(63, Json.Row(board, "anna").GetProperty("score").GetInt32()); // 3 calls x 1 + 1 meeting x 10 + 1 deal x 50
        var live = await Json.ReadAsync(await reader.GetAsync("/api/reps/lena/pace"));
        Assert.Equal(4, live.GetProperty("metrics").GetProperty("call").GetProperty("actual").GetDouble());
    }

    [Fact]
    public async Task A_dry_run_validates_everything_and_records_nothing()
    {
        var csv = WriteCsv("history.csv", Rows());

        var run = await RunAsync(csv, "--dry-run", "--rejects", Path.Combine(_directory, "out", "bad-rows.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Dry run", run.Output);
        Assert.Contains(Line("accepted", 6), run.Output);
        Assert.Contains(Line("duplicates", 1), run.Output);
        Assert.Contains(Line("rejected", 3), run.Output);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(_directory, "out", "bad-rows.csv")).Length);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task A_clean_file_exits_0_and_leaves_no_rejects_file()
    {
        var csv = WriteCsv("clean.csv", "id;repId;type;occurredAt\nc-1;anna;call;2026-11-16T10:00:00+01:00\n\nc-2;ben;call;2026-11-16T10:05:00+01:00\n");

        var run = await RunAsync(csv);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Line("accepted", 2), run.Output);
        Assert.False(File.Exists(Path.Combine(_directory, "clean.rejected.csv")));
    }

    [Theory]
    [InlineData("id,repId,occurredAt\nx,anna,2026-11-16T10:00:00+01:00\n", "lacks the column type")]
    [InlineData("", "The file is empty")]
    public async Task A_file_without_the_required_columns_is_refused_before_anything_is_recorded(string content, string message)
    {
        var run = await RunAsync(WriteCsv("bad.csv", content));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Errors);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task An_import_validates_against_the_org_the_server_runs_including_admin_edits()
    {
        using (var app = new SalesCoachApp(_directory))
        {
            using var admin = app.Client(SalesCoachApp.AdminKey);
            var document = System.Text.Json.Nodes.JsonNode.Parse(await (await admin.GetAsync("/api/admin/org")).Content.ReadAsStringAsync())!;
            document["teams"]![0]!["reps"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["id"] = "nova", ["name"] = "Nova New" });
            var saved = await admin.PutAsync("/api/admin/org", new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.OK, saved.StatusCode);
        }

        var run = await RunAsync(WriteCsv("nova.csv", "id,repId,type,occurredAt\nnova-1,nova,call,2026-11-16T10:00:00+01:00\n"));

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"accepted\s+1\s", run.Output);
    }

    [Fact]
    public async Task Missing_files_and_bad_arguments_are_explained()
    {
        Assert.Contains("there is no file", (await RunAsync(Path.Combine(_directory, "nope.csv"))).Errors);
        var usage = await RunAsync(WriteCsv("a.csv", "id,repId,type,occurredAt\n"), "--batch-size", "0");
        Assert.Equal(1, usage.ExitCode);
        Assert.Contains("--batch-size", usage.Errors);
    }

    [Fact]
    public void Csv_records_handle_quotes_line_breaks_and_delimiters()
    {
        var reader = new CsvRecordReader(new StringReader("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x,\n\nlast"), ',');

        AssertRecord(1, ["a", "b,1", "say \"hi\""], reader.Read());
        AssertRecord(2, ["multi\nline", "x", ""], reader.Read());
        AssertRecord(5, ["last"], reader.Read());
        Assert.Null(reader.Read());
        Assert.Equal(';', CsvRecordReader.DetectDelimiter("id;repId;type"));
        Assert.Equal(',', CsvRecordReader.DetectDelimiter("id,repId;x"));
        Assert.Equal("a,\"b,c\",\"q\"\"\"", CsvRecordReader.Format(["a", "b,c", "q\""]));
    }

    /// <summary>
    /// Ten rows: six good ones in the week of 2026-11-16 (Berlin) and today (team live), one repeated id, three bad ones.
    /// anna on the 17th: 3 calls (one of quantity 2 counts as 2: 2 + 1 = 3), a meeting and a deal; ben one call.
    /// </summary>
    private static string Rows()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O", CultureInfo.InvariantCulture);
        return $$"""
            id,repId,type,occurredAt,quantity,value,source
            h-1,anna,call,2026-11-17T09:10:00+01:00,2,,backfill
            h-2,anna,call,2026-11-17T09:40:00+01:00,,,"crm, old"
            h-3,anna,meeting,2026-11-17T10:00:00+01:00,1,,
            h-4,anna,deal,2026-11-17T11:00:00+01:00,1,4999.90,
            h-5,ben,call,2026-11-17T09:00:00+01:00,,,
            h-1,anna,call,2026-11-17T09:10:00+01:00,2,,backfill
            h-7,zed,call,2026-11-17T09:00:00+01:00,,,
            h-8,anna,call,last tuesday,,,
            h-9,anna,call,2026-11-17T09:00:00+01:00,0,,
            h-10-{{Guid.NewGuid():N}},lena,call,{{now}},4,,
            """.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void AssertRecord(int line, string[] fields, (int Line, string[] Fields)? record)
    {
        Assert.NotNull(record);
        Assert.Equal(line, record.Value.Line);
        Assert.Equal(fields, record.Value.Fields);
    }

    private static List<string[]> ReadCsv(string path)
    {
        using var file = new StreamReader(path);
        var reader = new CsvRecordReader(file);
        var records = new List<string[]>();
        while (reader.Read() is { } record)
        {
            records.Add(record.Fields);
        }

        return records;
    }

    private static string Line(string label, int count) => $"  {label,-11} {count,10:N0}";

    private static double Actual(JsonElement board, string repId, string metric) =>
        Json.Row(board, repId).GetProperty("metrics").GetProperty(metric).GetProperty("actual").GetDouble();

    private string WriteCsv(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(string file, params string[] extra)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        string[] args = ["import", file, .. extra, "--Org:File", OrgFile, "--Storage:Provider", "Sqlite", "--Storage:Sqlite:Path", Database];
        var code = await ImportCommand.RunAsync(args, output, errors, interactive: false, CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }
}
