namespace Ballast.Engine.Hedging;

/// <summary>
/// A hedge accounting fact, journaled by the engine and applied to a <see cref="HedgeBook"/> with
/// <see cref="HedgeBook.Apply"/>. Replaying the same events gives the same book.
/// </summary>
/// <param name="At">When it happened (venue completion time for fills, period end for funding).</param>
public abstract record HedgeEvent(DateTimeOffset At);

/// <summary>An order filled (fully or partly) on a venue.</summary>
/// <param name="At">Fill completion time.</param>
/// <param name="VenueId">Venue id.</param>
/// <param name="OrderId">Venue order id.</param>
/// <param name="Quantity">Signed filled quantity, units of underlying (buy &gt; 0), non-zero.</param>
/// <param name="Price">Average fill price, quote per unit, &gt; 0.</param>
/// <param name="Fee">Fee paid, quote, ≥ 0.</param>
public sealed record HedgeFilled(DateTimeOffset At, string VenueId, string OrderId, decimal Quantity, decimal Price, decimal Fee)
    : HedgeEvent(At);

/// <summary>Perpetual funding settled on a venue.</summary>
/// <param name="At">End of the settled period.</param>
/// <param name="VenueId">Venue id.</param>
/// <param name="Amount">Quote paid by the vault (negative = received).</param>
/// <param name="RatePerYear">Annualised rate of the period (informational).</param>
public sealed record FundingPaid(DateTimeOffset At, string VenueId, decimal Amount, double RatePerYear) : HedgeEvent(At);

/// <summary>The vault's hedge health changed (e.g. it became under-hedged); journaled so limits replay identically.</summary>
/// <param name="At">When the change was observed.</param>
/// <param name="Health">The new health.</param>
public sealed record HedgeHealthChanged(DateTimeOffset At, HedgeHealth Health) : HedgeEvent(At);
