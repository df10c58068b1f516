namespace SalesCoach.Live.Storage.Schema;

/// <summary>
/// One schema script: <c>NNN_name.sql</c>, applied once per database and recorded under <see cref="Version"/> (the
/// number its file name starts with) in the database's <c>schema_versions</c> table.
/// </summary>
/// <param name="Version">The script's number; unique within its set, and the order scripts run in.</param>
/// <param name="Name">The file name, e.g. <c>001_activity_log.sql</c>.</param>
/// <param name="Sql">The script's text.</param>
/// <param name="AdoptIfTable">
/// The table whose presence shows that a database made before the runner existed already holds this script's objects
/// (its <c>-- adopt-if-table: name</c> line). On such a database the script is recorded as applied instead of run.
/// Null for scripts written after the runner: they always run.
/// </param>
public sealed record SchemaScript(int Version, string Name, string Sql, string? AdoptIfTable);
