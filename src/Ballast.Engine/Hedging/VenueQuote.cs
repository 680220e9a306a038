namespace Ballast.Engine.Hedging;

/// <summary>A venue's current terms, raw from the venue; validate with <see cref="VenueDataGuard.CheckQuote"/>.</summary>
/// <param name="MarkPrice">Mark price, quote per unit of underlying.</param>
/// <param name="TakerFeeRate">Taker fee, fraction of notional (0.0005 = 5 bp).</param>
/// <param name="MakerFeeRate">Maker fee, fraction of notional (negative = rebate).</param>
/// <param name="Depth">Order-book depth model.</param>
/// <param name="ObservedAt">When the venue produced these numbers.</param>
/// <param name="Error">Failure reason or <see cref="VenueError.None"/>.</param>
/// <param name="Message">Human-readable failure reason; empty on success.</param>
public readonly record struct VenueQuote(double MarkPrice, double TakerFeeRate, double MakerFeeRate, OrderBookDepth Depth,
    DateTimeOffset ObservedAt, VenueError Error, string Message);
