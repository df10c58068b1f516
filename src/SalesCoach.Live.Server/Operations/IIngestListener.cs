using SalesCoach.Live.Server.Ingest;

namespace SalesCoach.Live.Server.Operations;

/// <summary>Told about every batch that enters the ingest pipeline on this process (see <see cref="IngestTelemetry.AddListener"/>).</summary>
public interface IIngestListener
{
    /// <summary>A batch starts (before validation); the returned state comes back in <see cref="OnIngestFinished"/>.</summary>
    object? OnIngestStarted(IncomingBatch batch, long startTimestamp);

    /// <summary>The batch is done, with its outcome.</summary>
    void OnIngestFinished(object? state, IngestOutcome outcome);
}
