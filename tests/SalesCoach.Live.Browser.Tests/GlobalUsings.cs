global using SalesCoach.Live.Browser.Tests.Infrastructure;
