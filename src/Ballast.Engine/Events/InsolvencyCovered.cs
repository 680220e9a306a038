using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>
/// A fully liquidated account was left with a negative quote balance: the insurance fund paid what it could and the
/// rest was socialised to the LPs (taken from the vault's capital). Shortfall = InsurancePayout + SocialisedLoss exactly;
/// the account's quote balance returns to zero.
/// </summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Account">The insolvent account.</param>
/// <param name="Shortfall">The account's deficit (quote, &gt; 0).</param>
/// <param name="InsurancePayout">Paid by the insurance fund.</param>
/// <param name="SocialisedLoss">Borne by the LPs.</param>
public sealed record InsolvencyCovered(long Time, AccountId Account, decimal Shortfall, decimal InsurancePayout, decimal SocialisedLoss) : Event(Time);
