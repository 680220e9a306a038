namespace Ballast.Pricing.Surfaces;

/// <summary>A Deribit option-chain snapshot reduced to per-expiry implied-vol quotes.</summary>
/// <param name="ReferenceTime">Snapshot time (UTC) from which times to expiry are measured.</param>
/// <param name="Spot">Spot mid in USD, or null when the chain has no two-sided spot quote.</param>
/// <param name="Expiries">Expiries with at least one usable quote, in time order.</param>
/// <param name="Skipped">How many options each filter removed.</param>
public sealed record DeribitChain(DateTimeOffset ReferenceTime, double? Spot, IReadOnlyList<ExpiryQuotes> Expiries, ChainFilterCounts Skipped);

/// <summary>Options removed by <see cref="DeribitChainLoader"/>'s filters, by reason.</summary>
/// <param name="NotTwoSided">Bid or ask missing or ≤ 0, or ask &lt; bid.</param>
/// <param name="Expired">Maturity at or before the reference time.</param>
/// <param name="NoForward">The expiry has no two-sided forward quote.</param>
/// <param name="NoImpliedVol">Neither Deribit's iv_bid/iv_ask nor the mid price gave a volatility.</param>
/// <param name="InTheMoneyDuplicate">A call and a put share a strike: the in-the-money one was dropped (its vol repeats the other's, with a worse spread).</param>
public readonly record struct ChainFilterCounts(int NotTwoSided, int Expired, int NoForward, int NoImpliedVol, int InTheMoneyDuplicate)
{
    /// <summary>All options removed.</summary>
    public int Total => NotTwoSided + Expired + NoForward + NoImpliedVol + InTheMoneyDuplicate;
}
