using System.Globalization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace SalesCoach.Live.Storage.Orleans.Sqlite;

/// <summary>
/// Orleans grain storage in the embedded SQLite file: one row per (service, state name, grain), the state as JSON
/// text. The ETag is a version that every write and clear moves on by one, and only at the version the grain read,
/// exactly like the PostgreSQL provider: a grain holding a stale ETag (another activation wrote meanwhile) gets an
/// <see cref="InconsistentStateException"/> and nothing changes. A clear empties the state but keeps the row, so
/// the version keeps growing.
/// </summary>
public sealed class SqliteGrainStorage(
    SqliteGrainDatabase database, string serviceId, IGrainStorageSerializer serializer, IActivatorProvider activators) : IGrainStorage
{
    private const string Key = "service_id = $service AND state_name = $state AND grain_id = $grain";

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var (payload, version) = await database.RunAsync(connection =>
        {
            using var command = SqliteGrainDatabase.Command(connection, $"SELECT payload, version FROM orleans_grain_state WHERE {Key}", KeyOf(stateName, grainId));
            using var reader = command.ExecuteReader();
            return reader.Read() ? (reader.IsDBNull(0) ? null : reader.GetString(0), (long?)reader.GetInt64(1)) : (null, null);
        }, cancellationToken);

        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
        grainState.State = payload is null ? NewState<T>() : serializer.Deserialize<T>(BinaryData.FromString(payload)) ?? NewState<T>();
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = serializer.Serialize(grainState.State).ToString();
        var expected = ExpectedVersion(stateName, grainId, grainState.ETag);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var stored = await database.RunAsync(connection =>
        {
            // Without an ETag the grain found no row: insert, unless another activation got there first.
            using var command = expected is null
                ? SqliteGrainDatabase.Command(
                    connection,
                    """
                    INSERT INTO orleans_grain_state (service_id, state_name, grain_id, payload, version, modified_us)
                    VALUES ($service, $state, $grain, $payload, 1, $now)
                    ON CONFLICT DO NOTHING
                    RETURNING version
                    """,
                    [.. KeyOf(stateName, grainId), ("$payload", payload), ("$now", now)])
                : SqliteGrainDatabase.Command(
                    connection,
                    $"UPDATE orleans_grain_state SET payload = $payload, version = version + 1, modified_us = $now WHERE {Key} AND version = $expected RETURNING version",
                    [.. KeyOf(stateName, grainId), ("$payload", payload), ("$now", now), ("$expected", expected)]);
            return command.ExecuteScalar() is long version ? version : (long?)null;
        }, cancellationToken);

        grainState.ETag = Stored(stored, "WriteState", stateName, grainId, grainState.ETag);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (!grainState.RecordExists && grainState.ETag is null)
        {
            // The grain knows of no row: as the PostgreSQL provider does, look, and clear only what is there.
            await ReadStateAsync(stateName, grainId, grainState, cancellationToken);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        var expected = ExpectedVersion(stateName, grainId, grainState.ETag);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var stored = await database.RunAsync(connection =>
        {
            using var command = SqliteGrainDatabase.Command(
                connection,
                $"UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_us = $now WHERE {Key} AND version = $expected RETURNING version",
                [.. KeyOf(stateName, grainId), ("$now", now), ("$expected", expected)]);
            return command.ExecuteScalar() is long version ? version : (long?)null;
        }, cancellationToken);

        grainState.ETag = Stored(stored, "ClearState", stateName, grainId, grainState.ETag);
        grainState.RecordExists = false;
        grainState.State = NewState<T>();
    }

    private (string, object?)[] KeyOf(string stateName, GrainId grainId) =>
        [("$service", serviceId), ("$state", stateName), ("$grain", grainId.ToString())];

    private static long? ExpectedVersion(string stateName, GrainId grainId, string? etag)
    {
        if (etag is null)
        {
            return null;
        }

        return long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"State '{stateName}' of {grainId} has an ETag this store did not issue: '{etag}'.", null, etag);
    }

    private static string Stored(long? stored, string operation, string stateName, GrainId grainId, string? etag) =>
        stored?.ToString(CultureInfo.InvariantCulture)
        ?? throw new InconsistentStateException(
            $"Version conflict ({operation}): state '{stateName}' of {grainId} is no longer at ETag '{etag ?? "(none)"}'; another activation wrote it.",
            null,
            etag);

    private T NewState<T>() => activators.GetActivator<T>().Create();
}
