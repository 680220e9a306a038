namespace Ballast.Simulation.Metrics;

/// <summary>
/// Parts of the vault's PnL (quote units). Market moves between steps are split by a second-order Taylor expansion of
/// the book's value, ΔV ≈ Δ·dS + ½Γ·dS² + Σ vega_k·dσ_k + Θ·dt (Hull, Options, Futures and Other Derivatives, §19.7);
/// what the expansion misses (higher orders, cross terms) is the residual. Trades split into fees and spread capture
/// (everything else a fill changes NAV by: premium against the mark, the traded strike's revaluation at the new vol).
/// </summary>
public enum PnlComponent
{
    /// <summary>Fees the engine recorded on fills (<c>TradeExecuted.Fees</c>).</summary>
    Fees = 0,
    /// <summary>NAV change of fills minus their fees: premium against the model mark plus vol-impact revaluation.</summary>
    SpreadCapture,
    /// <summary>Δ·dS over each step, Δ including the vault's base holdings.</summary>
    Delta,
    /// <summary>½Γ·dS² over each step.</summary>
    Gamma,
    /// <summary>Σ per-strike vega × change of its cached vol (oracle resets and trade impact reaching other strikes).</summary>
    Vega,
    /// <summary>Θ·dt (engine theta per year = −∂V/∂T).</summary>
    Theta,
    /// <summary>Market move not explained by the Taylor terms.</summary>
    Residual,
    /// <summary>NAV change when boards settle (intrinsic against the last mark, rounding).</summary>
    Settlement,
    /// <summary>Hedge PnL net of costs (zero until a hedger is plugged in).</summary>
    Hedge,
    /// <summary>Liquidations of margin accounts: the LPs' share of penalties minus losses socialised to them.</summary>
    Liquidation,
}
