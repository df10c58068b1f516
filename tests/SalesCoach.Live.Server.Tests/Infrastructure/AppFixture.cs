namespace SalesCoach.Live.Server.Tests.Infrastructure;

/// <summary>One server shared by the tests of a class; tests keep apart by using their own reps, days or ids.</summary>
public sealed class AppFixture : IDisposable
{
    public SalesCoachApp App { get; } = new();

    public void Dispose() => App.Dispose();
}
