namespace Ballast.Engine.Hedging;

/// <summary>Why a venue call failed or its data was refused. Every venue result carries one.</summary>
public enum VenueError
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>The venue refused the order (risk check, rate limit, post-only would cross, ...).</summary>
    Rejected,
    /// <summary>The venue is unreachable or halted.</summary>
    Outage,
    /// <summary>The venue sent a price, fee, rate or quantity that is NaN, infinite, non-positive or inconsistent.</summary>
    InvalidData,
    /// <summary>The venue's quote is older than allowed.</summary>
    StaleQuote,
    /// <summary>The venue's funding rate is older than allowed.</summary>
    StaleFunding,
    /// <summary>The order itself is malformed (zero quantity, empty id).</summary>
    InvalidOrder,
    /// <summary>Cancel of an order the venue does not know or that is already final.</summary>
    UnknownOrder,
    /// <summary>Router-side: the venue was not tried because it is backing off after earlier failures.</summary>
    BackingOff,
}
