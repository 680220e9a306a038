namespace Ballast.Engine.Margin;

/// <summary>
/// The margin engine's view of one trader account: collateral balances and option positions.
/// The vault state machine owns the real account; it builds this view to call the pure calculators.
/// </summary>
/// <param name="QuoteCollateral">Collateral in the quote asset (e.g. USDC), quote units. May be negative after losses (a debt).</param>
/// <param name="BaseCollateral">Collateral in the base asset (e.g. ETH), base units (≥ 0); valued at spot × a haircut.</param>
/// <param name="Positions">Option positions (trader's side; short = negative quantity).</param>
/// <param name="Mode">Standard or portfolio margin.</param>
public sealed record TraderAccount(decimal QuoteCollateral, decimal BaseCollateral, IReadOnlyList<MarginPosition> Positions, MarginMode Mode)
{
    /// <summary>An account with quote collateral only.</summary>
    public static TraderAccount WithQuote(decimal quote, IReadOnlyList<MarginPosition> positions, MarginMode mode = MarginMode.Standard)
        => new(quote, 0m, positions, mode);
}
