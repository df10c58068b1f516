using System.Text.Json.Nodes;

namespace SalesCoach.Live.Server.Tests.OrgSetup;

/// <summary>Lets a test change a copy of a document inline.</summary>
internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
