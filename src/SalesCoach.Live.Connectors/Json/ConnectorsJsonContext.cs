using System.Text.Json.Serialization;
using SalesCoach.Live.Connectors.Aircall;
using SalesCoach.Live.Connectors.HubSpot;
using SalesCoach.Live.Connectors.Pipedrive;
using SalesCoach.Live.Connectors.Salesforce;

namespace SalesCoach.Live.Connectors.Json;

/// <summary>The source-generated JSON metadata of every vendor payload and API answer the connectors read or write.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = false,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(List<HubSpotWebhookEvent>))]
[JsonSerializable(typeof(HubSpotObject))]
[JsonSerializable(typeof(HubSpotBatchReadRequest))]
[JsonSerializable(typeof(HubSpotBatchReadResponse))]
[JsonSerializable(typeof(HubSpotSearchRequest))]
[JsonSerializable(typeof(HubSpotPage<HubSpotObject>))]
[JsonSerializable(typeof(HubSpotPage<HubSpotOwner>))]
[JsonSerializable(typeof(HubSpotOwner))]
[JsonSerializable(typeof(HubSpotError))]
[JsonSerializable(typeof(AircallWebhookEvent))]
[JsonSerializable(typeof(AircallCall))]
[JsonSerializable(typeof(PipedriveWebhook))]
[JsonSerializable(typeof(PipedriveActivity))]
[JsonSerializable(typeof(PipedriveDeal))]
[JsonSerializable(typeof(PipedriveUsersResponse))]
[JsonSerializable(typeof(PipedriveItemResponse<PipedriveActivity>))]
[JsonSerializable(typeof(PipedriveItemResponse<PipedriveDeal>))]
[JsonSerializable(typeof(PipedriveListResponse<PipedriveActivity>))]
[JsonSerializable(typeof(PipedriveListResponse<PipedriveDeal>))]
[JsonSerializable(typeof(SalesforceToken))]
[JsonSerializable(typeof(SalesforceTokenError))]
[JsonSerializable(typeof(List<SalesforceError>))]
[JsonSerializable(typeof(SalesforceQueryResult<SalesforceTask>))]
[JsonSerializable(typeof(SalesforceQueryResult<SalesforceEvent>))]
[JsonSerializable(typeof(SalesforceQueryResult<SalesforceOpportunity>))]
public sealed partial class ConnectorsJsonContext : JsonSerializerContext;
