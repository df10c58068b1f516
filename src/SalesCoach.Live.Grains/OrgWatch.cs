using SalesCoach.Live.Domain.Org;

namespace SalesCoach.Live.Grains;

/// <summary>
/// The org revision a grain last followed: the one "has the org changed since?" check of the grains, which take the
/// org as it was at activation and follow it when it changes (a reload, an admin's edit).
/// </summary>
internal sealed class OrgWatch(Organization org)
{
    /// <summary>The revision last followed.</summary>
    public long Revision { get; private set; } = org.Revision;

    /// <summary>True once per change: when the org's revision differs from the one last followed, which it then becomes.</summary>
    public bool Changed()
    {
        var current = org.Revision;
        if (current == Revision)
        {
            return false;
        }

        Revision = current;
        return true;
    }
}
