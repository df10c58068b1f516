using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// Imports a CSV file of activities (columns <c>id, repId, type, occurredAt, quantity, value, source</c>, by header
/// name, in any order) through the same validation as <c>POST /api/activities</c> (<see cref="ActivityBatchReader"/>)
/// into the same durable, idempotent log (<see cref="IActivityLog"/>): a row whose id is in the log already is a
/// duplicate, so importing a file again adds nothing. Rows that fail validation are rejected one by one (the rest of
/// their batch goes on) and written, with their line and reasons, to the rejects file. With no log (a dry run)
/// nothing is recorded.
/// </summary>
public sealed partial class ActivityImporter(ActivityBatchReader reader, IActivityLog? log)
{
    /// <summary>The columns a file may have; the first four are required.</summary>
    public static readonly IReadOnlyList<string> Columns = ["id", "repId", "type", "occurredAt", "quantity", "value", "source"];

    private readonly HashSet<string> _seenInDryRun = new(StringComparer.Ordinal);

    /// <summary>Imports <paramref name="options"/>' file; <paramref name="progress"/> hears after every batch.</summary>
    /// <exception cref="InvalidDataException">The file has no header, or the header lacks a required column.</exception>
    public async Task<ImportSummary> ImportAsync(ImportOptions options, ImportProgress? progress, TextWriter warnings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(warnings);
        await using var stream = new FileStream(options.File, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var delimiter = CsvRecordReader.DetectDelimiter(await text.ReadLineAsync(cancellationToken));
        stream.Position = 0;
        text.DiscardBufferedData();
        var csv = new CsvRecordReader(text, delimiter);

        var header = csv.Read()?.Fields ?? throw new InvalidDataException("The file is empty: its first line must name the columns (id, repId, type, occurredAt, quantity, value, source).");
        var columns = MapColumns(header, warnings);
        RejectsWriter? rejects = null;
        long rowsRead = 0, accepted = 0, duplicates = 0, rejected = 0;
        var batch = new List<(int Line, string[] Fields)>(options.BatchSize);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var record = csv.Read();
                if (record is { } row)
                {
                    rowsRead++;
                    batch.Add(row);
                }

                if (batch.Count == options.BatchSize || (record is null && batch.Count > 0))
                {
                    var (a, d, bad) = await ImportBatchAsync(batch, columns, header.Length, options.DryRun, cancellationToken);
                    accepted += a;
                    duplicates += d;
                    rejected += bad.Count;
                    foreach (var (line, fields, reason) in bad)
                    {
                        rejects ??= new RejectsWriter(options.RejectsFile, header, delimiter);
                        rejects.Write(fields, line, reason);
                    }

                    batch.Clear();
                    progress?.Report(stream.Position, rowsRead);
                }

                if (record is null)
                {
                    break;
                }
            }
        }
        finally
        {
            rejects?.Dispose();
        }

        progress?.Report(stream.Length, rowsRead, final: true);
        return new ImportSummary(rowsRead, accepted, duplicates, rejected, options.DryRun, rejects is null ? null : options.RejectsFile);
    }

    private async Task<(long Accepted, long Duplicates, List<(int Line, string[] Fields, string Reason)> Rejected)> ImportBatchAsync(
        List<(int Line, string[] Fields)> rows, int[] columns, int headerWidth, bool dryRun, CancellationToken cancellationToken)
    {
        var rejected = new List<(int, string[], string)>();
        var pending = new List<(int Line, string[] Fields)>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Fields.Length > headerWidth && row.Fields.Skip(headerWidth).Any(f => f.Trim().Length > 0))
            {
                rejected.Add((row.Line, row.Fields, $"the row has {row.Fields.Length} fields; the header has {headerWidth}"));
            }
            else
            {
                pending.Add(row);
            }
        }

        // The reader refuses a whole batch for one bad row: take the bad rows out by their index and read the rest again.
        List<ActivityToAppend> activities = [];
        while (pending.Count > 0)
        {
            var array = new JsonArray();
            foreach (var (_, fields) in pending)
            {
                array.Add(ToJson(fields, columns));
            }

            var (read, errors) = reader.Read(JsonSerializer.SerializeToElement(array));
            if (errors.Count == 0)
            {
                activities = read;
                break;
            }

            var reasons = new SortedDictionary<int, List<string>>();
            foreach (var (key, messages) in errors)
            {
                var match = ItemKey().Match(key);
                var index = match.Success ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : -1;
                var field = match.Success && match.Groups[2].Success ? match.Groups[2].Value : "row";
                foreach (var target in index >= 0 && index < pending.Count ? [index] : Enumerable.Range(0, pending.Count))
                {
                    if (!reasons.TryGetValue(target, out var list))
                    {
                        reasons[target] = list = [];
                    }

                    list.AddRange(messages.Select(m => $"{field}: {m}"));
                }
            }

            foreach (var (index, list) in reasons)
            {
                rejected.Add((pending[index].Line, pending[index].Fields, string.Join("; ", list)));
            }

            pending = pending.Where((_, i) => !reasons.ContainsKey(i)).ToList();
        }

        if (activities.Count == 0)
        {
            return (0, 0, rejected);
        }

        if (log is null)
        {
            var fresh = activities.Count(a => _seenInDryRun.Add(a.Id));
            return (fresh, activities.Count - fresh, rejected);
        }

        var result = await log.AppendAsync(activities, cancellationToken);
        return (result.Accepted.Count, result.Duplicates, rejected);
    }

    /// <summary>An activity object of contract section 4 from a row; what does not parse is passed on as text for the reader to name.</summary>
    private static JsonObject ToJson(string[] fields, int[] columns)
    {
        var activity = new JsonObject();
        for (var c = 0; c < Columns.Count; c++)
        {
            var index = columns[c];
            if (index < 0 || index >= fields.Length || fields[index].Trim() is not { Length: > 0 } text)
            {
                continue;
            }

            var name = Columns[c];
            activity[name] = name switch
            {
                "quantity" when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity) => JsonValue.Create(quantity),
                "value" when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) => JsonValue.Create(value),
                _ => JsonValue.Create(text),
            };
        }

        return activity;
    }

    private static int[] MapColumns(string[] header, TextWriter warnings)
    {
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var columns = Columns.Select(c => Array.FindIndex(names, h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        var missing = Columns.Take(4).Where((_, i) => columns[i] < 0).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"The header (line 1) lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; " +
                $"it has {string.Join(", ", names)}. The columns are id, repId, type, occurredAt (required) and quantity, value, source.");
        }

        foreach (var unknown in names.Where(n => !Columns.Contains(n, StringComparer.OrdinalIgnoreCase)))
        {
            warnings.WriteLine($"import: the column '{unknown}' is not one of {string.Join(", ", Columns)}; it is ignored.");
        }

        return columns;
    }

    [GeneratedRegex(@"^\[(\d+)\](?:\.(.+))?$")]
    private static partial Regex ItemKey();
}
