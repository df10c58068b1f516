using System.Globalization;
using SalesCoach.Live.Abstractions.Gamification;
using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Server.Gamification;

/// <summary>
/// Demo mode only: keeps a "daily call sprint" running for every team of two or more reps, from the start to the end of
/// the team's working day (or the next working day once today's is over). Ids carry the date, so a restart creates
/// nothing twice; the simulator's calls fill the standings and the end reminder crowns a winner.
/// </summary>
public sealed class DemoCompetitions(Organization org, IGrainFactory grains, TimeProvider clock, ILogger<DemoCompetitions> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var team in org.Teams.Where(t => t.Reps.Count >= 2))
                {
                    try
                    {
                        await EnsureSprintAsync(team);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning(e, "Could not create the demo sprint of team {TeamId}", team.Id);
                    }
                }

                await Task.Delay(Every, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task EnsureSprintAsync(Team team)
    {
        var now = clock.GetUtcNow();
        var day = team.Calendar.LocalDate(now);
        for (var i = 0; i < 14; i++, day = day.AddDays(1))
        {
            if (team.Calendar.WorkingWindow(day) is { } window && window.End > now)
            {
                var id = $"demo-{team.Id}-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
                var spec = new CompetitionSpec(id, "Daily call sprint", team.Id, "reps", [.. team.Reps.Select(r => r.Id)], "call", "most", 0, window.Start, window.End, []);
                if (await grains.GetGrain<ICompetitionGrain>(id).CreateAsync(spec))
                {
                    logger.LogInformation("Demo sprint {CompetitionId} runs until {End}", id, window.End);
                }

                return;
            }
        }
    }
}
