using System.Security.Cryptography;
using System.Text;

namespace SalesCoach.Live.Server.OrgSetup;

/// <summary>
/// The org this node was started with: the <c>Org:File</c> content, or the demo org when none is given, with its
/// SHA-256. Stored revisions remember the hash of the file they are based on, which decides at start-up whether the
/// stored org or the file wins (see <see cref="OrgStartup"/>).
/// </summary>
public sealed record OrgSource(string Document, string Hash, string Source, string Name)
{
    /// <summary>The hex SHA-256 of a document's UTF-8 bytes.</summary>
    public static string HashOf(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
}
