using System.Globalization;
using SalesCoach.Live.Connectors.Mapping;

namespace SalesCoach.Live.Connectors.Salesforce;

/// <summary>Salesforce rows (from <c>queryAll</c>, so deleted rows come with <c>IsDeleted = true</c>) → kind observations
/// (connectors-v1.md section 3): a <c>Task</c> with <c>TaskSubtype = 'Call'</c> counts a <c>call</c> once closed
/// (<c>IsClosed</c>, or <c>Status = 'Completed'</c>), at <c>CompletedDateTime</c> (else <c>CreatedDate</c>); an <c>Event</c>
/// counts a <c>meetingBooked</c> at <c>CreatedDate</c> and a <c>meetingHeld</c> at <c>StartDateTime</c> once that has passed;
/// an <c>Opportunity</c> with <c>IsWon</c> counts a <c>dealWon</c> at <c>CloseDate</c> (a date: midnight UTC), value
/// <c>Amount</c>. The owner is <c>OwnerId</c> with <c>Owner.Email</c>.</summary>
public static class SalesforceMapper
{
    public const string TaskFields = "Id, OwnerId, Owner.Email, TaskSubtype, Status, IsClosed, CompletedDateTime, ActivityDate, CreatedDate, SystemModstamp, IsDeleted";
    public const string EventFields = "Id, OwnerId, Owner.Email, Subject, StartDateTime, EndDateTime, ActivityDateTime, CreatedDate, SystemModstamp, IsDeleted";
    public const string OpportunityFields = "Id, OwnerId, Owner.Email, IsWon, IsClosed, StageName, CloseDate, Amount, SystemModstamp, IsDeleted";

    /// <summary>SOQL for calls modified after <paramref name="since"/> (run through <c>queryAll</c> to see deletions).</summary>
    public static string TaskQuery(DateTimeOffset since) =>
        $"SELECT {TaskFields} FROM Task WHERE TaskSubtype = 'Call' AND SystemModstamp > {Literal(since)} ORDER BY SystemModstamp";

    public static string EventQuery(DateTimeOffset since) =>
        $"SELECT {EventFields} FROM Event WHERE SystemModstamp > {Literal(since)} ORDER BY SystemModstamp";

    /// <summary>Events whose start passed in (<paramref name="from"/>, <paramref name="to"/>]: a meeting becomes held
    /// without being modified, so the poller asks for these too.</summary>
    public static string StartedEventQuery(DateTimeOffset from, DateTimeOffset to) =>
        $"SELECT {EventFields} FROM Event WHERE StartDateTime > {Literal(from)} AND StartDateTime <= {Literal(to)} ORDER BY StartDateTime";

    public static string OpportunityQuery(DateTimeOffset since) =>
        $"SELECT {OpportunityFields} FROM Opportunity WHERE SystemModstamp > {Literal(since)} ORDER BY SystemModstamp";

    /// <summary>A SOQL dateTime literal, e.g. <c>2024-01-15T10:30:00Z</c>.</summary>
    public static string Literal(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static IReadOnlyList<KindObservation> MapTask(SalesforceTask task)
    {
        if (!string.Equals(task.TaskSubtype, "Call", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var owner = VendorUser.Of(task.OwnerId, task.Owner?.Email);
        var closed = task.IsClosed == true || string.Equals(task.Status, "Completed", StringComparison.OrdinalIgnoreCase);
        var at = VendorTime.Parse(task.CompletedDateTime) ?? VendorTime.Parse(task.CreatedDate);
        return [Observe(ActivityKinds.Call, task.Id, task.IsDeleted != true && closed, owner, at)];
    }

    public static IReadOnlyList<KindObservation> MapEvent(SalesforceEvent meeting, DateTimeOffset now)
    {
        var owner = VendorUser.Of(meeting.OwnerId, meeting.Owner?.Email);
        var live = meeting.IsDeleted != true;
        var start = VendorTime.Parse(meeting.StartDateTime) ?? VendorTime.Parse(meeting.ActivityDateTime);
        return
        [
            Observe(ActivityKinds.MeetingBooked, meeting.Id, live, owner, VendorTime.Parse(meeting.CreatedDate)),
            Observe(ActivityKinds.MeetingHeld, meeting.Id, live && start <= now, owner, start),
        ];
    }

    public static IReadOnlyList<KindObservation> MapOpportunity(SalesforceOpportunity deal)
    {
        var owner = VendorUser.Of(deal.OwnerId, deal.Owner?.Email);
        return [Observe(ActivityKinds.DealWon, deal.Id, deal.IsDeleted != true && deal.IsWon == true, owner, VendorTime.Parse(deal.CloseDate), deal.Amount)];
    }

    private static KindObservation Observe(string kind, string id, bool qualifies, VendorUser? owner, DateTimeOffset? at, double? value = null) =>
        qualifies && at is not null
            ? KindObservation.Counts(ConnectorNames.Salesforce, kind, id, owner, at.Value, value)
            : KindObservation.Voids(ConnectorNames.Salesforce, kind, id, owner);
}
