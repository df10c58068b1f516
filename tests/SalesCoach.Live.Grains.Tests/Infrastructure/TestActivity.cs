using SalesCoach.Live.Storage.Activities;

namespace SalesCoach.Live.Grains.Tests.Infrastructure;

/// <summary>Activities as the ingest endpoint hands them to the log, each with a fresh idempotency key.</summary>
public static class TestActivity
{
    public static ActivityToAppend Call(string repId, DateTimeOffset occurredAt, int quantity = 1) =>
        Of(repId, "call", occurredAt, quantity);

    public static ActivityToAppend Meeting(string repId, DateTimeOffset occurredAt, int quantity = 1) =>
        Of(repId, "meeting", occurredAt, quantity);

    public static ActivityToAppend Deal(string repId, DateTimeOffset occurredAt, decimal value) =>
        Of(repId, "deal", occurredAt, 1, value);

    public static ActivityToAppend Of(string repId, string type, DateTimeOffset occurredAt, int quantity = 1, decimal? value = null) =>
        new($"{repId}-{type}-{Guid.NewGuid():N}", repId, type, occurredAt, quantity, value, "grain-tests");
}
