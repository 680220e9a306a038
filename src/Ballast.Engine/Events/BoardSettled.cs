using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>An expired board was settled: every position closed, payoffs paid, collateral released; the board is removed.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Expiry">The board's expiry, Unix seconds.</param>
/// <param name="SettlementPrice">Oracle spot used, quote units.</param>
/// <param name="Payouts">One row per (account, series) position, sorted by account then series.</param>
public sealed record BoardSettled(long Time, long Expiry, decimal SettlementPrice, IReadOnlyList<SettlementPayout> Payouts) : Event(Time);

/// <summary>How one position settled.</summary>
/// <param name="Account">Holder.</param>
/// <param name="Series">Series.</param>
/// <param name="Position">Trader's signed size that settled.</param>
/// <param name="Asset">Asset the payoff moved in.</param>
/// <param name="ToTrader">Signed payoff: &gt; 0 the vault paid the (long) trader; &lt; 0 the (short) trader paid the vault from its released collateral.</param>
public readonly record struct SettlementPayout(AccountId Account, SeriesId Series, decimal Position, Asset Asset, decimal ToTrader);
