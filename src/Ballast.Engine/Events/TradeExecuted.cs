using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;

namespace Ballast.Engine.Events;

/// <summary>
/// A trade was filled. One event carries what DESIGN.md lists as TradeExecuted, InventoryChanged and FeesAccrued so
/// that a fill is applied atomically: positions, collateral lock, money, base IV/skew and the strike's Greeks.
/// </summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Account">The trader.</param>
/// <param name="Series">The series.</param>
/// <param name="Direction">The trader's side.</param>
/// <param name="Size">Options traded, &gt; 0.</param>
/// <param name="Payment">Money moved between trader and vault in the market's payment asset: paid by the trader on a buy, received on a sell (≥ 0, already rounded in the vault's favour).</param>
/// <param name="Fees">Part of the vault's side of <paramref name="Payment"/> recorded as accrued fees (≥ 0).</param>
/// <param name="NewBaseIv">The board's base IV after the trade.</param>
/// <param name="NewSkew">The strike's skew after the trade.</param>
/// <param name="ForceClose">True when priced as a force close (GWAV vol with shock; vols not moved).</param>
public sealed record TradeExecuted(
    long Time, AccountId Account, SeriesId Series, TradeDirection Direction, decimal Size,
    decimal Payment, decimal Fees, double NewBaseIv, double NewSkew, bool ForceClose) : Event(Time);
