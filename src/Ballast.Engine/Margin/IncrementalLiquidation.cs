namespace Ballast.Engine.Margin;

/// <summary>
/// Deribit-style incremental liquidation: the vault closes the smallest fraction of the account's positions at mark that
/// brings the maintenance balance back to a buffer, charging a penalty (Deribit closes "only as much as needed"; penalty per
/// Derive <c>liquidatorFeeRate</c>). Pure: returns a plan; the engine applies it.
/// </summary>
/// <remarks>
/// Closed form. Let R be the MM requirement, MM the MM balance, V = Σ q·mark, V_in = V in portfolio mode (the margin collateral
/// already contains V) else 0, π the penalty fraction of the requirement released and b the buffer. Closing f at mark and paying
/// π·f·R gives MM(f) = MM + f·(V − V_in) + f·R − π·f·R (requirement homogeneous, see <see cref="LiquidationAuction"/>). The target
/// MM(f) ≥ b·(1−f)·R gives f* = (b·R − MM) / (V − V_in + (1 − π + b)·R); f = 1 when the denominator is ≤ 0 or f* ≥ 1.
/// f* is rounded UP to 18 places (the step is never smaller than needed). The penalty is capped at the account's equity so a
/// penalty never creates a shortfall by itself.
/// </remarks>
public static class IncrementalLiquidation
{
    /// <summary>Plans one step for a liquidatable account (MM &lt; 0).</summary>
    public static IncrementalClose Plan(MarginResult margin, LiquidationParameters parameters)
    {
        if (margin.MaintenanceMargin >= 0) return new IncrementalClose(LiquidationRejection.NotLiquidatable, 0, 0, 0);
        decimal r = margin.MaintenanceRequirement, mm = margin.MaintenanceMargin, v = margin.PositionValue;
        decimal vIn = margin.Mode == MarginMode.Portfolio ? v : 0m;
        decimal pi = parameters.IncrementalPenaltyFraction, b = parameters.IncrementalBufferFraction;
        decimal need = b * r - mm;
        decimal denominator = v - vIn + (1m - pi + b) * r;
        decimal f = denominator <= 0 || need >= denominator
            ? 1m
            : Math.Min(1m, Math.Round(need / denominator, LiquidationAuction.FractionScale, MidpointRounding.ToPositiveInfinity));
        decimal closeCash = MarginMoney.Floor(f * v);
        decimal penalty = Math.Min(MarginMoney.Ceiling(pi * f * r), Math.Max(0m, margin.Equity));
        return new IncrementalClose(LiquidationRejection.None, f, closeCash, penalty);
    }

    /// <summary>The account after the step: positions scaled by (1 − f), quote collateral + close cash − penalty.</summary>
    public static TraderAccount Apply(TraderAccount account, IncrementalClose step)
    {
        if (step.Rejection != LiquidationRejection.None) throw new ArgumentException("cannot apply a rejected liquidation step", nameof(step));
        double keep = (double)(1m - step.Fraction);
        return account with
        {
            QuoteCollateral = account.QuoteCollateral + step.CloseCashToAccount - step.Penalty,
            Positions = account.Positions.Select(p => p.Scaled(keep)).ToArray(),
        };
    }
}
