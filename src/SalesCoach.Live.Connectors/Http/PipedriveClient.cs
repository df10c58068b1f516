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

    private HttpRequestMessage Request(string pathAndQuery)
    {
        var o = options.CurrentValue;
        var request = new HttpRequestMessage(HttpMethod.Get, o.EffectiveBaseUrl + pathAndQuery);
        request.Headers.TryAddWithoutValidation("x-api-token", o.ApiToken);
        return request;
    }
}
