using SalesCoach.Live.Server.Hosting;
using SalesCoach.Live.Server.Integrations;

if (ImportCommand.Matches(args))
{
    return await ImportCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSalesCoach();

var app = builder.Build();
app.UseSalesCoach();
app.Run();
return 0;

/// <summary>The entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
