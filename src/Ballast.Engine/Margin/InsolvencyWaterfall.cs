namespace Ballast.Engine.Margin;

/// <summary>
/// How an insolvent account's shortfall is covered: first the insurance (security) fund, then the remainder is socialised
/// across the LPs as an explicit loss (DESIGN.md "Margin"; Derive's security module then socialised loss on cash).
/// </summary>
/// <param name="Shortfall">Deficit to cover (quote, ≥ 0).</param>
/// <param name="InsurancePayout">Paid by the insurance fund: min(fund balance, shortfall).</param>
/// <param name="SocialisedLoss">Borne by the LPs: shortfall − insurance payout.</param>
/// <param name="InsuranceFundAfter">Insurance fund balance after the payout.</param>
public readonly record struct InsolvencyWaterfall(decimal Shortfall, decimal InsurancePayout, decimal SocialisedLoss, decimal InsuranceFundAfter)
{
    /// <summary>Covers <paramref name="shortfall"/> from <paramref name="insuranceFund"/> (both ≥ 0); payout + socialised = shortfall exactly.</summary>
    public static InsolvencyWaterfall Cover(decimal shortfall, decimal insuranceFund)
    {
        if (shortfall < 0) throw new ArgumentOutOfRangeException(nameof(shortfall), "shortfall must be ≥ 0");
        if (insuranceFund < 0) throw new ArgumentOutOfRangeException(nameof(insuranceFund), "insurance fund must be ≥ 0");
        decimal payout = Math.Min(insuranceFund, shortfall);
        return new InsolvencyWaterfall(shortfall, payout, shortfall - payout, insuranceFund - payout);
    }
}
