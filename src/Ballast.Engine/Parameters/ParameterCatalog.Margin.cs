namespace Ballast.Engine.Parameters;

/// <summary>Catalog entries of the margin and liquidation parameters (issue 7); sources on <see cref="VaultParameters"/>.</summary>
public static partial class ParameterCatalog
{
    private static void AddMarginEntries(List<Entry> list, VaultParameters defaults)
    {
        void Add(string name, double min, double max, string unit, string description,
            Func<VaultParameters, double> get, Func<VaultParameters, double, VaultParameters> set, bool isInteger = false)
            => list.Add(new Entry(new ParameterSpec(name, min, max, get(defaults), unit, description) { IsInteger = isInteger }, get, set));

        // Standard margin. Bounds are those of StandardMarginParameters.Validate; the ordering between them (min ≤ max spot
        // requirement, MM fractions ≤ min spot requirement, so IM ≥ MM) is a cross-constraint.
        Add("standardMaxSpotRequirement", 0, 1, "ratio of spot", "Standard IM spot fraction of an ATM/ITM short. Derive SRM maxSpotReq 0.15.",
            p => p.StandardMaxSpotRequirement, (p, v) => p with { StandardMaxSpotRequirement = v });
        Add("standardMinSpotRequirement", 0, 1, "ratio of spot", "Standard IM spot floor of a far-OTM short. Derive SRM minSpotReq 0.13; ≤ max spot requirement.",
            p => p.StandardMinSpotRequirement, (p, v) => p with { StandardMinSpotRequirement = v });
        Add("standardCallMaintenanceSpotRequirement", 0, 1, "ratio of spot", "Standard MM spot fraction of a short call. Derive SRM mmCallSpotReq 0.09; ≤ min spot requirement.",
            p => p.StandardCallMaintenanceSpotRequirement, (p, v) => p with { StandardCallMaintenanceSpotRequirement = v });
        Add("standardPutMaintenanceSpotRequirement", 0, 1, "ratio of spot", "Standard MM spot fraction of a short put. Derive SRM mmPutSpotReq 0.09; ≤ min spot requirement.",
            p => p.StandardPutMaintenanceSpotRequirement, (p, v) => p with { StandardPutMaintenanceSpotRequirement = v });
        Add("standardPutMaintenanceMarkRequirement", 0, 1, "ratio of mark", "Standard MM mark fraction of a short put. Derive SRM MMPutMtMReq 0.09.",
            p => p.StandardPutMaintenanceMarkRequirement, (p, v) => p with { StandardPutMaintenanceMarkRequirement = v });
        Add("standardMaintenanceOffsetScale", 1, 2, "multiple of MM", "Short-put IM ≥ this × MM. Derive SRM mmOffsetScale 1.05.",
            p => p.StandardMaintenanceOffsetScale, (p, v) => p with { StandardMaintenanceOffsetScale = v });
        Add("standardBaseCollateralFactor", 0, 1, "ratio of spot value", "Base collateral counted in standard margin. Derive SRM marginFactor (ETH) 0.8.",
            p => p.StandardBaseCollateralFactor, (p, v) => p with { StandardBaseCollateralFactor = v });

        // Portfolio margin. Cross-constraints: spot step ≤ range with range/step whole and ≤ 20; tail × range < 1;
        // initial factor ≥ maintenance factor; initial naked-short charge ≥ maintenance charge.
        Add("portfolioSpotRange", 0.01, 0.5, "ratio of spot", "Largest core spot move of the scenario grid. Issue 7 default 0.18.",
            p => p.PortfolioSpotRange, (p, v) => p with { PortfolioSpotRange = v });
        Add("portfolioSpotStep", 0.005, 0.5, "ratio of spot", "Step of the core spot grid; range/step must be whole and ≤ 20. Issue 7 default 0.045.",
            p => p.PortfolioSpotStep, (p, v) => p with { PortfolioSpotStep = v });
        Add("portfolioTail1Multiple", 1, 5, "multiple of spot range", "First tail move. Ballast default 2.",
            p => p.PortfolioTail1Multiple, (p, v) => p with { PortfolioTail1Multiple = v });
        Add("portfolioTail1Weight", 0, 1, "ratio", "Dampening of the first tail pair; 0 disables it. Ballast default 0.5.",
            p => p.PortfolioTail1Weight, (p, v) => p with { PortfolioTail1Weight = v });
        Add("portfolioTail2Multiple", 1, 5, "multiple of spot range", "Second tail move. CME SPAN extreme move 3.",
            p => p.PortfolioTail2Multiple, (p, v) => p with { PortfolioTail2Multiple = v });
        Add("portfolioTail2Weight", 0, 1, "ratio", "Dampening of the second tail pair. CME SPAN 0.35.",
            p => p.PortfolioTail2Weight, (p, v) => p with { PortfolioTail2Weight = v });
        Add("portfolioVolRangeUp", 0, 5, "ratio of vol", "Vol-up shock range. Derive PMRM volRangeUp 0.6.",
            p => p.PortfolioVolRangeUp, (p, v) => p with { PortfolioVolRangeUp = v });
        Add("portfolioVolRangeDown", 0, 1, "ratio of vol", "Vol-down shock range. Derive PMRM volRangeDown 0.3.",
            p => p.PortfolioVolRangeDown, (p, v) => p with { PortfolioVolRangeDown = v });
        Add("portfolioShortTermPower", 0, 2, "exponent", "Vol-shock exponent for T ≤ 30 days. Derive PMRM shortTermPower 0.3.",
            p => p.PortfolioShortTermPower, (p, v) => p with { PortfolioShortTermPower = v });
        Add("portfolioLongTermPower", 0, 2, "exponent", "Vol-shock exponent for T > 30 days. Derive PMRM longTermPower 0.13.",
            p => p.PortfolioLongTermPower, (p, v) => p with { PortfolioLongTermPower = v });
        Add("portfolioDaysToExpiryFloor", 0.01, 30, "days", "Floor of T in the vol-shock ratio. Derive PMRM dteFloor 1 day.",
            p => p.PortfolioDaysToExpiryFloor, (p, v) => p with { PortfolioDaysToExpiryFloor = v });
        Add("portfolioMaintenanceFactor", 0.5, 3, "multiple of worst loss", "mmFactor. Default 1; ≤ initial factor.",
            p => p.PortfolioMaintenanceFactor, (p, v) => p with { PortfolioMaintenanceFactor = v });
        Add("portfolioInitialFactor", 0.5, 3, "multiple of worst loss", "imFactor. Derive PMRM 1.25; ≥ maintenance factor.",
            p => p.PortfolioInitialFactor, (p, v) => p with { PortfolioInitialFactor = v });
        Add("portfolioMaintenanceNakedShortCharge", 0, 0.5, "ratio of spot per option", "MM charge per naked short. Ballast default 0.005; ≤ initial charge.",
            p => p.PortfolioMaintenanceNakedShortCharge, (p, v) => p with { PortfolioMaintenanceNakedShortCharge = v });
        Add("portfolioInitialNakedShortCharge", 0, 0.5, "ratio of spot per option", "IM contingency per naked short. Derive PMRM optionPercent 0.02.",
            p => p.PortfolioInitialNakedShortCharge, (p, v) => p with { PortfolioInitialNakedShortCharge = v });
        Add("portfolioBaseCollateralFactor", 0, 1, "ratio of spot value", "Base collateral counted in portfolio margin. Default 0.8.",
            p => p.PortfolioBaseCollateralFactor, (p, v) => p with { PortfolioBaseCollateralFactor = v });

        // Liquidation. Cross-constraints: starting price ≥ fast cutoff; liquidator + insurance shares ≤ 1.
        Add("auctionStartingPriceFraction", 0, 1, "ratio of equity", "Dutch auction start price. Derive startingMtMPercentage 0.95; ≥ fast cutoff.",
            p => p.AuctionStartingPriceFraction, (p, v) => p with { AuctionStartingPriceFraction = v });
        Add("auctionFastCutoffPriceFraction", 0, 1, "ratio of equity", "Dutch auction price at the end of the fast phase. Derive 0.70.",
            p => p.AuctionFastCutoffPriceFraction, (p, v) => p with { AuctionFastCutoffPriceFraction = v });
        Add("auctionFastSeconds", 60, Day, "seconds", "Fast auction phase. Derive fastAuctionLength 15 min.",
            p => p.AuctionFastSeconds, (p, v) => p with { AuctionFastSeconds = v }, isInteger: true);
        Add("auctionSlowSeconds", 60, 30 * Day, "seconds", "Slow auction phase (price to 0). Derive mainnet slowAuctionLength 12 h.",
            p => p.AuctionSlowSeconds, (p, v) => p with { AuctionSlowSeconds = v }, isInteger: true);
        Add("auctionInsolventSeconds", 60, Day, "seconds", "Insolvent auction length (cover grows to the deficit). Derive insolventAuctionLength 60 min.",
            p => p.AuctionInsolventSeconds, (p, v) => p with { AuctionInsolventSeconds = v }, isInteger: true);
        Add("auctionBufferMarginFraction", 0, 1, "ratio", "Buffer margin BM = MM + this·(MM − equity). Derive bufferMarginPercentage 0.15.",
            p => p.AuctionBufferMarginFraction, (p, v) => p with { AuctionBufferMarginFraction = v });
        Add("liquidationPenaltyFraction", 0, 0.5, "ratio of requirement released", "Incremental close penalty. Ballast default 0.1 (cf. Derive liquidatorFeeRate).",
            p => p.LiquidationPenaltyFraction, (p, v) => p with { LiquidationPenaltyFraction = v });
        Add("liquidationBufferFraction", 0, 1, "ratio of requirement", "Incremental close target MM balance. Ballast default 0.15.",
            p => p.LiquidationBufferFraction, (p, v) => p with { LiquidationBufferFraction = v });
        Add("liquidatorPenaltyShare", 0, 1, "ratio of penalty", "Liquidator's share. Lyra v1 liquidatorFeeRatio 0.4; with the fund's share ≤ 1.",
            p => p.LiquidatorPenaltyShare, (p, v) => p with { LiquidatorPenaltyShare = v });
        Add("insuranceFundPenaltyShare", 0, 1, "ratio of penalty", "Insurance fund's share; LPs get the rest. Lyra v1 smFeeRatio 0.3.",
            p => p.InsuranceFundPenaltyShare, (p, v) => p with { InsuranceFundPenaltyShare = v });
        Add("liquidationAuctionThreshold", 0, 1e12, "quote", "Accounts with a larger maintenance requirement are liquidated by Dutch auction, not incremental close. Ballast default 1,000,000.",
            p => p.LiquidationAuctionThreshold, (p, v) => p with { LiquidationAuctionThreshold = v });
    }
}
