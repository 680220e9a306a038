namespace Ballast.Engine.Pool;

/// <summary>
/// Pool net asset value as a pure function of the books (Lyra v1 <c>LiquidityPool._getTotalPoolValueQuote</c>).
/// Lyra reverts when the option debt exceeds the assets ("should not be possible due to being fully collateralised");
/// Ballast instead reports the insolvency and its size, so a stressed book never produces a nonsense NAV.
/// </summary>
public static class NavCalculator
{
    /// <summary>Computes NAV = quote + base·spot + hedge value − settlements − queued deposits − option liability, exactly in decimal.</summary>
    /// <param name="inputs">The books; see <see cref="NavInputs"/> for units and signs.</param>
    /// <returns>NAV (≥ 0) with insolvency flag and deficit, or a typed refusal of the inputs.</returns>
    public static NavResult Compute(in NavInputs inputs)
    {
        if (inputs.QuoteBalance < 0 || inputs.BaseBalance < 0 || inputs.OutstandingSettlements < 0 || inputs.QueuedDeposits < 0)
            return NavResult.Invalid(NavInputError.NegativeBalance, "quote, base, outstanding settlements and queued deposits must be ≥ 0");
        if (inputs.Spot <= 0) return NavResult.Invalid(NavInputError.NonPositiveSpot, $"spot must be > 0, got {inputs.Spot}");
        try
        {
            // Assets and liabilities kept apart (rather than one signed sum) so the report shows both sides.
            decimal optionAsset = inputs.OptionLiability < 0 ? -inputs.OptionLiability : 0;
            decimal optionDebt = inputs.OptionLiability > 0 ? inputs.OptionLiability : 0;
            decimal assets = inputs.QuoteBalance + inputs.BaseBalance * inputs.Spot + inputs.HedgePositionsValue + optionAsset;
            decimal liabilities = inputs.OutstandingSettlements + inputs.QueuedDeposits + optionDebt;
            decimal net = assets - liabilities;
            return net >= 0
                ? new NavResult(net, 0, assets, liabilities, NavInputError.None, null)
                : new NavResult(0, -net, assets, liabilities, NavInputError.None, null);
        }
        catch (OverflowException)
        {
            return NavResult.Invalid(NavInputError.Overflow, "NAV inputs overflow a decimal");
        }
    }
}
