using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ballast.Engine.Parameters;

/// <summary>
/// The documented bounds of every <see cref="VaultParameters"/> member. Where Lyra v1 (Avalon) enforces a bound in a
/// setter (derivexyz/v1-core <c>OptionMarketPricer.setPricingParams</c>/<c>setTradeLimitParams</c>,
/// <c>OptionGreekCache.setGreekCacheParameters</c>/<c>setForceCloseParameters</c>) the same bound is used and the
/// description says "Lyra bound"; every other bound is Ballast's choice of a sane range.
/// </summary>
public static partial class ParameterCatalog
{
    private const double Hour = VaultParameters.Hour;
    private const double Day = VaultParameters.Day;
    private const double Week = VaultParameters.Week;
    private const double FiveYears = 5 * VaultParameters.SecondsPerYear;

    internal sealed record Entry(
        ParameterSpec Spec,
        Func<VaultParameters, double> Get,
        Func<VaultParameters, double, VaultParameters> Set);

    internal static readonly Entry[] Entries = Build();

    private static readonly Dictionary<string, Entry> ByName =
        Entries.ToDictionary(e => e.Spec.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every parameter, in the order of <see cref="VaultParameters"/>' declaration.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } = Array.AsReadOnly(Entries.Select(e => e.Spec).ToArray());

    /// <summary>Looks up a parameter's spec by name (case-insensitive).</summary>
    /// <param name="name">Catalog name, e.g. "standardSize".</param>
    /// <param name="spec">The spec, or null.</param>
    /// <returns>False when unknown.</returns>
    public static bool TryFind(string name, [NotNullWhen(true)] out ParameterSpec? spec)
    {
        spec = TryGetEntry(name, out var entry) ? entry.Spec : null;
        return spec is not null;
    }

    internal static bool TryGetEntry(string name, out Entry entry)
    {
        if (name is not null && ByName.TryGetValue(name, out var found))
        {
            entry = found;
            return true;
        }
        entry = null!;
        return false;
    }

    internal static ParameterValidation CheckBounds(ParameterSpec spec, double value)
    {
        if (!double.IsFinite(value))
            return new(ParameterError.NotFinite, $"{spec.Name} must be finite, got {Format(value)}");
        if (value < spec.Min)
            return new(ParameterError.BelowMinimum, $"{spec.Name} = {Format(value)} is below its minimum {Format(spec.Min)} {spec.Unit}");
        if (value > spec.Max)
            return new(ParameterError.AboveMaximum, $"{spec.Name} = {Format(value)} is above its maximum {Format(spec.Max)} {spec.Unit}");
        if (spec.IsInteger && Math.Floor(value) != value)
            return new(ParameterError.NotInteger, $"{spec.Name} must be a whole number, got {Format(value)}");
        return ParameterValidation.Valid;
    }

    private static string Format(double v) => v.ToString("G17", CultureInfo.InvariantCulture);

    private static Entry[] Build()
    {
        var defaults = new VaultParameters();
        var list = new List<Entry>();
        void Add(string name, double min, double max, string unit, string description,
            Func<VaultParameters, double> get, Func<VaultParameters, double, VaultParameters> set, bool isInteger = false)
            => list.Add(new Entry(new ParameterSpec(name, min, max, get(defaults), unit, description) { IsInteger = isInteger }, get, set));

        // Pricing. Lyra bounds: optionPriceFeeCoefficient ≤ 200, spotPriceFeeCoefficient ≤ 2, 1x points ≥ 1 week,
        // 2x ≥ 1x + 1 week (cross-constraint), standardSize > 0, skewAdjustmentFactor ≤ 1000.
        Add("optionPriceFeeCoefficient", 0, 200, "ratio of premium", "Option-price fee = tw(coefficient)·premium. Lyra default 0.01; Lyra bound ≤ 200.",
            p => p.OptionPriceFeeCoefficient, (p, v) => p with { OptionPriceFeeCoefficient = v });
        Add("optionPriceFee1xPoint", Week, FiveYears, "seconds", "Time to expiry up to which the option-price fee is 1x. Lyra default 6 weeks; Lyra bound ≥ 1 week; max 5 years is Ballast's.",
            p => p.OptionPriceFee1xPoint, (p, v) => p with { OptionPriceFee1xPoint = v });
        Add("optionPriceFee2xPoint", 2 * Week, FiveYears + Week, "seconds", "Time to expiry at which the option-price fee is 2x. Lyra default 16 weeks; must be ≥ 1x point + 1 week (Lyra).",
            p => p.OptionPriceFee2xPoint, (p, v) => p with { OptionPriceFee2xPoint = v });
        Add("spotPriceFeeCoefficient", 0, 2, "ratio of spot per option", "Spot-price fee = tw(coefficient)·spot·amount. Lyra default 0.01; Lyra bound ≤ 2.",
            p => p.SpotPriceFeeCoefficient, (p, v) => p with { SpotPriceFeeCoefficient = v });
        Add("spotPriceFee1xPoint", Week, FiveYears, "seconds", "Time to expiry up to which the spot-price fee is 1x. Lyra default 6 weeks; Lyra bound ≥ 1 week.",
            p => p.SpotPriceFee1xPoint, (p, v) => p with { SpotPriceFee1xPoint = v });
        Add("spotPriceFee2xPoint", 2 * Week, FiveYears + Week, "seconds", "Time to expiry at which the spot-price fee is 2x. Lyra default 12 weeks; must be ≥ 1x point + 1 week (Lyra).",
            p => p.SpotPriceFee2xPoint, (p, v) => p with { SpotPriceFee2xPoint = v });
        Add("vegaFeeCoefficient", 0, 1e6, "quote per option per unit vega utilisation", "Vega-utilisation fee coefficient. Lyra default 100 (sETH; 15,000 for sBTC); bounds Ballast's.",
            p => p.VegaFeeCoefficient, (p, v) => p with { VegaFeeCoefficient = v });
        Add("standardSize", 1e-6, 1e9, "options", "Options that move base IV by one vol point. Lyra default 5; Lyra bound > 0 (Ballast: ≥ 1e-6).",
            p => p.StandardSize, (p, v) => p with { StandardSize = v });
        Add("skewAdjustmentFactor", 0, 1000, "ratio", "Skew move per base-IV move. Lyra default 0.75; Lyra bound ≤ 1000.",
            p => p.SkewAdjustmentFactor, (p, v) => p with { SkewAdjustmentFactor = v });

        // Variance fee: Lyra's setVarianceFeeParams checks nothing; bounds are Ballast's.
        Add("defaultVarianceFeeCoefficient", 0, 100, "ratio", "Variance-fee coefficient, ordinary trades. Lyra default 0.25.",
            p => p.DefaultVarianceFeeCoefficient, (p, v) => p with { DefaultVarianceFeeCoefficient = v });
        Add("forceCloseVarianceFeeCoefficient", 0, 100, "ratio", "Variance-fee coefficient, force closes. Lyra default 0.25.",
            p => p.ForceCloseVarianceFeeCoefficient, (p, v) => p with { ForceCloseVarianceFeeCoefficient = v });
        Add("skewAdjustmentCoefficient", 0, 100, "ratio", "Scale of |skew − referenceSkew| in the variance fee. Lyra default 3.",
            p => p.SkewAdjustmentCoefficient, (p, v) => p with { SkewAdjustmentCoefficient = v });
        Add("referenceSkew", 0, 10, "skew", "Skew of least variance fee. Lyra default 1.",
            p => p.ReferenceSkew, (p, v) => p with { ReferenceSkew = v });
        Add("minimumStaticSkewAdjustment", 0, 100, "ratio", "Floor of the variance fee's skew term. Lyra default 1.",
            p => p.MinimumStaticSkewAdjustment, (p, v) => p with { MinimumStaticSkewAdjustment = v });
        Add("vegaCoefficient", 0, 100, "1/(quote per 1.00 vol)", "Scale of option vega in the variance fee. Lyra default 0.01.",
            p => p.VegaCoefficient, (p, v) => p with { VegaCoefficient = v });
        Add("minimumStaticVega", 0, 1e6, "ratio", "Floor of the variance fee's vega term. Lyra default 0.",
            p => p.MinimumStaticVega, (p, v) => p with { MinimumStaticVega = v });
        Add("ivVarianceCoefficient", 0, 100, "1/vol", "Scale of |GWAV base IV − base IV| in the variance fee. Lyra default 1.5.",
            p => p.IvVarianceCoefficient, (p, v) => p with { IvVarianceCoefficient = v });
        Add("minimumStaticIvVariance", 0, 100, "ratio", "Floor of the variance fee's IV-variance term. Lyra default 1.",
            p => p.MinimumStaticIvVariance, (p, v) => p with { MinimumStaticIvVariance = v });

        // Trade limits. Lyra bounds: minDelta, minForceCloseDelta ≤ 1 (Ballast: ≤ 0.5, above that [d, 1−d] is empty);
        // 0 < tradingCutoff ≤ 10 days; minBaseIV < 10; 0 < maxBaseIV < 100; minSkew < 10; 0 < maxSkew < 10; maxVol > 0.
        Add("minDelta", 0, 0.5, "call delta", "Tradable call delta range is [minDelta, 1 − minDelta]. Lyra default 0.15.",
            p => p.MinDelta, (p, v) => p with { MinDelta = v });
        Add("minForceCloseDelta", 0, 0.5, "call delta", "Force close only outside [d, 1 − d]. Lyra default 0.25.",
            p => p.MinForceCloseDelta, (p, v) => p with { MinForceCloseDelta = v });
        Add("tradingCutoff", 1, 10 * Day, "seconds", "Only force closes this close to expiry. Lyra default 12 h; Lyra bound (0, 10 days].",
            p => p.TradingCutoff, (p, v) => p with { TradingCutoff = v });
        Add("minBaseIv", 0, 10, "vol (annualised)", "Lowest base IV a sell may leave. Lyra default 0.35; Lyra bound < 10.",
            p => p.MinBaseIv, (p, v) => p with { MinBaseIv = v });
        Add("maxBaseIv", 0.01, 100, "vol (annualised)", "Highest base IV a buy may leave. Lyra default 2; Lyra bound (0, 100).",
            p => p.MaxBaseIv, (p, v) => p with { MaxBaseIv = v });
        Add("minSkew", 0, 10, "skew", "Lowest skew a sell may leave. Lyra default 0.5; Lyra bound < 10.",
            p => p.MinSkew, (p, v) => p with { MinSkew = v });
        Add("maxSkew", 0.01, 10, "skew", "Highest skew a buy may leave. Lyra default 1.5; Lyra bound (0, 10).",
            p => p.MaxSkew, (p, v) => p with { MaxSkew = v });
        Add("minVol", 0, 100, "vol (annualised)", "Lowest baseIv·skew a sell may leave. Lyra default 0.55.",
            p => p.MinVol, (p, v) => p with { MinVol = v });
        Add("maxVol", 0.01, 100, "vol (annualised)", "Highest baseIv·skew a buy may leave. Lyra default 3; Lyra bound > 0.",
            p => p.MaxVol, (p, v) => p with { MaxVol = v });
        Add("absMinSkew", 0, 10, "skew", "Force closes may not push skew to or below this. Lyra default 0.15; must be ≤ minSkew (Lyra).",
            p => p.AbsMinSkew, (p, v) => p with { AbsMinSkew = v });
        Add("absMaxSkew", 0.01, 100, "skew", "Force closes may not push skew to or above this. Lyra default 5; must be ≥ maxSkew (Lyra).",
            p => p.AbsMaxSkew, (p, v) => p with { AbsMaxSkew = v });

        // Force close. Lyra bounds: GWAV periods (0, 60 days]; short/liquidate shocks ≥ 1; long shocks in (0, 1]. Max 10 is Ballast's.
        Add("ivGwavPeriod", 1, 60 * Day, "seconds", "Base-IV GWAV period for force-close pricing. Lyra default 12 h; Lyra bound (0, 60 days].",
            p => p.IvGwavPeriod, (p, v) => p with { IvGwavPeriod = v });
        Add("skewGwavPeriod", 1, 60 * Day, "seconds", "Skew GWAV period for force-close pricing. Lyra default 24 h; Lyra bound (0, 60 days].",
            p => p.SkewGwavPeriod, (p, v) => p with { SkewGwavPeriod = v });
        Add("shortVolShock", 1, 10, "vol multiplier", "Force-close vol multiplier when closing a short. Lyra default 1.2; Lyra bound ≥ 1.",
            p => p.ShortVolShock, (p, v) => p with { ShortVolShock = v });
        Add("shortPostCutoffVolShock", 1, 10, "vol multiplier", "As shortVolShock after the cutoff. Lyra default 1.4; Lyra bound ≥ 1.",
            p => p.ShortPostCutoffVolShock, (p, v) => p with { ShortPostCutoffVolShock = v });
        Add("longVolShock", 0.01, 1, "vol multiplier", "Force-close vol multiplier when closing a long. Lyra default 0.8; Lyra bound (0, 1].",
            p => p.LongVolShock, (p, v) => p with { LongVolShock = v });
        Add("longPostCutoffVolShock", 0.01, 1, "vol multiplier", "As longVolShock after the cutoff. Lyra default 0.5; Lyra bound (0, 1].",
            p => p.LongPostCutoffVolShock, (p, v) => p with { LongPostCutoffVolShock = v });
        Add("liquidateVolShock", 1, 10, "vol multiplier", "Vol multiplier for liquidations. Lyra default 1.3; Lyra bound ≥ 1.",
            p => p.LiquidateVolShock, (p, v) => p with { LiquidateVolShock = v });
        Add("liquidatePostCutoffVolShock", 1, 10, "vol multiplier", "As liquidateVolShock after the cutoff. Lyra default 1.6; Lyra bound ≥ 1.",
            p => p.LiquidatePostCutoffVolShock, (p, v) => p with { LiquidatePostCutoffVolShock = v });
        Add("shortSpotMin", 0, 1, "ratio of spot", "Force-close buy price floor: parity + this·spot. Lyra default 0.01; Lyra bound ≤ 1.",
            p => p.ShortSpotMin, (p, v) => p with { ShortSpotMin = v });
        Add("liquidateSpotMin", 0, 1, "ratio of spot", "Liquidation buy price floor: parity + this·spot. Lyra default 0.02; Lyra bound ≤ 1.",
            p => p.LiquidateSpotMin, (p, v) => p with { LiquidateSpotMin = v });

        // Greek cache. Lyra bounds: acceptableSpotPricePercentMove ≤ 10; staleUpdateDuration ≤ 30 days; GWAV periods
        // (0, 60 days]; 0 < gwavSkewFloor ≤ 1; gwavSkewCap ≥ 1. Other limits Ballast's.
        Add("staleUpdateDuration", 1, 30 * Day, "seconds", "Greek cache older than this is stale. Lyra default 3 h; Lyra bound ≤ 30 days.",
            p => p.StaleUpdateDuration, (p, v) => p with { StaleUpdateDuration = v });
        Add("acceptableSpotPricePercentMove", 0, 10, "ratio", "Greek cache is stale after a spot move of this fraction. Lyra default 0.05; Lyra bound ≤ 10.",
            p => p.AcceptableSpotPricePercentMove, (p, v) => p with { AcceptableSpotPricePercentMove = v });
        Add("varianceIvGwavPeriod", 1, 60 * Day, "seconds", "Base-IV GWAV period for IV variance. Lyra default 1 day.",
            p => p.VarianceIvGwavPeriod, (p, v) => p with { VarianceIvGwavPeriod = v });
        Add("varianceSkewGwavPeriod", 1, 60 * Day, "seconds", "Skew GWAV period for skew variance. Lyra default 3 days.",
            p => p.VarianceSkewGwavPeriod, (p, v) => p with { VarianceSkewGwavPeriod = v });
        Add("optionValueIvGwavPeriod", 1, 60 * Day, "seconds", "Base-IV GWAV period for NAV valuation. Lyra default 1 day.",
            p => p.OptionValueIvGwavPeriod, (p, v) => p with { OptionValueIvGwavPeriod = v });
        Add("optionValueSkewGwavPeriod", 1, 60 * Day, "seconds", "Skew GWAV period for NAV valuation. Lyra default 3 days.",
            p => p.OptionValueSkewGwavPeriod, (p, v) => p with { OptionValueSkewGwavPeriod = v });
        Add("gwavSkewFloor", 0.01, 1, "skew", "Skew clamp floor before the skew GWAV. Lyra default 0.5; Lyra bound (0, 1].",
            p => p.GwavSkewFloor, (p, v) => p with { GwavSkewFloor = v });
        Add("gwavSkewCap", 1, 100, "skew", "Skew clamp cap before the skew GWAV. Lyra default 2; Lyra bound ≥ 1.",
            p => p.GwavSkewCap, (p, v) => p with { GwavSkewCap = v });
        Add("rateAndCarry", -1, 1, "annualised rate", "Rate plus carry used in pricing. Lyra default 0.05; bounds Ballast's.",
            p => p.RateAndCarry, (p, v) => p with { RateAndCarry = v });

        // Exposure caps, oracle guards, quotes: Ballast's own.
        Add("maxSeriesNetDelta", 0, 1e12, "underlying units", "Cap on |vault net delta| of one series. Ballast default 1,000.",
            p => p.MaxSeriesNetDelta, (p, v) => p with { MaxSeriesNetDelta = v });
        Add("maxSeriesNetStdVega", 0, 1e12, "quote per vol point", "Cap on |vault net std vega| of one series. Ballast default 10,000.",
            p => p.MaxSeriesNetStdVega, (p, v) => p with { MaxSeriesNetStdVega = v });
        Add("maxGlobalNetDelta", 0, 1e12, "underlying units", "Cap on |vault net delta| over all series. Ballast default 10,000.",
            p => p.MaxGlobalNetDelta, (p, v) => p with { MaxGlobalNetDelta = v });
        Add("maxGlobalNetStdVega", 0, 1e12, "quote per vol point", "Cap on |vault net std vega| over all series. Ballast default 100,000.",
            p => p.MaxGlobalNetStdVega, (p, v) => p with { MaxGlobalNetStdVega = v });
        Add("maxOracleAge", 1, Day, "seconds", "Oracle data older than this stops quoting. Ballast default 120 s.",
            p => p.MaxOracleAge, (p, v) => p with { MaxOracleAge = v });
        Add("minOracleConfidence", 0, 1, "ratio", "Oracle confidence below this stops quoting. Ballast default 0.95.",
            p => p.MinOracleConfidence, (p, v) => p with { MinOracleConfidence = v });
        Add("maxReferenceDeviation", 0, 1, "ratio", "|spot/reference − 1| above this stops quoting. Ballast default 0.02.",
            p => p.MaxReferenceDeviation, (p, v) => p with { MaxReferenceDeviation = v });
        Add("maxVolOracleAge", 0, 30 * Day, "seconds", "A board's vol feed older than this stops quoting on it; 0 = off. Ballast default 0 (Lyra boards have no vol feed).",
            p => p.MaxVolOracleAge, (p, v) => p with { MaxVolOracleAge = v });
        Add("quoteTimeToLive", 1, Hour, "seconds", "Quote lifetime. Ballast default 30 s.",
            p => p.QuoteTimeToLive, (p, v) => p with { QuoteTimeToLive = v });
        Add("iterations", 1, 100, "pieces", "Pieces an order is split into (Lyra trade iterations). Default 1; max 100 is Ballast's.",
            p => p.Iterations, (p, v) => p with { Iterations = v }, isInteger: true);

        // Inventory term (Ballast): 0 risk aversion = off.
        Add("deltaRiskAversion", 0, 1, "1/quote", "γ_Δ of the inventory term. Default 0 (off).",
            p => p.DeltaRiskAversion, (p, v) => p with { DeltaRiskAversion = v });
        Add("vegaRiskAversion", 0, 1, "1/quote", "γ_V of the inventory term. Default 0 (off).",
            p => p.VegaRiskAversion, (p, v) => p with { VegaRiskAversion = v });
        Add("inventoryHorizon", 1, 365 * Day, "seconds", "Horizon h of the inventory term (A-S's T − t). Ballast default 1 day.",
            p => p.InventoryHorizon, (p, v) => p with { InventoryHorizon = v });
        Add("spotVolatility", 0, 10, "vol (annualised)", "σ_S assumed by the inventory term. Ballast default 0.8.",
            p => p.SpotVolatility, (p, v) => p with { SpotVolatility = v });
        Add("volOfVol", 0, 1000, "vol points per √year", "σ_V of 30-day implied vol assumed by the inventory term. Ballast default 60.",
            p => p.VolOfVol, (p, v) => p with { VolOfVol = v });

        AddMarginEntries(list, defaults);
        AddPoolEntries(list, defaults);
        return list.ToArray();
    }
}
