namespace Ballast.Engine.Hedging;

/// <summary>
/// Port to a venue where the vault hedges delta (a perpetual future or spot market). Synchronous with typed results:
/// the engine is deterministic, and a real adapter does its I/O outside the engine and presents the outcome here.
/// Every call takes the caller's <c>now</c> (no clock inside). Results are raw venue data: callers validate them with
/// <see cref="VenueDataGuard"/> before they touch state.
/// </summary>
public interface IHedgeVenue
{
    /// <summary>Stable venue id (also the key of the venue's position in <see cref="HedgeBook"/>).</summary>
    string Id { get; }

    /// <summary>Current mark, fees and depth.</summary>
    VenueQuote Quote(DateTimeOffset now);

    /// <summary>Places an order and reports its final state.</summary>
    VenueOrderResult Place(HedgeOrder order, DateTimeOffset now);

    /// <summary>Cancels an order that is not yet final.</summary>
    VenueCancelResult Cancel(string orderId, DateTimeOffset now);

    /// <summary>The venue's record of the vault's position.</summary>
    VenuePosition Position(DateTimeOffset now);

    /// <summary>Current funding rate and when it was set.</summary>
    VenueFunding Funding(DateTimeOffset now);

    /// <summary>Settles funding for every whole period completed since the previous call.</summary>
    VenueFundingSettlement SettleFunding(DateTimeOffset now);

    /// <summary>Current health.</summary>
    VenueHealth Health(DateTimeOffset now);
}
