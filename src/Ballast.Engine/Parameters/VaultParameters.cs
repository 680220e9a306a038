namespace Ballast.Engine.Parameters;

/// <summary>
/// Every governance parameter of the vault engine, immutable. Defaults are Lyra v1 (Avalon) test/deploy
/// defaults where Lyra has the parameter — derivexyz/v1-core <c>test/utils/defaultParams.ts</c>
/// (commit 1207dea2), the sETH market — and Ballast's own choice (said so in each doc) otherwise.
/// </summary>
/// <remarks>
/// Units: every duration is in <b>seconds</b>; volatilities are annualised decimals (0.8 = 80 %);
/// coefficients and percentages are plain ratios (0.01 = 1 %); sizes are in options (units of underlying).
/// Bounds and the cross-parameter constraints are in <see cref="ParameterCatalog"/> and <see cref="Validate"/>.
/// Change values through <see cref="TryWith(string, double, out VaultParameters, out string?)"/> (governance) or
/// <c>with</c> followed by <see cref="Validate"/>.
/// </remarks>
public sealed partial record VaultParameters
{
    internal const double Hour = 3_600;
    internal const double Day = 86_400;
    internal const double Week = 604_800;
    /// <summary>Seconds in the 365-day year used to convert times to expiry (Lyra <c>annualise</c> uses 365 days).</summary>
    public const double SecondsPerYear = 365 * Day;

    /// <summary>Lyra v1 defaults (sETH market) plus Ballast's own defaults; the inventory term is off.</summary>
    public static VaultParameters Default { get; } = new();

    // ---------------- Pricing (Lyra OptionMarketPricer.PricingParameters) ----------------

    /// <summary>Option-price fee as a fraction of the premium (ratio). Lyra default 0.01.</summary>
    public double OptionPriceFeeCoefficient { get; init; } = 0.01;
    /// <summary>Time to expiry (seconds) up to which the option-price fee is 1x. Lyra default 6 weeks.</summary>
    public double OptionPriceFee1xPoint { get; init; } = 6 * Week;
    /// <summary>Time to expiry (seconds) at which the option-price fee reaches 2x (linear between). Lyra default 16 weeks.</summary>
    public double OptionPriceFee2xPoint { get; init; } = 16 * Week;
    /// <summary>Spot-price fee per option as a fraction of spot (ratio). Lyra default 0.01.</summary>
    public double SpotPriceFeeCoefficient { get; init; } = 0.01;
    /// <summary>Time to expiry (seconds) up to which the spot-price fee is 1x. Lyra default 6 weeks.</summary>
    public double SpotPriceFee1xPoint { get; init; } = 6 * Week;
    /// <summary>Time to expiry (seconds) at which the spot-price fee reaches 2x. Lyra default 12 weeks.</summary>
    public double SpotPriceFee2xPoint { get; init; } = 12 * Week;
    /// <summary>Vega-utilisation fee coefficient (quote per option per unit of vega utilisation). Lyra default 100 (sETH).</summary>
    public double VegaFeeCoefficient { get; init; } = 100;
    /// <summary>Options traded that move the board's base IV by 1 vol point (0.01). Lyra default 5.</summary>
    public double StandardSize { get; init; } = 5;
    /// <summary>Skew move per base-IV move of a trade (ratio). Lyra default 0.75.</summary>
    public double SkewAdjustmentFactor { get; init; } = 0.75;

    // ---------------- Variance fee (Lyra OptionMarketPricer.VarianceFeeParameters) ----------------

    /// <summary>Variance-fee coefficient for ordinary trades (ratio). Lyra default 0.25.</summary>
    public double DefaultVarianceFeeCoefficient { get; init; } = 0.25;
    /// <summary>Variance-fee coefficient for force-close trades (ratio). Lyra default 0.25.</summary>
    public double ForceCloseVarianceFeeCoefficient { get; init; } = 0.25;
    /// <summary>Scale of the |skew − referenceSkew| term of the variance fee. Lyra default 3.</summary>
    public double SkewAdjustmentCoefficient { get; init; } = 3;
    /// <summary>Skew at which the skew term of the variance fee is smallest. Lyra default 1.</summary>
    public double ReferenceSkew { get; init; } = 1;
    /// <summary>Floor of the skew term of the variance fee. Lyra default 1.</summary>
    public double MinimumStaticSkewAdjustment { get; init; } = 1;
    /// <summary>Scale of the vega term (vega per option per 1.00 vol) of the variance fee. Lyra default 0.01.</summary>
    public double VegaCoefficient { get; init; } = 0.01;
    /// <summary>Floor of the vega term of the variance fee. Lyra default 0.</summary>
    public double MinimumStaticVega { get; init; } = 0;
    /// <summary>Scale of the IV-variance term (|GWAV base IV − base IV|) of the variance fee. Lyra default 1.5.</summary>
    public double IvVarianceCoefficient { get; init; } = 1.5;
    /// <summary>Floor of the IV-variance term of the variance fee. Lyra default 1.</summary>
    public double MinimumStaticIvVariance { get; init; } = 1;

    // ---------------- Trade limits (Lyra OptionMarketPricer.TradeLimitParameters) ----------------

    /// <summary>Call delta must lie in [minDelta, 1 − minDelta] for ordinary trades. Lyra default 0.15.</summary>
    public double MinDelta { get; init; } = 0.15;
    /// <summary>Force close allowed only when call delta is below this or above 1 − this. Lyra default 0.25.</summary>
    public double MinForceCloseDelta { get; init; } = 0.25;
    /// <summary>Seconds before expiry after which only force closes trade. Lyra default half a day (43,200 s).</summary>
    public double TradingCutoff { get; init; } = Day / 2;
    /// <summary>Lowest post-trade base IV for a sell (annualised). Lyra default 0.35.</summary>
    public double MinBaseIv { get; init; } = 0.35;
    /// <summary>Highest post-trade base IV for a buy (annualised). Lyra default 2.</summary>
    public double MaxBaseIv { get; init; } = 2;
    /// <summary>Lowest post-trade skew for a sell. Lyra default 0.5.</summary>
    public double MinSkew { get; init; } = 0.5;
    /// <summary>Highest post-trade skew for a buy. Lyra default 1.5.</summary>
    public double MaxSkew { get; init; } = 1.5;
    /// <summary>Lowest post-trade vol (baseIv·skew) for a sell. Lyra default 0.55.</summary>
    public double MinVol { get; init; } = 0.55;
    /// <summary>Highest post-trade vol (baseIv·skew) for a buy. Lyra default 3.</summary>
    public double MaxVol { get; init; } = 3;
    /// <summary>Force closes are rejected when the new skew is at or below this. Lyra default 0.15.</summary>
    public double AbsMinSkew { get; init; } = 0.15;
    /// <summary>Force closes are rejected when the new skew is at or above this. Lyra default 5.</summary>
    public double AbsMaxSkew { get; init; } = 5;

    // ---------------- Force close (Lyra OptionGreekCache.ForceCloseParameters) ----------------

    /// <summary>GWAV period (seconds) of base IV used to price force closes. Lyra default 12 h.</summary>
    public double IvGwavPeriod { get; init; } = 12 * Hour;
    /// <summary>GWAV period (seconds) of skew used to price force closes. Lyra default 24 h.</summary>
    public double SkewGwavPeriod { get; init; } = 24 * Hour;
    /// <summary>Vol multiplier (≥ 1) when the trader force-closes a short (buys back). Lyra default 1.2.</summary>
    public double ShortVolShock { get; init; } = 1.2;
    /// <summary>As <see cref="ShortVolShock"/> after the trading cutoff. Lyra default 1.4.</summary>
    public double ShortPostCutoffVolShock { get; init; } = 1.4;
    /// <summary>Vol multiplier (≤ 1) when the trader force-closes a long (sells). Lyra default 0.8.</summary>
    public double LongVolShock { get; init; } = 0.8;
    /// <summary>As <see cref="LongVolShock"/> after the trading cutoff. Lyra default 0.5.</summary>
    public double LongPostCutoffVolShock { get; init; } = 0.5;
    /// <summary>Vol multiplier (≥ 1) for liquidations. Lyra default 1.3.</summary>
    public double LiquidateVolShock { get; init; } = 1.3;
    /// <summary>As <see cref="LiquidateVolShock"/> after the trading cutoff. Lyra default 1.6.</summary>
    public double LiquidatePostCutoffVolShock { get; init; } = 1.6;
    /// <summary>A force close buying back a short pays at least parity + this fraction of spot per option. Lyra default 0.01.</summary>
    public double ShortSpotMin { get; init; } = 0.01;
    /// <summary>A liquidation buying back a short pays at least parity + this fraction of spot per option. Lyra default 0.02.</summary>
    public double LiquidateSpotMin { get; init; } = 0.02;

    // ---------------- Greek cache (Lyra OptionGreekCache.GreekCacheParameters) ----------------

    /// <summary>Cache older than this (seconds) is stale. Lyra default 3 h.</summary>
    public double StaleUpdateDuration { get; init; } = 3 * Hour;
    /// <summary>Cache is stale once spot moved by this fraction since its update (ratio). Lyra default 0.05.</summary>
    public double AcceptableSpotPricePercentMove { get; init; } = 0.05;
    /// <summary>GWAV period (seconds) of base IV for the IV variance (fee and circuit breaker). Lyra default 1 day.</summary>
    public double VarianceIvGwavPeriod { get; init; } = Day;
    /// <summary>GWAV period (seconds) of skew for the skew variance. Lyra default 3 days.</summary>
    public double VarianceSkewGwavPeriod { get; init; } = 3 * Day;
    /// <summary>GWAV period (seconds) of base IV used to value options for NAV. Lyra default 1 day.</summary>
    public double OptionValueIvGwavPeriod { get; init; } = Day;
    /// <summary>GWAV period (seconds) of skew used to value options for NAV. Lyra default 3 days.</summary>
    public double OptionValueSkewGwavPeriod { get; init; } = 3 * Day;
    /// <summary>Skews are clamped to at least this before entering the skew GWAV. Lyra default 0.5.</summary>
    public double GwavSkewFloor { get; init; } = 0.5;
    /// <summary>Skews are clamped to at most this before entering the skew GWAV. Lyra default 2.</summary>
    public double GwavSkewCap { get; init; } = 2;
    /// <summary>Rate plus carry used in pricing (annualised, continuous). Lyra default 0.05.</summary>
    public double RateAndCarry { get; init; } = 0.05;

    // ---------------- Exposure caps (Ballast; Lyra v1 has none) ----------------

    /// <summary>Cap on |vault net delta| of one series (units of underlying). Ballast's choice: 1,000.</summary>
    public double MaxSeriesNetDelta { get; init; } = 1_000;
    /// <summary>Cap on |vault net std vega| of one series (quote per vol point). Ballast's choice: 10,000.</summary>
    public double MaxSeriesNetStdVega { get; init; } = 10_000;
    /// <summary>Cap on |vault net delta| over all series (units of underlying). Ballast's choice: 10,000.</summary>
    public double MaxGlobalNetDelta { get; init; } = 10_000;
    /// <summary>Cap on |vault net std vega| over all series (quote per vol point). Ballast's choice: 100,000.</summary>
    public double MaxGlobalNetStdVega { get; init; } = 100_000;

    // ---------------- Oracle guards (Ballast) ----------------

    /// <summary>Oracle prices older than this (seconds) stop quoting. Ballast's choice: 120 s.</summary>
    public double MaxOracleAge { get; init; } = 120;
    /// <summary>Oracle confidence (0..1) below this stops quoting. Ballast's choice: 0.95.</summary>
    public double MinOracleConfidence { get; init; } = 0.95;
    /// <summary>|spot / reference − 1| above this stops quoting (ratio). Ballast's choice: 0.02.</summary>
    public double MaxReferenceDeviation { get; init; } = 0.02;
    /// <summary>
    /// A board whose vol feed (last <c>UpdateVol</c>, or its listing) is older than this (seconds) stops quoting; 0 turns
    /// the check off. Ballast's choice: 0, because in Lyra v1 a board's vol is moved by trades alone and has no feed.
    /// </summary>
    public double MaxVolOracleAge { get; init; }

    // ---------------- Quotes (Ballast / Lyra) ----------------

    /// <summary>A quote expires this many seconds after it was issued. Ballast's choice: 30 s.</summary>
    public double QuoteTimeToLive { get; init; } = 30;
    /// <summary>Pieces an order is split into for vol impact and fees (Lyra's per-trade <c>iterations</c>, a whole number ≥ 1). Default 1.</summary>
    public double Iterations { get; init; } = 1;

    // ---------------- Inventory term (Ballast; see Quoting.InventoryAdjustment) ----------------

    /// <summary>Risk aversion γ_Δ for the vault's net delta (1/quote). 0 = off (default).</summary>
    public double DeltaRiskAversion { get; init; } = 0;
    /// <summary>Risk aversion γ_V for the vault's net std vega (1/quote). 0 = off (default).</summary>
    public double VegaRiskAversion { get; init; } = 0;
    /// <summary>Horizon h (seconds) over which inventory risk is charged (A-S's T − t). Ballast's choice: 1 day.</summary>
    public double InventoryHorizon { get; init; } = Day;
    /// <summary>Assumed spot volatility σ_S (annualised, e.g. 0.8 = 80 %). Ballast's choice: 0.8.</summary>
    public double SpotVolatility { get; init; } = 0.8;
    /// <summary>Assumed volatility of 30-day implied vol σ_V, in vol points per √year. Ballast's choice: 60.</summary>
    public double VolOfVol { get; init; } = 60;

    /// <summary>Time to expiry (seconds) of <paramref name="timeToExpiryYears"/> with a 365-day year.</summary>
    public static double YearsToSeconds(double timeToExpiryYears) => timeToExpiryYears * SecondsPerYear;

    /// <summary>
    /// Checks every parameter against its <see cref="ParameterSpec"/> bounds and the cross-constraints:
    /// 2x point ≥ 1x point + 1 week for both fees (Lyra <c>setPricingParams</c>); minBaseIv ≤ maxBaseIv,
    /// minSkew ≤ maxSkew, minVol ≤ maxVol; absMinSkew ≤ minSkew and absMaxSkew ≥ maxSkew (Lyra
    /// <c>setTradeLimitParams</c>); gwavSkewFloor ≤ gwavSkewCap.
    /// </summary>
    /// <returns>The first problem found, or <see cref="ParameterValidation.Valid"/>.</returns>
    public ParameterValidation Validate()
    {
        foreach (var entry in ParameterCatalog.Entries)
        {
            var check = ParameterCatalog.CheckBounds(entry.Spec, entry.Get(this));
            if (!check.IsValid) return check;
        }
        return ValidateCrossConstraints();
    }

    private ParameterValidation ValidateCrossConstraints()
    {
        // Lyra OptionMarketPricer.setPricingParams: 2x point ≥ 1x point + 1 week (so 1x < 2x and tw never divides by 0).
        if (OptionPriceFee2xPoint < OptionPriceFee1xPoint + Week)
            return Cross("optionPriceFee2xPoint must be at least optionPriceFee1xPoint + 1 week (604,800 s)");
        if (SpotPriceFee2xPoint < SpotPriceFee1xPoint + Week)
            return Cross("spotPriceFee2xPoint must be at least spotPriceFee1xPoint + 1 week (604,800 s)");
        if (MinBaseIv > MaxBaseIv) return Cross("minBaseIv must not exceed maxBaseIv");
        if (MinSkew > MaxSkew) return Cross("minSkew must not exceed maxSkew");
        if (MinVol > MaxVol) return Cross("minVol must not exceed maxVol");
        // Lyra OptionMarketPricer.setTradeLimitParams.
        if (AbsMinSkew > MinSkew) return Cross("absMinSkew must not exceed minSkew");
        if (AbsMaxSkew < MaxSkew) return Cross("absMaxSkew must be at least maxSkew");
        if (GwavSkewFloor > GwavSkewCap) return Cross("gwavSkewFloor must not exceed gwavSkewCap");
        return ValidateMarginCrossConstraints();
    }

    private static ParameterValidation Cross(string message) => new(ParameterError.CrossConstraint, message);

    /// <summary>
    /// Governance change of one parameter: returns a copy with <paramref name="name"/> set to <paramref name="value"/>
    /// when the value is finite, within its bounds, whole where required, and the resulting set passes <see cref="Validate"/>.
    /// </summary>
    /// <param name="name">Catalog name (case-insensitive), e.g. "standardSize".</param>
    /// <param name="value">New value in the parameter's unit.</param>
    /// <param name="updated">The new parameter set, or this instance when rejected.</param>
    /// <param name="error">Null on success, otherwise a message naming the parameter and the rule broken.</param>
    /// <returns>True when accepted.</returns>
    public bool TryWith(string name, double value, out VaultParameters updated, out string? error)
    {
        var result = TryWith(name, value, out updated);
        error = result.Message;
        return result.IsValid;
    }

    /// <summary>As <see cref="TryWith(string, double, out VaultParameters, out string?)"/>, with a typed rejection.</summary>
    /// <param name="name">Catalog name (case-insensitive).</param>
    /// <param name="value">New value in the parameter's unit.</param>
    /// <param name="updated">The new parameter set, or this instance when rejected.</param>
    /// <returns>The rejection, or <see cref="ParameterValidation.Valid"/>.</returns>
    public ParameterValidation TryWith(string name, double value, out VaultParameters updated)
    {
        updated = this;
        if (!ParameterCatalog.TryGetEntry(name, out var entry))
            return new ParameterValidation(ParameterError.UnknownName, $"unknown parameter '{name}'");
        var bounds = ParameterCatalog.CheckBounds(entry.Spec, value);
        if (!bounds.IsValid) return bounds;
        var candidate = entry.Set(this, value);
        var cross = candidate.ValidateCrossConstraints();
        if (!cross.IsValid) return cross;
        updated = candidate;
        return ParameterValidation.Valid;
    }

    /// <summary>Value of a parameter by catalog name (case-insensitive).</summary>
    /// <param name="name">Catalog name.</param>
    /// <param name="value">The value, or 0 when the name is unknown.</param>
    /// <returns>False when the name is unknown.</returns>
    public bool TryGet(string name, out double value)
    {
        if (ParameterCatalog.TryGetEntry(name, out var entry))
        {
            value = entry.Get(this);
            return true;
        }
        value = 0;
        return false;
    }
}
