using SalesCoach.Live.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSalesCoach();

var app = builder.Build();
app.UseSalesCoach();
app.Run();

/// <summary>The entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
