namespace SalesCoach.Live.Storage.Wallboards;

/// <summary>
/// A board definition: what the office TVs paired with it show. The store sets <see cref="Revision"/>,
/// <see cref="CreatedAt"/> and <see cref="UpdatedAt"/>; whatever a caller puts there is ignored on writes.
/// </summary>
/// <param name="Id">The board's id, unique in the store.</param>
/// <param name="Title">What the TV shows as the board's name.</param>
/// <param name="Teams">The team ids shown, in rotation order (one or more).</param>
/// <param name="Slides">The slide names in rotation order; a TV skips the ones it does not know.</param>
/// <param name="DwellSeconds">Seconds each slide stays.</param>
/// <param name="Theme">The colour theme, e.g. <c>dark</c> or <c>light</c>.</param>
/// <param name="Revision">Grows by one at every change (1 when created).</param>
/// <param name="CreatedAt">When the board was created.</param>
/// <param name="UpdatedAt">When the board last changed.</param>
public sealed record WallboardDefinition(
    string Id,
    string Title,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Slides,
    int DwellSeconds,
    string Theme,
    long Revision = 0,
    DateTimeOffset CreatedAt = default,
    DateTimeOffset UpdatedAt = default);
