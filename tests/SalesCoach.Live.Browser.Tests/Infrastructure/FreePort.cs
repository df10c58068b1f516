using System.Net;
using System.Net.Sockets;

namespace SalesCoach.Live.Browser.Tests.Infrastructure;

/// <summary>A loopback port nobody listens on right now (each server gets its own HTTP, silo and gateway ports).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
