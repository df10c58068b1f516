namespace SalesCoach.Live.Server.Tests.Infrastructure;

/// <summary>The org the server tests run against.</summary>
public static class TestOrg
{
    /// <summary>
    /// "alpha" works Mon-Fri 09:00-17:00 in Berlin (the contract's example); "live" works around the clock in UTC so
    /// that live pace is always under way whenever the tests run; "other" is a team for access tests.
    /// </summary>
    public const string Json = """
    {
      "metrics": [
        { "key": "call",    "name": "Calls",           "points": 1 },
        { "key": "meeting", "name": "Meetings booked", "points": 10, "outcomeOf": "call" },
        { "key": "deal",    "name": "Deals won",       "points": 50, "celebrate": true, "hasValue": true }
      ],
      "teams": [
        {
          "id": "alpha", "name": "Alpha SDR", "timeZone": "Europe/Berlin",
          "workingHours": { "days": ["Mon","Tue","Wed","Thu","Fri"], "start": "09:00", "end": "17:00" },
          "holidays": ["2026-12-25"],
          "goals": [ { "metric": "call", "period": "day", "target": 60 },
                     { "metric": "meeting", "period": "week", "target": 8 } ],
          "reps": [ { "id": "anna", "name": "Anna Berg" },
                    { "id": "ben",  "name": "Ben Okafor", "goals": [ { "metric": "call", "period": "day", "target": 40 } ] } ]
        },
        {
          "id": "live", "name": "Live Team", "timeZone": "Etc/UTC",
          "workingHours": { "days": ["Mon","Tue","Wed","Thu","Fri","Sat","Sun"], "start": "00:00", "end": "24:00" },
          "goals": [ { "metric": "call", "period": "day", "target": 100 } ],
          "reps": [ { "id": "lena", "name": "Lena Live" }, { "id": "leo", "name": "Leo Live" }, { "id": "lia", "name": "Lia Live" } ]
        },
        {
          "id": "other", "name": "Other Team", "timeZone": "Asia/Kolkata",
          "goals": [ { "metric": "call", "period": "day", "target": 50 } ],
          "reps": [ { "id": "ola", "name": "Ola Other" } ]
        }
      ]
    }
    """;
}
