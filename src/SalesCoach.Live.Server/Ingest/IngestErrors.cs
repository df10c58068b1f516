using System.Globalization;

namespace SalesCoach.Live.Server.Ingest;

/// <summary>One problem of a batch: the item (-1 for the whole body), its field, and the message.</summary>
public readonly record struct ActivityProblem(int Item, ActivityField Field, string Message);

/// <summary>
/// The problems of a batch, whoever found them (the edge that read it, or <see cref="ActivityRules"/>), by item and
/// field. At most the first problem of a field counts: a field the edge could not read is not checked again. They
/// come out in the contract's order (item, then field) and keyed as contract section 4 says: <c>[3].repId</c> in an
/// array, <c>repId</c> for a single object, <c>[3]</c> for an item that is not an object, <c>body</c> for the body.
/// </summary>
public sealed class IngestErrors(bool single)
{
    private readonly List<ActivityProblem> _problems = [];
    private readonly Dictionary<int, int> _failed = [];
    private bool _ordered = true;

    /// <summary>True when the body was one object (keys without an index).</summary>
    public bool Single => single;

    public int Count => _problems.Count;

    /// <summary>The problems in the contract's order.</summary>
    public IReadOnlyList<ActivityProblem> Problems
    {
        get
        {
            if (!_ordered)
            {
                // Stable: problems of one field keep the order they were found in.
                var ordered = _problems.OrderBy(p => p.Item).ThenBy(p => p.Field).ToList();
                _problems.Clear();
                _problems.AddRange(ordered);
                _ordered = true;
            }

            return _problems;
        }
    }

    /// <summary>Records a problem of <paramref name="field"/> of item <paramref name="item"/> (-1: the body).</summary>
    public void Add(int item, ActivityField field, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_problems.Count > 0 && _ordered)
        {
            var last = _problems[^1];
            _ordered = last.Item < item || (last.Item == item && last.Field <= field);
        }

        _problems.Add(new ActivityProblem(item, field, message));
        _failed[item] = _failed.GetValueOrDefault(item) | (1 << (int)field);
    }

    /// <summary>Records a problem of the body as a whole.</summary>
    public void AddBody(string message) => Add(-1, ActivityField.Item, message);

    /// <summary>Adds every problem of <paramref name="other"/>.</summary>
    public void AddRange(IngestErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var problem in other._problems)
        {
            Add(problem.Item, problem.Field, problem.Message);
        }
    }

    /// <summary>True when the item has a problem with <paramref name="field"/>, or is unreadable as a whole.</summary>
    public bool Has(int item, ActivityField field) =>
        _failed.TryGetValue(item, out var mask) && (mask & ((1 << (int)field) | (1 << (int)ActivityField.Item))) != 0;

    /// <summary>True when the item has any problem.</summary>
    public bool HasAny(int item) => _failed.ContainsKey(item);

    /// <summary>The key of a problem in the <c>errors</c> object of the answer.</summary>
    public string KeyOf(ActivityProblem problem)
    {
        if (problem.Item < 0 || (single && problem.Field == ActivityField.Item))
        {
            return "body";
        }

        if (single)
        {
            return problem.Field.Name();
        }

        var index = problem.Item.ToString(CultureInfo.InvariantCulture);
        return problem.Field == ActivityField.Item ? $"[{index}]" : $"[{index}].{problem.Field.Name()}";
    }

    /// <summary>The <c>errors</c> object of the 400 answer.</summary>
    public Dictionary<string, string[]> ToDictionary()
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var problem in Problems)
        {
            var key = KeyOf(problem);
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(problem.Message);
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
