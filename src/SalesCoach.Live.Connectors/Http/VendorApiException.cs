using System.Net;

namespace SalesCoach.Live.Connectors.Http;

/// <summary>A vendor API answered with an error the resilience pipeline did not (or could no longer) retry. The
/// message never holds a credential.</summary>
public class VendorApiException : Exception
{
    public VendorApiException(string connector, HttpStatusCode status, string? errorCode, string message)
        : base($"{connector}: HTTP {(int)status}{(errorCode is null ? "" : " " + errorCode)}: {message}")
    {
        Connector = connector;
        Status = status;
        ErrorCode = errorCode;
    }

    public string Connector { get; }

    public HttpStatusCode Status { get; }

    public string? ErrorCode { get; }
}

/// <summary>The vendor's request limit is used up (HubSpot/Pipedrive 429 after the retries, Salesforce 403
/// <c>REQUEST_LIMIT_EXCEEDED</c>): back off for <see cref="RetryAfter"/> (when the vendor said) before asking again.</summary>
public sealed class VendorRateLimitedException(string connector, HttpStatusCode status, string? errorCode, string message, TimeSpan? retryAfter)
    : VendorApiException(connector, status, errorCode, message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
