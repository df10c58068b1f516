namespace SalesCoach.Live.Storage;

/// <summary>The store chosen by <c>Storage:Provider</c>.</summary>
public enum StorageProvider
{
    /// <summary>The embedded SQLite file (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, shared by every node of a cluster.</summary>
    Postgres,
}
