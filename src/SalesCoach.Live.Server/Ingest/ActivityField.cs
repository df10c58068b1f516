namespace SalesCoach.Live.Server.Ingest;

/// <summary>A field of an activity to ingest, in the order of contract section 4 (errors are listed in this order).</summary>
public enum ActivityField
{
    /// <summary>The item as a whole (an array element that is not an object; for item -1, the body).</summary>
    Item,
    Id,
    RepId,
    Type,
    OccurredAt,
    Quantity,
    Value,
    Source,
}

/// <summary>The names of <see cref="ActivityField"/> in the contract's JSON.</summary>
public static class ActivityFields
{
    private static readonly string[] Names = ["", "id", "repId", "type", "occurredAt", "quantity", "value", "source"];

    /// <summary>The JSON name (<c>repId</c>); empty for <see cref="ActivityField.Item"/>.</summary>
    public static string Name(this ActivityField field) => Names[(int)field];
}
