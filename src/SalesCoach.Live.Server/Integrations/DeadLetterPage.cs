namespace SalesCoach.Live.Server.Integrations;

/// <summary>A page of <c>GET /api/webhooks/dead-letters</c>, newest first; <see cref="NextBefore"/> asks for the next page (<c>?before=</c>).</summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetterView> Items, long? NextBefore);
