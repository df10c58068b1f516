using System.Net;
using Microsoft.Extensions.Options;
using SalesCoach.Live.Connectors.Json;
using SalesCoach.Live.Connectors.Pipedrive;

namespace SalesCoach.Live.Connectors.Http;

/// <summary>Pipedrive's API: users (<c>/v1/users</c>), activities and deals (<c>/api/v2/...</c>). Sends
/// <c>x-api-token: {ApiToken}</c> to <c>{BaseUrl}</c>.</summary>
public sealed class PipedriveClient(HttpClient http, IOptionsMonitor<PipedriveOptions> options)
{
    public async Task<IReadOnlyList<PipedriveUser>> GetUsersAsync(CancellationToken ct = default)
    {
        using var request = Request("/v1/users");
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        var users = await VendorHttp.ReadAsync(response, ConnectorsJsonContext.Default.PipedriveUsersResponse, ConnectorNames.Pipedrive, ct).ConfigureAwait(false);
        return users.Data ?? [];
    }

    /// <summary>One activity, or null when Pipedrive does not know it (404).</summary>
    public async Task<PipedriveActivity?> GetActivityAsync(string id, CancellationToken ct = default)
    {
        using var request = Request($"/api/v2/activities/{Uri.EscapeDataString(id)}");
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : (await VendorHttp.ReadAsync(response, ConnectorsJsonContext.Default.PipedriveItemResponsePipedriveActivity, ConnectorNames.Pipedrive, ct).ConfigureAwait(false)).Data;
    }

    /// <summary>One deal, or null when Pipedrive does not know it (404).</summary>
    public async Task<PipedriveDeal?> GetDealAsync(string id, CancellationToken ct = default)
    {
        using var request = Request($"/api/v2/deals/{Uri.EscapeDataString(id)}");
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : (await VendorHttp.ReadAsync(response, ConnectorsJsonContext.Default.PipedriveItemResponsePipedriveDeal, ConnectorNames.Pipedrive, ct).ConfigureAwait(false)).Data;
    }

    /// <summary>Activities updated at or after <paramref name="since"/> (API v2 <c>updated_since</c>, following
    /// <c>additional_data.next_cursor</c>), for the periodic sync.</summary>
    public Task<IReadOnlyList<PipedriveActivity>> ActivitiesUpdatedSinceAsync(DateTimeOffset since, CancellationToken ct = default) =>
        ListAsync("/api/v2/activities", since, ConnectorsJsonContext.Default.PipedriveListResponsePipedriveActivity, ct);

    /// <summary>Deals updated at or after <paramref name="since"/>, as <see cref="ActivitiesUpdatedSinceAsync"/>.</summary>
    public Task<IReadOnlyList<PipedriveDeal>> DealsUpdatedSinceAsync(DateTimeOffset since, CancellationToken ct = default) =>
        ListAsync("/api/v2/deals", since, ConnectorsJsonContext.Default.PipedriveListResponsePipedriveDeal, ct);

    private async Task<IReadOnlyList<T>> ListAsync<T>(string path, DateTimeOffset since, System.Text.Json.Serialization.Metadata.JsonTypeInfo<PipedriveListResponse<T>> type, CancellationToken ct)
    {
        var items = new List<T>();
        var updatedSince = Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        string? cursor = null;
        do
        {
            using var request = Request($"{path}?updated_since={updatedSince}&sort_by=update_time&sort_direction=asc&limit=500"
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var page = await VendorHttp.ReadAsync(response, type, ConnectorNames.Pipedrive, ct).ConfigureAwait(false);
            items.AddRange(page.Data ?? []);
            cursor = page.AdditionalData?.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor));

        return items;
    }

    private HttpRequestMessage Request(string pathAndQuery)
    {
        var o = options.CurrentValue;
        var request = new HttpRequestMessage(HttpMethod.Get, o.EffectiveBaseUrl + pathAndQuery);
        request.Headers.TryAddWithoutValidation("x-api-token", o.ApiToken);
        return request;
    }
}
