using System.Text.Json;

namespace SalesCoach.Live.Server.Integrations;

/// <summary>
/// The mappings that ship with the product, beneath the configuration: any key of the <c>Webhooks</c> section
/// (appsettings, environment, command line) overrides the key of the same name here, and
/// <c>Webhooks:Sources:{source}:Enabled=false</c> turns a source off (<c>Webhooks:BuiltInSources=false</c> drops them
/// all). Fields are objects here, so that a configured string (a path) or a configured key (Format, Map:x) changes only
/// what it names; lists are comma-separated strings, so that one configured string replaces a whole list. The sample
/// payloads in tests/SalesCoach.Live.Server.Tests/Integrations/Samples show what each mapping reads.
/// There is no built-in <c>hubspot</c> or <c>salesforce</c> mapping: those vendors never send a record a mapping could
/// read (HubSpot's webhooks carry ids only), so they come in through the connectors (<c>/api/connectors/{name}/webhook</c>
/// and polling); docs/integrations.md has mappings of one's own built from real vendor payloads.
/// </summary>
public static class BuiltInMappings
{
    public const string Json = """
    {
      "Webhooks": {
        "Sources": {
          "dialer": {
            "Description": "A generic call-logging dialer: one call object, an array of calls, or { \"calls\": [...] }. Connected calls only; a booked meeting is a call and a meeting.",
            "Events": "$.calls",
            "Fields": {
              "id": { "Path": "$.call_id" },
              "repId": { "Path": "$.agent_email | $.agent_id" },
              "type": { "Path": "$.disposition", "Default": "call", "Map": { "meeting_booked": "call,meeting", "*": "call" } },
              "occurredAt": { "Path": "$.ended_at | $.started_at" },
              "source": { "Value": "dialer" }
            },
            "Filters": {
              "connectedOnly": { "Path": "$.outcome", "Equals": "connected" }
            }
          },
          "salesforce-events": {
            "Description": "Salesforce-style platform events in JSON (a custom Sales_Activity__e): one event as delivered { \"data\": { \"payload\": {...}, \"event\": {...} } }, or an array of them.",
            "Fields": {
              "id": { "Path": "$.data.event.EventUuid | $.data.payload.External_Id__c" },
              "repId": { "Path": "$.data.payload.Rep_Email__c | $.data.payload.CreatedById" },
              "type": { "Path": "$.data.payload.Activity_Type__c", "Map": { "Call": "call", "Meeting": "meeting", "Deal": "deal", "Closed Won": "deal" } },
              "occurredAt": { "Path": "$.data.payload.Occurred_At__c | $.data.payload.CreatedDate" },
              "quantity": { "Path": "$.data.payload.Quantity__c" },
              "value": { "Path": "$.data.payload.Amount__c" },
              "source": { "Value": "salesforce" }
            }
          }
        }
      }
    }
    """;

    /// <summary>The mappings as configuration keys and values (what the JSON configuration provider would make of them).</summary>
    public static IReadOnlyDictionary<string, string?> AsConfiguration()
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(Json);
        Flatten(document.RootElement, "", values);
        return values;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index++}", values);
                }

                break;
            case JsonValueKind.Null:
                values[prefix] = null;
                break;
            default:
                values[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }
}
