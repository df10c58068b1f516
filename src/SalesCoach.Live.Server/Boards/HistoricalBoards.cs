using SalesCoach.Live.Domain.Boards;
using SalesCoach.Live.Domain.Org;
using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Server.Boards;

/// <summary>
/// Boards as of any instant, straight from the log: the same <see cref="BoardBuilder"/> the live grains use, fed
/// with exactly the activities that had occurred by then.
/// </summary>
public sealed class HistoricalBoards(Organization org, IActivityLog log)
{
    public async Task<Board> BuildAsync(Team team, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var ledgers = team.Reps.ToDictionary(r => r.Id, _ => new RepLedger(), StringComparer.Ordinal);
        var activities = await log.ReadByOccurrenceAsync([.. ledgers.Keys], LedgerWindow.Start(team.Calendar, at), at, cancellationToken);
        foreach (var a in activities)
        {
            ledgers[a.RepId].Add(a.Type, team.Calendar.LocalDate(a.OccurredAt), a.Quantity, a.Value ?? 0m);
        }

        return BoardBuilder.Build(team, org.Metrics, rep => ledgers.GetValueOrDefault(rep.Id), at);
    }
}
