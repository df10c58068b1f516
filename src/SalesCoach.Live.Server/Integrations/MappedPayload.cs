using SalesCoach.Live.Abstractions.Ingest;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>What the mapping made of one payload: activities for the ingest pipeline, and the events it could not map.</summary>
public sealed class MappedPayload
{
    /// <summary>How many events the payload holds.</summary>
    public int Events { get; set; }

    /// <summary>True when the payload is one event (an object, not a list): its error keys are plain field names.</summary>
    public bool Single { get; set; }

    /// <summary>Events skipped by a filter.</summary>
    public int Filtered { get; set; }

    /// <summary>Typed activities for the ingest pipeline, each with the index of the event it came from.</summary>
    public List<(int Event, IncomingActivity Activity)> Activities { get; } = [];

    /// <summary>Problems keyed <c>[event].field</c> (or <c>field</c> for a single event, <c>body</c> for the whole payload).</summary>
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The events that go to the dead-letter table.</summary>
    public HashSet<int> Failed { get; } = [];

    /// <summary>The error key prefix of an event.</summary>
    public string Prefix(int index) => Single ? "" : $"[{index}].";

    /// <summary>Records a problem of an event (or of the whole body, with index -1).</summary>
    public void Fail(int index, string field, string message)
    {
        var key = index < 0 ? "body" : field.Length == 0 ? (Single ? "body" : $"[{index}]") : Prefix(index) + field;
        if (!Errors.TryGetValue(key, out var list))
        {
            Errors[key] = list = [];
        }

        list.Add(message);
        Failed.Add(index);
    }
}
