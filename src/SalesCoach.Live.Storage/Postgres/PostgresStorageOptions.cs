namespace SalesCoach.Live.Storage.Postgres;

/// <summary>Settings of the PostgreSQL store (configuration section <c>Storage:Postgres</c>).</summary>
public sealed record PostgresStorageOptions
{
    /// <summary>The configuration key of <see cref="ConnectionString"/>.</summary>
    public const string ConnectionStringKey = "Storage:Postgres:ConnectionString";

    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Username=salescoach;Password=...;Database=salescoach</c>.</summary>
    public string ConnectionString { get; init; } = "";
}
