namespace SalesCoach.Live.Grains.Tests.Infrastructure;

/// <summary>
/// The org the grain tests run against. "emea" works Mon-Fri 09:00-17:00 in Berlin with a call day goal and a meeting
/// week goal (the contract's example); "floor" works around the clock in UTC, so pace is under way at any hour. Each
/// test uses reps of its own, so that rep sequence numbers and board rows never mix between tests.
/// </summary>
public static class TestOrg
{
    public const string Emea = "emea";

    public const string Floor = "floor";

    /// <summary>Gamification's team: Berlin, Mon-Fri, a call day goal of 5, New Year's Eve 2031 a holiday.</summary>
    public const string League = "league";

    public const string Json = """
    {
      "metrics": [
        { "key": "call",    "name": "Calls",           "points": 1 },
        { "key": "meeting", "name": "Meetings booked", "points": 10, "outcomeOf": "call" },
        { "key": "deal",    "name": "Deals won",       "points": 50, "celebrate": true, "hasValue": true }
      ],
      "teams": [
        {
          "id": "emea", "name": "EMEA SDR", "timeZone": "Europe/Berlin",
          "workingHours": { "days": ["Mon","Tue","Wed","Thu","Fri"], "start": "09:00", "end": "17:00" },
          "goals": [ { "metric": "call", "period": "day", "target": 60 },
                     { "metric": "meeting", "period": "week", "target": 8 } ],
          "reps": [ { "id": "anna", "name": "Anna Berg" },
                    { "id": "ben",  "name": "Ben Okafor" },
                    { "id": "carla", "name": "Carla Diaz" },
                    { "id": "dirk", "name": "Dirk Engel" },
                    { "id": "ida", "name": "Ida Idle" } ]
        },
        {
          "id": "floor", "name": "Round the Clock", "timeZone": "Etc/UTC",
          "workingHours": { "days": ["Mon","Tue","Wed","Thu","Fri","Sat","Sun"], "start": "00:00", "end": "24:00" },
          "goals": [ { "metric": "call", "period": "day", "target": 100 } ],
          "reps": [ { "id": "olga",  "name": "Olga Order" },
                    { "id": "gabe",  "name": "Gabe Gap" },
                    { "id": "dora",  "name": "Dora Double" },
                    { "id": "rita",  "name": "Rita Rebuild" },
                    { "id": "cody",  "name": "Cody Crash" },
                    { "id": "kris",  "name": "Kris Killed" },
                    { "id": "fred",  "name": "Fred Future" },
                    { "id": "cleo",  "name": "Cleo Closer" },
                    { "id": "carl",  "name": "Carl Closer" },
                    { "id": "wanda", "name": "Wanda Woken" } ]
        },
        {
          "id": "league", "name": "League", "timeZone": "Europe/Berlin",
          "workingHours": { "days": ["Mon","Tue","Wed","Thu","Fri"], "start": "09:00", "end": "17:00" },
          "holidays": ["2031-12-31"],
          "goals": [ { "metric": "call", "period": "day", "target": 5 } ],
          "reps": [ { "id": "lena", "name": "Lena Streak" },
                    { "id": "max",  "name": "Max Badge" },
                    { "id": "nora", "name": "Nora Void" },
                    { "id": "otto", "name": "Otto Lead" },
                    { "id": "pia",  "name": "Pia Comeback" },
                    { "id": "quin", "name": "Quin Hot" },
                    { "id": "ivo",  "name": "Ivo Late" },
                    { "id": "ugo",  "name": "Ugo Flip" },
                    { "id": "vic",  "name": "Vic Flip" } ]
        }
      ]
    }
    """;
}
