namespace Ballast.Engine.Markets;

/// <summary>Canonical order of series: expiry, then strike, then call before put.</summary>
public static class SeriesOrder
{
    /// <summary>Compares two series canonically.</summary>
    public static int Compare(SeriesId a, SeriesId b)
    {
        int c = a.Expiry.CompareTo(b.Expiry);
        if (c != 0) return c;
        c = a.Strike.CompareTo(b.Strike);
        return c != 0 ? c : a.Type.CompareTo(b.Type);
    }
}
