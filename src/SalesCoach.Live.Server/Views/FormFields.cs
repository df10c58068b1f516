namespace SalesCoach.Live.Server.Views;

/// <summary>What the forms share: a field's errors as the inputs show them, and a set a row of checkboxes edits.</summary>
public static class FormFields
{
    /// <summary>True when <paramref name="errors"/> has any for <paramref name="field"/>.</summary>
    public static bool Has(IReadOnlyDictionary<string, string[]> errors, string field) => errors.ContainsKey(field);

    /// <summary>The field's errors as one text, or null when it has none.</summary>
    public static string? Text(IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Adds <paramref name="value"/> to <paramref name="set"/> when ticked, removes it when not.</summary>
    public static void Toggle(ISet<string> set, string value, bool on)
    {
        if (on)
        {
            set.Add(value);
        }
        else
        {
            set.Remove(value);
        }
    }
}
