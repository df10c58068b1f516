using System.Globalization;
using System.Text;
using SalesCoach.Live.Abstractions.Ingest;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// The CSV edge of ingest: imports a CSV file of activities (columns <c>id, repId, type, occurredAt, quantity, value,
/// source</c>, by header name, in any order), each row read once into an <see cref="IncomingActivity"/>, through the
/// same rules as <c>POST /api/activities</c> (<see cref="ActivityRules"/>) into the same durable, idempotent log (<see cref="IActivityLog"/>): a row whose id is in the log already is a
/// duplicate, so importing a file again adds nothing. Rows that fail validation are rejected one by one (the rest of
/// their batch goes on) and written, with their line and reasons, to the rejects file. With no log (a dry run)
/// nothing is recorded.
/// </summary>
public sealed class ActivityImporter(ActivityRules rules, IActivityLog? log)
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
        using var csv = new CsvRecordReader(text, delimiter);

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

        if (pending.Count == 0)
        {
            return (0, 0, rejected);
        }

        // The one conversion of this edge: each row to a typed activity (a cell that does not parse is a problem of its
        // field); then the rules of every edge. A bad row is rejected alone: the rest of the batch goes on.
        IngestErrors? readErrors = null;
        var incoming = new IncomingActivity[pending.Count];
        for (var i = 0; i < pending.Count; i++)
        {
            incoming[i] = ToActivity(pending[i].Fields, columns, i, ref readErrors);
        }

        var (activities, errors) = rules.Check(new IncomingBatch(incoming, readErrors: readErrors));
        if (errors is not null)
        {
            var reasons = new SortedDictionary<int, List<string>>();
            foreach (var problem in errors.Problems)
            {
                var field = problem.Field == ActivityField.Item ? "row" : problem.Field.Name();
                foreach (var target in problem.Item >= 0 && problem.Item < pending.Count ? [problem.Item] : Enumerable.Range(0, pending.Count))
                {
                    if (!reasons.TryGetValue(target, out var list))
                    {
                        reasons[target] = list = [];
                    }

                    list.Add($"{field}: {problem.Message}");
                }
            }

            foreach (var (index, list) in reasons)
            {
                rejected.Add((pending[index].Line, pending[index].Fields, string.Join("; ", list)));
            }
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

    /// <summary>The typed activity of a row; a cell that does not parse (a time, a number) is reported under its field.</summary>
    internal static IncomingActivity ToActivity(string[] fields, int[] columns, int item, ref IngestErrors? errors)
    {
        DateTimeOffset? occurredAt = null;
        if (Cell(fields, columns, 3) is { } time)
        {
            if (ActivityRules.TryParseOccurredAt(time, out var at, out var problem))
            {
                occurredAt = at;
            }
            else
            {
                Fail(ref errors, item, ActivityField.OccurredAt, problem);
            }
        }

        int? quantity = null;
        if (Cell(fields, columns, 4) is { } quantityText)
        {
            if (int.TryParse(quantityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                quantity = number;
            }
            else
            {
                Fail(ref errors, item, ActivityField.Quantity, ActivityRules.QuantityMessage);
            }
        }

        decimal? value = null;
        if (Cell(fields, columns, 5) is { } valueText)
        {
            if (decimal.TryParse(valueText, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                value = amount;
            }
            else
            {
                Fail(ref errors, item, ActivityField.Value, ActivityRules.ValueMessage);
            }
        }

        return new IncomingActivity(Cell(fields, columns, 0), Cell(fields, columns, 1), Cell(fields, columns, 2), occurredAt, quantity, value, Cell(fields, columns, 6));
    }

    /// <summary>The trimmed text of column <paramref name="column"/> of <see cref="Columns"/>; null when the file lacks it or the cell is blank.</summary>
    private static string? Cell(string[] fields, int[] columns, int column)
    {
        var index = columns[column];
        return index >= 0 && index < fields.Length && fields[index].Trim() is { Length: > 0 } text ? text : null;
    }

    private static void Fail(ref IngestErrors? errors, int item, ActivityField field, string message)
    {
        errors ??= new IngestErrors(single: false);
        errors.Add(item, field, message);
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

}
