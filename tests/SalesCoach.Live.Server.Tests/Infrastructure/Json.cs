using System.Text.Json;

namespace SalesCoach.Live.Server.Tests.Infrastructure;

/// <summary>Reads JSON answers.</summary>
public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A rep's row of a board.</summary>
    public static JsonElement Row(JsonElement board, string repId) =>
        board.GetProperty("reps").EnumerateArray().Single(r => r.GetProperty("repId").GetString() == repId);
}
