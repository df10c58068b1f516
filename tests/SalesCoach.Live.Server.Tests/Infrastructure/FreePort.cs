using System.Net;
using System.Net.Sockets;

namespace SalesCoach.Live.Server.Tests.Infrastructure;

/// <summary>
/// A loopback port nobody listens on right now. Orleans sets ReuseAddress on its sockets, so two silos on one
/// machine could silently share a port: every test host gets its own.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
