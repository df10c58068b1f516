using Microsoft.Data.Sqlite;
using SalesCoach.Live.Server.Hosting;

namespace SalesCoach.Live.Server.Tests.Operations;

/// <summary>Which failures answer 503 "the store is unavailable" instead of 500.</summary>
public sealed class StoreUnavailableExceptionTests
{
    public static TheoryData<string, Exception, bool> Cases() => new()
    {
        { "a database error", new SqliteException("database is locked", 5), true },
        { "a timeout", new TimeoutException(), true },
        { "a database error inside another", new InvalidOperationException("grain call failed", new SqliteException("disk I/O error", 10)), true },
        { "a timeout among several", new AggregateException(new ArgumentException(), new TimeoutException()), true },
        { "a bug", new InvalidOperationException("no"), false },
        { "a bug inside another", new InvalidOperationException("outer", new NullReferenceException()), false },
        { "several bugs", new AggregateException(new ArgumentException(), new FormatException()), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_a_store_that_did_not_answer_is_a_503(string what, Exception exception, bool expected) =>
        Assert.True(StoreUnavailableExceptionHandler.IsStoreUnavailable(exception) == expected, what);
}
