namespace SalesCoach.Live.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store (configuration section <c>Storage:Sqlite</c>).</summary>
public sealed record SqliteStorageOptions
{
    /// <summary>The configuration key of <see cref="Path"/>.</summary>
    public const string PathKey = "Storage:Sqlite:Path";

    /// <summary>Where the database lives when nothing is configured.</summary>
    public const string DefaultPath = "./data/salescoach.db";

    /// <summary>The database file; its directory is created when missing.</summary>
    public string Path { get; init; } = DefaultPath;
}
