using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using SalesCoach.Live.Connectors.Json;
using SalesCoach.Live.Connectors.Salesforce;

namespace SalesCoach.Live.Connectors.Http;

/// <summary>Salesforce: an access token from <c>{LoginUrl}/services/oauth2/token</c> (client credentials), kept until
/// a <c>401</c>, then SOQL through <c>queryAll</c> following <c>nextRecordsUrl</c>. The API host is <c>BaseUrl</c> when
/// set, else the token's <c>instance_url</c>. Register it as a singleton-lifetime typed client or keep one per
/// connector: it caches the token (HTTP clients come from the factory per request).</summary>
public sealed class SalesforceClient(IHttpClientFactory clients, IOptionsMonitor<SalesforceOptions> options)
{
    public const string HttpClientName = nameof(SalesforceClient);

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private SalesforceToken? _token;

    /// <summary>How many tokens this client asked for (for status pages and tests).</summary>
    public int TokensIssued { get; private set; }

    /// <summary>Every row of <paramref name="soql"/>, deleted ones included (<c>queryAll</c>), across pages.</summary>
    public async Task<IReadOnlyList<T>> QueryAllAsync<T>(string soql, JsonTypeInfo<SalesforceQueryResult<T>> type, CancellationToken ct = default)
    {
        var rows = new List<T>();
        var o = options.CurrentValue;
        string? path = $"/services/data/v{o.EffectiveApiVersion}/queryAll?q={Uri.EscapeDataString(soql)}";
        while (path is not null)
        {
            var page = await GetAsync(path, type, ct).ConfigureAwait(false);
            rows.AddRange(page.Records);
            path = page.Done ? null : page.NextRecordsUrl;
        }

        return rows;
    }

    public Task<IReadOnlyList<SalesforceTask>> CallsSinceAsync(DateTimeOffset since, CancellationToken ct = default) =>
        QueryAllAsync(SalesforceMapper.TaskQuery(since), ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceTask, ct);

    public Task<IReadOnlyList<SalesforceEvent>> EventsSinceAsync(DateTimeOffset since, CancellationToken ct = default) =>
        QueryAllAsync(SalesforceMapper.EventQuery(since), ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceEvent, ct);

    public Task<IReadOnlyList<SalesforceOpportunity>> OpportunitiesSinceAsync(DateTimeOffset since, CancellationToken ct = default) =>
        QueryAllAsync(SalesforceMapper.OpportunityQuery(since), ConnectorsJsonContext.Default.SalesforceQueryResultSalesforceOpportunity, ct);

    private async Task<SalesforceQueryResult<T>> GetAsync<T>(string path, JsonTypeInfo<SalesforceQueryResult<T>> type, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(ct).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, ApiBase(token) + path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                Invalidate(token);
                continue;
            }

            return await VendorHttp.ReadAsync(response, type, ConnectorNames.Salesforce, ct).ConfigureAwait(false);
        }
    }

    private string ApiBase(SalesforceToken token)
    {
        var o = options.CurrentValue;
        var baseUrl = !string.IsNullOrWhiteSpace(o.BaseUrl) ? o.BaseUrl : token.InstanceUrl ?? o.LoginUrl;
        return (baseUrl ?? "").TrimEnd('/');
    }

    private void Invalidate(SalesforceToken token) => Interlocked.CompareExchange(ref _token, null, token);

    private async Task<SalesforceToken> TokenAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _token) is { } cached)
        {
            return cached;
        }

        await _tokenLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_token is { } again)
            {
                return again;
            }

            var o = options.CurrentValue;
            using var request = new HttpRequestMessage(HttpMethod.Post, (o.LoginUrl ?? "").TrimEnd('/') + "/services/oauth2/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = o.ClientId ?? "",
                    ["client_secret"] = o.ClientSecret ?? "",
                }),
            };
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct).ConfigureAwait(false);
            var token = await VendorHttp.ReadAsync(response, ConnectorsJsonContext.Default.SalesforceToken, ConnectorNames.Salesforce, ct).ConfigureAwait(false);
            if (string.IsNullOrEmpty(token.AccessToken))
            {
                throw new VendorApiException(ConnectorNames.Salesforce, response.StatusCode, null, "the token answer has no access_token");
            }

            TokensIssued++;
            _token = token;
            return token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }
}
