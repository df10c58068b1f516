using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using SalesCoach.Live.Connectors.HubSpot;
using SalesCoach.Live.Connectors.Json;

namespace SalesCoach.Live.Connectors.Http;

/// <summary>HubSpot's CRM v3 API: calls, meetings and deals (single, batch read, search) and owners. Sends
/// <c>Authorization: Bearer {AccessToken}</c> to <c>{BaseUrl}</c>.</summary>
public sealed class HubSpotClient(HttpClient http, IOptionsMonitor<HubSpotOptions> options)
{
    public const int BatchSize = 100;

    /// <summary>One record, or null when HubSpot does not know it (404: deleted or never existed).</summary>
    public async Task<HubSpotObject?> GetAsync(HubSpotObjectType type, string id, CancellationToken ct = default)
    {
        var properties = string.Join(',', HubSpotMapper.PropertiesOf(type));
        using var request = Request(HttpMethod.Get, $"/crm/v3/objects/{HubSpotMapper.PathOf(type)}/{Uri.EscapeDataString(id)}?properties={properties}");
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await VendorHttp.ReadAsync(response, ConnectorsJsonContext.Default.HubSpotObject, ConnectorNames.HubSpot, ct).ConfigureAwait(false);
    }

    /// <summary>Many records by id, in batches of 100; ids HubSpot does not know are left out.</summary>
    public async Task<IReadOnlyList<HubSpotObject>> BatchReadAsync(HubSpotObjectType type, IEnumerable<string> ids, CancellationToken ct = default)
    {
        var results = new List<HubSpotObject>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            using var request = Request(HttpMethod.Post, $"/crm/v3/objects/{HubSpotMapper.PathOf(type)}/batch/read");
            request.Content = JsonContent.Create(
                new HubSpotBatchReadRequest { Properties = [.. HubSpotMapper.PropertiesOf(type)], Inputs = [.. chunk.Select(id => new HubSpotIdInput(id))] },
                ConnectorsJsonContext.Default.HubSpotBatchReadRequest);
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);

            // 207 Multi-Status: some ids were not found; the found ones are in results.
            var batch = await VendorHttp.ReadAsync(response, ConnectorsJsonContext.Default.HubSpotBatchReadResponse, ConnectorNames.HubSpot, ct).ConfigureAwait(false);
            results.AddRange(batch.Results);
        }

        return results;
    }

    /// <summary>One page of a search (<see cref="HubSpotMapper.SyncSearch"/>).</summary>
    public async Task<HubSpotPage<HubSpotObject>> SearchAsync(HubSpotObjectType type, HubSpotSearchRequest search, CancellationToken ct = default)
    {
        using var request = Request(HttpMethod.Post, $"/crm/v3/objects/{HubSpotMapper.PathOf(type)}/search");
        request.Content = JsonContent.Create(search, ConnectorsJsonContext.Default.HubSpotSearchRequest);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        return await VendorHttp.ReadAsync(response, ConnectorsJsonContext.Default.HubSpotPageHubSpotObject, ConnectorNames.HubSpot, ct).ConfigureAwait(false);
    }

    /// <summary>HubSpot's search returns at most this many results per query (then asks for a narrower one).</summary>
    public const int SearchResultCap = 10_000;

    /// <summary>The records of <paramref name="type"/> modified at or after <paramref name="since"/>, oldest first,
    /// following <c>paging.next.after</c> up to <see cref="SearchResultCap"/>; <c>More</c> says the cap was reached,
    /// so the caller searches again from the last record's <c>hs_lastmodifieddate</c>.</summary>
    public async Task<(IReadOnlyList<HubSpotObject> Records, bool More)> SearchModifiedSinceAsync(HubSpotObjectType type, DateTimeOffset since, CancellationToken ct = default)
    {
        const int pageSize = 200;
        var records = new List<HubSpotObject>();
        string? after = null;
        do
        {
            var page = await SearchAsync(type, HubSpotMapper.SyncSearch(type, since, after, pageSize), ct).ConfigureAwait(false);
            records.AddRange(page.Results);
            after = page.Paging?.Next?.After;
        }
        while (after is not null && records.Count + pageSize <= SearchResultCap);

        return (records, after is not null);
    }

    /// <summary>Every owner, following <c>paging.next.after</c>.</summary>
    public async Task<IReadOnlyList<HubSpotOwner>> GetOwnersAsync(CancellationToken ct = default)
    {
        var owners = new List<HubSpotOwner>();
        string? after = null;
        do
        {
            using var request = Request(HttpMethod.Get, "/crm/v3/owners?limit=100" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)));
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var page = await VendorHttp.ReadAsync(response, ConnectorsJsonContext.Default.HubSpotPageHubSpotOwner, ConnectorNames.HubSpot, ct).ConfigureAwait(false);
            owners.AddRange(page.Results);
            after = page.Paging?.Next?.After;
        }
        while (after is not null);

        return owners;
    }

    private HttpRequestMessage Request(HttpMethod method, string pathAndQuery)
    {
        var o = options.CurrentValue;
        var request = new HttpRequestMessage(method, o.EffectiveBaseUrl + pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.AccessToken);
        return request;
    }
}
