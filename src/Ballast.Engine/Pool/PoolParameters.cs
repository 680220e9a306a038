using Ballast.Engine.Parameters;

namespace Ballast.Engine.Pool;

/// <summary>
/// Governance parameters of the liquidity pool: queue delays, withdrawal fee, guardian delay, collateral scaling and the
/// circuit breakers. Defaults are Lyra v1's (derivexyz/v1-core <c>test/utils/defaultParams.ts</c>,
/// <c>DEFAULT_LIQUIDITY_POOL_PARAMS</c> and <c>DEFAULT_CB_PARAMS</c>); bounds are the ones Lyra's
/// <c>LiquidityPool.setLiquidityPoolParameters</c>/<c>setCircuitBreakerParameters</c> enforce, plus Ballast's own
/// sanity bounds where Lyra has none (each said so in <see cref="Validate"/>).
/// </summary>
/// <remarks>Units: durations in seconds; ratios as plain decimals (0.01 = 1 %); money in quote units.</remarks>
public sealed record PoolParameters
{
    /// <summary>Seconds in an hour.</summary>
    public const long Hour = 3_600;
    /// <summary>Seconds in a day.</summary>
    public const long Day = 86_400;
    /// <summary>Seconds in a week.</summary>
    public const long Week = 7 * Day;
    /// <summary>Seconds in the 365-day year used for APR accrual and APY.</summary>
    public const long SecondsPerYear = 365 * Day;

    /// <summary>Lyra v1 defaults.</summary>
    public static PoolParameters Default { get; } = new();

    /// <summary>Smallest deposit (quote) or withdrawal (shares). Lyra default 1; Lyra has no bound (Ballast: 0 to 1e9).</summary>
    public decimal MinDepositWithdraw { get; init; } = 1m;
    /// <summary>Seconds a deposit waits before it can be processed. Lyra default 1 week; Lyra bound &lt; 365 days.</summary>
    public long DepositDelay { get; init; } = Week;
    /// <summary>Seconds a withdrawal waits before it can be processed. Lyra default 1 week; Lyra bound &lt; 365 days.</summary>
    public long WithdrawalDelay { get; init; } = Week;
    /// <summary>Fraction of a withdrawal's value kept by the pool while any board is live (ratio). Lyra default 0.01; Lyra bound &lt; 0.2.</summary>
    public decimal WithdrawalFee { get; init; } = 0.01m;
    /// <summary>Seconds after a request when the guardian may force it through breakers and a stale cache. Lyra default 2 weeks; Lyra bound &lt; 365 days.</summary>
    public long GuardianDelay { get; init; } = 2 * Week;
    /// <summary>Share of a short call's notional (spot·size) reserved from free liquidity (ratio). Lyra (Newport) default 1; governance bounds 0.8; Ballast: [0, 1].</summary>
    public decimal CallCollateralScalingFactor { get; init; } = 1m;
    /// <summary>Share of a short put's locked quote reserved from free liquidity (ratio). Lyra (Newport) default 1; governance bounds 0.8; Ballast: [0, 1].</summary>
    public decimal PutCollateralScalingFactor { get; init; } = 1m;

    /// <summary>Liquidity breaker fires when free liquidity / NAV is below this (ratio). Lyra default 0.01; Lyra bound &lt; 1.</summary>
    public decimal LiquidityCircuitBreakerThreshold { get; init; } = 0.01m;
    /// <summary>Seconds the liquidity breaker stays active after it last fired. Lyra default 3 days; Lyra bound &lt; 60 days.</summary>
    public long LiquidityCircuitBreakerTimeout { get; init; } = 3 * Day;
    /// <summary>IV-variance breaker fires when max |GWAV base IV − base IV| exceeds this (annualised vol). Lyra default 0.1; Ballast bound [0, 10].</summary>
    public double IvVarianceCircuitBreakerThreshold { get; init; } = 0.1;
    /// <summary>Seconds the IV-variance breaker stays active. Lyra default 12 h; Lyra bound &lt; 60 days.</summary>
    public long IvVarianceCircuitBreakerTimeout { get; init; } = 12 * Hour;
    /// <summary>Skew-variance breaker fires when max |GWAV skew − skew| exceeds this. Lyra default 0.35; Ballast bound [0, 10].</summary>
    public double SkewVarianceCircuitBreakerThreshold { get; init; } = 0.35;
    /// <summary>Seconds the skew-variance breaker stays active. Lyra default 12 h; Lyra bound &lt; 60 days.</summary>
    public long SkewVarianceCircuitBreakerTimeout { get; init; } = 12 * Hour;
    /// <summary>Seconds queues pause after a board settles. Lyra default 6 h; Lyra bound &lt; 10 days.</summary>
    public long BoardSettlementCircuitBreakerTimeout { get; init; } = 6 * Hour;
    /// <summary>When true, an active breaker also halts trading (Lyra v1 only pauses queues: default false).</summary>
    public bool HaltTradingWhileBreakerActive { get; init; }

    /// <summary>Premia-style instant deposits/withdrawals (capped by unlocked liquidity) are allowed. Default false (Lyra's queues only).</summary>
    public bool InstantMode { get; init; }
    /// <summary>Decimal places of the quote asset; payouts round down to them. Default 6 (USDC); bound [0, 18].</summary>
    public int QuoteDecimals { get; init; } = 6;
    /// <summary>Decimal places of tranche shares; minted shares round down to them. Default 12; bound [0, 18].</summary>
    public int ShareDecimals { get; init; } = 12;

    /// <summary>Checks every value against its bound (Lyra's where Lyra has one).</summary>
    /// <returns>The first problem, or <see cref="ParameterValidation.Valid"/>.</returns>
    public ParameterValidation Validate()
    {
        const long Year = 365 * Day;
        ParameterValidation v;
        if (!(v = Range("minDepositWithdraw", MinDepositWithdraw, 0, 1e9m, false, "quote")).IsValid) return v;
        if (!(v = Range("depositDelay", DepositDelay, 0, Year, true, "seconds (Lyra bound < 365 days)")).IsValid) return v;
        if (!(v = Range("withdrawalDelay", WithdrawalDelay, 0, Year, true, "seconds (Lyra bound < 365 days)")).IsValid) return v;
        if (!(v = Range("withdrawalFee", WithdrawalFee, 0, 0.2m, true, "ratio (Lyra bound < 0.2)")).IsValid) return v;
        if (!(v = Range("guardianDelay", GuardianDelay, 0, Year, true, "seconds (Lyra bound < 365 days)")).IsValid) return v;
        if (!(v = Range("callCollateralScalingFactor", CallCollateralScalingFactor, 0, 1, false, "ratio")).IsValid) return v;
        if (!(v = Range("putCollateralScalingFactor", PutCollateralScalingFactor, 0, 1, false, "ratio")).IsValid) return v;
        if (!(v = Range("liquidityCircuitBreakerThreshold", LiquidityCircuitBreakerThreshold, 0, 1, true, "ratio (Lyra bound < 1)")).IsValid) return v;
        if (!(v = Range("liquidityCircuitBreakerTimeout", LiquidityCircuitBreakerTimeout, 0, 60 * Day, true, "seconds (Lyra bound < 60 days)")).IsValid) return v;
        if (!double.IsFinite(IvVarianceCircuitBreakerThreshold) || !double.IsFinite(SkewVarianceCircuitBreakerThreshold))
            return new(ParameterError.NotFinite, "variance breaker thresholds must be finite");
        if (!(v = Range("ivVarianceCircuitBreakerThreshold", (decimal)IvVarianceCircuitBreakerThreshold, 0, 10, false, "vol")).IsValid) return v;
        if (!(v = Range("ivVarianceCircuitBreakerTimeout", IvVarianceCircuitBreakerTimeout, 0, 60 * Day, true, "seconds (Lyra bound < 60 days)")).IsValid) return v;
        if (!(v = Range("skewVarianceCircuitBreakerThreshold", (decimal)SkewVarianceCircuitBreakerThreshold, 0, 10, false, "skew")).IsValid) return v;
        if (!(v = Range("skewVarianceCircuitBreakerTimeout", SkewVarianceCircuitBreakerTimeout, 0, 60 * Day, true, "seconds (Lyra bound < 60 days)")).IsValid) return v;
        if (!(v = Range("boardSettlementCircuitBreakerTimeout", BoardSettlementCircuitBreakerTimeout, 0, 10 * Day, true, "seconds (Lyra bound < 10 days)")).IsValid) return v;
        if (!(v = Range("quoteDecimals", QuoteDecimals, 0, 18, false, "decimal places")).IsValid) return v;
        return Range("shareDecimals", ShareDecimals, 0, 18, false, "decimal places");
    }

    private static ParameterValidation Range(string name, decimal value, decimal min, decimal max, bool maxExclusive, string unit)
    {
        if (value < min) return new(ParameterError.BelowMinimum, $"{name} = {value} is below its minimum {min} {unit}");
        if (value > max || (maxExclusive && value == max))
            return new(ParameterError.AboveMaximum, $"{name} = {value} must be {(maxExclusive ? "below" : "at most")} {max} {unit}");
        return ParameterValidation.Valid;
    }
}
