using SalesCoach.Live.Abstractions.Json;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Server.Ingest;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Audit;

/// <summary>
/// "Why did my score change?": the log entries of a rep in a time range, oldest first, each marked activity or void
/// with its points. Read by the audit endpoint and the rep drill-down alike.
/// </summary>
public sealed class ScoreAudit(Organization org, IActivityLog log)
{
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(Rep rep, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken = default)
    {
        var calendar = org.TeamOf(rep).Calendar;
        return (await log.ReadByOccurrenceAsync([rep.Id], start, end, cancellationToken))
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Seq)
            .Select(a =>
            {
                var isVoid = a.Source == IngestPipeline.VoidSource && a.Id.StartsWith(IngestPipeline.VoidPrefix, StringComparison.Ordinal);
                return new AuditEntry(
                    a.Id,
                    isVoid ? "void" : "activity",
                    isVoid ? a.Id[IngestPipeline.VoidPrefix.Length..] : null,
                    a.Type,
                    a.Quantity,
                    a.Value,
                    a.Quantity * (org.FindMetric(a.Type)?.Points ?? 0),
                    ContractJson.FormatInstant(calendar.ToLocal(a.OccurredAt)),
                    ContractJson.FormatInstant(a.ReceivedAt),
                    a.Source);
            })
            .ToList();
    }
}
