namespace SalesCoach.Live.Storage.Activities;

/// <summary>What an append did: the activities that were new (in the order given) and how many were duplicates.</summary>
public sealed record AppendResult(IReadOnlyList<LoggedActivity> Accepted, int Duplicates);
