using Ballast.Engine.Margin;

namespace Ballast.Engine.Parameters;

/// <summary>
/// Margin and liquidation governance parameters (issue 7). Defaults and sources are those of
/// <see cref="StandardMarginParameters"/> (Derive SRM mainnet), <see cref="PortfolioMarginParameters"/> (Derive PMRM, CME SPAN
/// tails) and <see cref="LiquidationParameters"/> (Derive Dutch auction, Lyra v1 penalty split); the engine builds those records
/// from the parameters in force, so a governance change reaches the margin check only when it activates.
/// </summary>
public sealed partial record VaultParameters
{
    // ---------------- Standard margin (Derive SRM, StandardManager) ----------------

    /// <summary>IM spot fraction of an ATM/ITM short (Derive maxSpotReq). Default 0.15.</summary>
    public double StandardMaxSpotRequirement { get; init; } = 0.15;
    /// <summary>IM spot-fraction floor of a far-OTM short (Derive minSpotReq). Default 0.13.</summary>
    public double StandardMinSpotRequirement { get; init; } = 0.13;
    /// <summary>MM spot fraction of a short call (Derive mmCallSpotReq). Default 0.09.</summary>
    public double StandardCallMaintenanceSpotRequirement { get; init; } = 0.09;
    /// <summary>MM spot fraction of a short put (Derive mmPutSpotReq). Default 0.09.</summary>
    public double StandardPutMaintenanceSpotRequirement { get; init; } = 0.09;
    /// <summary>MM mark fraction of a short put (Derive MMPutMtMReq). Default 0.09.</summary>
    public double StandardPutMaintenanceMarkRequirement { get; init; } = 0.09;
    /// <summary>Short-put IM is at least this multiple of its MM (Derive mmOffsetScale). Default 1.05.</summary>
    public double StandardMaintenanceOffsetScale { get; init; } = 1.05;
    /// <summary>Fraction of base collateral's spot value counted in standard margin (Derive SRM marginFactor, ETH). Default 0.8.</summary>
    public double StandardBaseCollateralFactor { get; init; } = 0.8;

    // ---------------- Portfolio margin (Derive PMRM, CME SPAN) ----------------

    /// <summary>Largest core spot move of the scenario grid (ratio). Issue 7 default 0.18.</summary>
    public double PortfolioSpotRange { get; init; } = 0.18;
    /// <summary>Step of the core spot grid (ratio). Issue 7 default 0.045.</summary>
    public double PortfolioSpotStep { get; init; } = 0.045;
    /// <summary>First tail move as a multiple of the spot range. Ballast default 2.</summary>
    public double PortfolioTail1Multiple { get; init; } = 2;
    /// <summary>Dampening weight of the first tail pair (0 disables it). Ballast default 0.5.</summary>
    public double PortfolioTail1Weight { get; init; } = 0.5;
    /// <summary>Second tail move as a multiple of the spot range (CME SPAN extreme move). Default 3.</summary>
    public double PortfolioTail2Multiple { get; init; } = 3;
    /// <summary>Dampening weight of the second tail pair (CME SPAN 35 %). Default 0.35.</summary>
    public double PortfolioTail2Weight { get; init; } = 0.35;
    /// <summary>Vol-up range (Derive volRangeUp). Default 0.6.</summary>
    public double PortfolioVolRangeUp { get; init; } = 0.6;
    /// <summary>Vol-down range (Derive volRangeDown). Default 0.3.</summary>
    public double PortfolioVolRangeDown { get; init; } = 0.3;
    /// <summary>Vol-shock exponent for expiries ≤ 30 days (Derive shortTermPower). Default 0.3.</summary>
    public double PortfolioShortTermPower { get; init; } = 0.3;
    /// <summary>Vol-shock exponent for expiries &gt; 30 days (Derive longTermPower). Default 0.13.</summary>
    public double PortfolioLongTermPower { get; init; } = 0.13;
    /// <summary>Floor of the time to expiry in the vol-shock ratio, days (Derive dteFloor). Default 1.</summary>
    public double PortfolioDaysToExpiryFloor { get; init; } = 1;
    /// <summary>Multiplier of the worst scenario loss in the maintenance requirement (mmFactor). Default 1.</summary>
    public double PortfolioMaintenanceFactor { get; init; } = 1;
    /// <summary>Multiplier of the worst scenario loss in the initial requirement (Derive imFactor). Default 1.25.</summary>
    public double PortfolioInitialFactor { get; init; } = 1.25;
    /// <summary>Maintenance charge per naked short option, fraction of spot. Ballast default 0.005.</summary>
    public double PortfolioMaintenanceNakedShortCharge { get; init; } = 0.005;
    /// <summary>Initial contingency per naked short option, fraction of spot (Derive optionPercent). Default 0.02.</summary>
    public double PortfolioInitialNakedShortCharge { get; init; } = 0.02;
    /// <summary>Fraction of base collateral's spot value counted in portfolio margin. Default 0.8.</summary>
    public double PortfolioBaseCollateralFactor { get; init; } = 0.8;

    // ---------------- Liquidation (Derive DutchAuction, Deribit incremental close, Lyra v1 penalty split) ----------------

    /// <summary>Dutch-auction price at start, fraction of equity (Derive startingMtMPercentage). Default 0.95.</summary>
    public double AuctionStartingPriceFraction { get; init; } = 0.95;
    /// <summary>Dutch-auction price at the end of the fast phase (Derive fastAuctionCutoffPercentage). Default 0.70.</summary>
    public double AuctionFastCutoffPriceFraction { get; init; } = 0.70;
    /// <summary>Fast auction phase, seconds (Derive fastAuctionLength). Default 900.</summary>
    public double AuctionFastSeconds { get; init; } = 15 * 60;
    /// <summary>Slow auction phase, seconds (Derive mainnet slowAuctionLength). Default 43,200.</summary>
    public double AuctionSlowSeconds { get; init; } = 12 * Hour;
    /// <summary>Insolvent auction length, seconds (Derive insolventAuctionLength). Default 3,600.</summary>
    public double AuctionInsolventSeconds { get; init; } = Hour;
    /// <summary>Buffer margin fraction (Derive bufferMarginPercentage). Default 0.15.</summary>
    public double AuctionBufferMarginFraction { get; init; } = 0.15;
    /// <summary>Incremental close: penalty as a fraction of the maintenance requirement released. Default 0.1.</summary>
    public double LiquidationPenaltyFraction { get; init; } = 0.10;
    /// <summary>Incremental close: target maintenance balance as a fraction of the remaining requirement. Default 0.15.</summary>
    public double LiquidationBufferFraction { get; init; } = 0.15;
    /// <summary>Liquidator's share of a penalty (Lyra v1 liquidatorFeeRatio). Default 0.4.</summary>
    public double LiquidatorPenaltyShare { get; init; } = 0.40;
    /// <summary>Insurance (security) fund's share of a penalty (Lyra v1 smFeeRatio). Default 0.3; LPs get the rest.</summary>
    public double InsuranceFundPenaltyShare { get; init; } = 0.30;
    /// <summary>
    /// An account whose maintenance requirement (quote) exceeds this is too large to close incrementally against the vault:
    /// it is liquidated by Dutch auction instead. Ballast default 1,000,000.
    /// </summary>
    public double LiquidationAuctionThreshold { get; init; } = 1_000_000;

    /// <summary>The standard-margin parameters in this set.</summary>
    public StandardMarginParameters ToStandardMargin() => new()
    {
        MaxSpotRequirement = StandardMaxSpotRequirement,
        MinSpotRequirement = StandardMinSpotRequirement,
        MaintenanceCallSpotRequirement = StandardCallMaintenanceSpotRequirement,
        MaintenancePutSpotRequirement = StandardPutMaintenanceSpotRequirement,
        MaintenancePutMarkRequirement = StandardPutMaintenanceMarkRequirement,
        MaintenanceOffsetScale = StandardMaintenanceOffsetScale,
        BaseCollateralFactor = StandardBaseCollateralFactor,
    };

    /// <summary>The portfolio-margin parameters in this set.</summary>
    public PortfolioMarginParameters ToPortfolioMargin() => new()
    {
        SpotRange = PortfolioSpotRange,
        SpotStep = PortfolioSpotStep,
        Tail1Multiple = PortfolioTail1Multiple,
        Tail1Weight = PortfolioTail1Weight,
        Tail2Multiple = PortfolioTail2Multiple,
        Tail2Weight = PortfolioTail2Weight,
        VolRangeUp = PortfolioVolRangeUp,
        VolRangeDown = PortfolioVolRangeDown,
        ShortTermPower = PortfolioShortTermPower,
        LongTermPower = PortfolioLongTermPower,
        DaysToExpiryFloor = PortfolioDaysToExpiryFloor,
        MaintenanceFactor = PortfolioMaintenanceFactor,
        InitialFactor = PortfolioInitialFactor,
        MaintenanceNakedShortCharge = PortfolioMaintenanceNakedShortCharge,
        InitialNakedShortCharge = PortfolioInitialNakedShortCharge,
        BaseCollateralFactor = PortfolioBaseCollateralFactor,
    };

    /// <summary>The liquidation parameters in this set (fractions as decimals, durations as whole seconds).</summary>
    public LiquidationParameters ToLiquidation() => new()
    {
        // (decimal)double keeps 15 significant digits, so 0.95 becomes exactly 0.95m.
        StartingPriceFraction = (decimal)AuctionStartingPriceFraction,
        FastCutoffPriceFraction = (decimal)AuctionFastCutoffPriceFraction,
        FastAuctionSeconds = (long)AuctionFastSeconds,
        SlowAuctionSeconds = (long)AuctionSlowSeconds,
        InsolventAuctionSeconds = (long)AuctionInsolventSeconds,
        BufferMarginFraction = (decimal)AuctionBufferMarginFraction,
        IncrementalPenaltyFraction = (decimal)LiquidationPenaltyFraction,
        IncrementalBufferFraction = (decimal)LiquidationBufferFraction,
        LiquidatorShare = (decimal)LiquidatorPenaltyShare,
        SecurityFundShare = (decimal)InsuranceFundPenaltyShare,
    };

    /// <summary>The margin calculator configured by this set.</summary>
    public MarginCalculator ToMarginCalculator() => new(ToStandardMargin(), ToPortfolioMargin());

    /// <summary>The margin records' own cross-constraints (IM ≥ MM, whole grid steps, penalty shares ≤ 1), reported as cross-constraint errors.</summary>
    private ParameterValidation ValidateMarginCrossConstraints()
    {
        var checks = (ReadOnlySpan<ParameterValidation>)
            [ToStandardMargin().Validate(), ToPortfolioMargin().Validate(), ToLiquidation().Validate()];
        foreach (var check in checks)
        {
            if (!check.IsValid) return Cross($"margin parameters: {check.Message}");
        }

        return ParameterValidation.Valid;
    }
}
