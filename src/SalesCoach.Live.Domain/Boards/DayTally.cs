namespace SalesCoach.Live.Domain.Boards;

/// <summary>One rep's total of one metric on one local day: the quantity, and the summed value (deal amounts).</summary>
public readonly record struct DayTally(long Quantity, decimal Value)
{
    public DayTally Add(long quantity, decimal value) => new(Quantity + quantity, Value + value);
}
