namespace SalesCoach.Live.Server.Ingest;

/// <summary>What became of a request to void an activity.</summary>
public enum VoidOutcome
{
    Voided,
    AlreadyVoided,
    NotFound,
    NotVoidable,
    StoreUnavailable,
}
