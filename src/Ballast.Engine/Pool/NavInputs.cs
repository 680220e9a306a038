namespace Ballast.Engine.Pool;

/// <summary>
/// What the engine knows about the vault's books at one instant, in money (quote units unless said otherwise). The NAV
/// definition follows Lyra v1 <c>LiquidityPool._getTotalPoolValueQuote</c>: quote + base·spot + hedge value − outstanding
/// settlements − queued deposits − net option value owed to traders (valued at GWAV vols, Lyra
/// <c>OptionGreekCache.getGlobalOptionValue</c>).
/// </summary>
/// <param name="QuoteBalance">Quote the vault holds (including queued deposits and reserved settlements), ≥ 0.</param>
/// <param name="BaseBalance">Base the vault holds, in units of the underlying, ≥ 0.</param>
/// <param name="Spot">Price of one unit of base in quote, &gt; 0.</param>
/// <param name="HedgePositionsValue">Marked value of hedge positions (margin + unrealised PnL), quote, signed; 0 until hedging exists.</param>
/// <param name="OutstandingSettlements">Quote reserved for settled options not yet paid out, ≥ 0.</param>
/// <param name="QueuedDeposits">Quote received for deposits not yet processed (not the pool's yet), ≥ 0.</param>
/// <param name="OptionLiability">Net value of the vault's option book owed to traders at GWAV vols, quote; negative when the vault is net long options (an asset).</param>
public readonly record struct NavInputs(
    decimal QuoteBalance,
    decimal BaseBalance,
    decimal Spot,
    decimal HedgePositionsValue,
    decimal OutstandingSettlements,
    decimal QueuedDeposits,
    decimal OptionLiability);
