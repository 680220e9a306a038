using Ballast.Engine.Parameters;

namespace Ballast.Engine.Margin;

/// <summary>
/// Governance parameters of liquidation. Auction defaults are Derive's mainnet Dutch auction
/// (derivexyz/v2-core <c>scripts/config-mainnet.sol</c>, <c>getDefaultAuctionParam</c>): startingMtMPercentage 0.95,
/// fastAuctionCutoffPercentage 0.70, fastAuctionLength 15 min, slowAuctionLength 12 h, insolventAuctionLength 60 min,
/// bufferMarginPercentage 0.15. Penalty split defaults are Lyra v1's (liquidator 40 %, security module 30 %, rest to LPs).
/// </summary>
public sealed record LiquidationParameters
{
    /// <summary>The defaults described on the type.</summary>
    public static LiquidationParameters Default { get; } = new();

    /// <summary>Auction price at start as a fraction of the account's mark-to-market equity (Derive 0.95). Bounds [FastCutoffFraction, 1].</summary>
    public decimal StartingPriceFraction { get; init; } = 0.95m;
    /// <summary>Price fraction reached at the end of the fast phase (Derive 0.70). Bounds [0, StartingPriceFraction].</summary>
    public decimal FastCutoffPriceFraction { get; init; } = 0.70m;
    /// <summary>Fast phase length, seconds (Derive 15 min = 900). Bounds [60, 86,400].</summary>
    public long FastAuctionSeconds { get; init; } = 15 * 60;
    /// <summary>Slow phase length, seconds: the price falls linearly from the cutoff to 0 (Derive 12 h = 43,200). Bounds [60, 30 days].</summary>
    public long SlowAuctionSeconds { get; init; } = 12 * 3600;
    /// <summary>Insolvent auction length, seconds: the payment offered to a bidder grows linearly to the full deficit (Derive 60 min). Bounds [60, 86,400].</summary>
    public long InsolventAuctionSeconds { get; init; } = 60 * 60;
    /// <summary>Buffer above maintenance, as a fraction of (equity − MM balance) (Derive bufferMarginPercentage 0.15). Bounds [0, 1].</summary>
    public decimal BufferMarginFraction { get; init; } = 0.15m;
    /// <summary>Incremental close: penalty as a fraction of the maintenance requirement released. Ballast default 0.1 (cf. Derive liquidatorFeeRate 0.1). Bounds [0, 0.5].</summary>
    public decimal IncrementalPenaltyFraction { get; init; } = 0.10m;
    /// <summary>Incremental close: target maintenance balance after the close, as a fraction of the remaining MM requirement. Ballast default 0.15. Bounds [0, 1].</summary>
    public decimal IncrementalBufferFraction { get; init; } = 0.15m;
    /// <summary>Liquidator's share of a penalty (Lyra v1 liquidatorFeeRatio 0.4). Bounds [0, 1 − SecurityFundShare].</summary>
    public decimal LiquidatorShare { get; init; } = 0.40m;
    /// <summary>Security (insurance) fund's share of a penalty (Lyra v1 smFeeRatio 0.3). Bounds [0, 1 − LiquidatorShare]; LPs get the rest.</summary>
    public decimal SecurityFundShare { get; init; } = 0.30m;

    /// <summary>Checks every bound and cross-constraint.</summary>
    public ParameterValidation Validate() => MarginParameterChecks.First(
        MarginParameterChecks.InRange(nameof(StartingPriceFraction), StartingPriceFraction, FastCutoffPriceFraction, 1m),
        MarginParameterChecks.InRange(nameof(FastCutoffPriceFraction), FastCutoffPriceFraction, 0m, StartingPriceFraction),
        MarginParameterChecks.InRange(nameof(FastAuctionSeconds), FastAuctionSeconds, 60m, 86_400m),
        MarginParameterChecks.InRange(nameof(SlowAuctionSeconds), SlowAuctionSeconds, 60m, 30m * 86_400m),
        MarginParameterChecks.InRange(nameof(InsolventAuctionSeconds), InsolventAuctionSeconds, 60m, 86_400m),
        MarginParameterChecks.InRange(nameof(BufferMarginFraction), BufferMarginFraction, 0m, 1m),
        MarginParameterChecks.InRange(nameof(IncrementalPenaltyFraction), IncrementalPenaltyFraction, 0m, 0.5m),
        MarginParameterChecks.InRange(nameof(IncrementalBufferFraction), IncrementalBufferFraction, 0m, 1m),
        MarginParameterChecks.InRange(nameof(LiquidatorShare), LiquidatorShare, 0m, 1m - SecurityFundShare),
        MarginParameterChecks.InRange(nameof(SecurityFundShare), SecurityFundShare, 0m, 1m - LiquidatorShare));
}
