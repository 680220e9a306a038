namespace Ballast.Engine.Hedging;

/// <summary>Why the vault is under-hedged.</summary>
public enum UnderHedgeReason
{
    /// <summary>Not under-hedged.</summary>
    None = 0,
    /// <summary>No venue was routable: all down, backing off after failures, or sending invalid/stale data.</summary>
    NoEligibleVenue,
    /// <summary>Venues were tried and failed (rejections, outages, invalid fills).</summary>
    VenueFailures,
    /// <summary>Per-venue position or order caps left no room for the rest of the hedge.</summary>
    CapsExhausted,
    /// <summary>Orders filled only partly (book depth or maker orders not hit).</summary>
    PartialFills,
}
