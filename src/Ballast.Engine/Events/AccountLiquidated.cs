using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>
/// One incremental liquidation step, applied atomically: the vault closed <paramref name="Fraction"/> of every position of
/// <paramref name="Account"/> at mark, the account received <paramref name="CloseCash"/> (negative: paid) and paid
/// <paramref name="Penalty"/>, split exactly into the three parts (quote money throughout).
/// </summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Account">The liquidated account.</param>
/// <param name="Liquidator">The keeper's account, credited with <paramref name="PenaltyToLiquidator"/>.</param>
/// <param name="Fraction">Fraction of every position closed, in (0, 1].</param>
/// <param name="Closed">Position changes, in canonical series order.</param>
/// <param name="CloseCash">Quote moved from the vault's capital to the account for the closed positions at mark.</param>
/// <param name="Penalty">Penalty charged to the account (≥ 0).</param>
/// <param name="PenaltyToLiquidator">Liquidator's part (Lyra v1: 40 %).</param>
/// <param name="PenaltyToInsuranceFund">Insurance (security) fund's part (Lyra v1: 30 %).</param>
/// <param name="PenaltyToLps">LPs' part, added to the vault's capital: the exact remainder.</param>
public sealed record AccountLiquidated(
    long Time, AccountId Account, AccountId Liquidator, decimal Fraction, IReadOnlyList<LiquidatedPosition> Closed,
    decimal CloseCash, decimal Penalty, decimal PenaltyToLiquidator, decimal PenaltyToInsuranceFund, decimal PenaltyToLps) : Event(Time);
