namespace SalesCoach.Live.Server.Ingest;

/// <summary>The 202 answer: how many activities were new and how many were seen before.</summary>
public sealed record IngestAccepted(int Accepted, int Duplicates);
