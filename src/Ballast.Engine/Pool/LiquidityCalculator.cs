namespace Ballast.Engine.Pool;

/// <summary>
/// Free liquidity and utilisation (Lyra v1 Newport <c>LiquidityPool._getLiquidity</c>): quote is taken, in order, by
/// settlements and queued deposits (not the pool's), collateral reserved for the vault's short options (scaled by
/// <see cref="PoolParameters.PutCollateralScalingFactor"/> / <see cref="PoolParameters.CallCollateralScalingFactor"/>),
/// hedging, and the value of queued withdrawals; what remains is free for trading. Each use is capped at what is left,
/// so no amount goes negative.
/// </summary>
public static class LiquidityCalculator
{
    /// <summary>Splits the vault's quote into its uses.</summary>
    /// <param name="inputs">Balances and reservations (quote units; call collateral in base units).</param>
    /// <param name="parameters">Pool parameters (collateral scaling factors).</param>
    /// <returns>The split, or a typed refusal.</returns>
    public static LiquiditySnapshot Compute(in LiquidityInputs inputs, PoolParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (inputs.QuoteBalance < 0 || inputs.OutstandingSettlements < 0 || inputs.QueuedDeposits < 0 || inputs.LockedPutCollateral < 0
            || inputs.LockedCallCollateral < 0 || inputs.UsedForHedging < 0 || inputs.ReservedForQueuedWithdrawals < 0)
            return new(0, 0, 0, 0, 0, LiquidityInputError.NegativeAmount);
        if (inputs.Spot <= 0) return new(0, 0, 0, 0, 0, LiquidityInputError.NonPositiveSpot);

        decimal available = Take(inputs.QuoteBalance, inputs.OutstandingSettlements + inputs.QueuedDeposits, out _);
        // Lyra Newport: reservedCollat = lockedQuote·putCollatScalingFactor + lockedBase·spot·callCollatScalingFactor.
        decimal wantedCollateral = inputs.LockedPutCollateral * parameters.PutCollateralScalingFactor
            + inputs.LockedCallCollateral * inputs.Spot * parameters.CallCollateralScalingFactor;
        available = Take(available, wantedCollateral, out decimal collateral);
        available = Take(available, inputs.UsedForHedging, out decimal hedging);
        decimal burnable = available;
        available = Take(available, inputs.ReservedForQueuedWithdrawals, out decimal reserved);
        return new(collateral, hedging, reserved, available, burnable, LiquidityInputError.None);
    }

    private static decimal Take(decimal available, decimal wanted, out decimal taken)
    {
        taken = wanted < available ? wanted : available;
        return available - taken;
    }
}
