using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>
/// A fully liquidated account was left with a negative quote balance: its base collateral was seized first (sold to the vault
/// at spot), then the insurance fund paid what it could and the rest was socialised to the LPs (taken from the vault's
/// capital). Shortfall = BaseSeizedValue + InsurancePayout + SocialisedLoss exactly; the account's quote balance returns to
/// zero or just above (seizure rounds in the vault's favour).
/// </summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Account">The insolvent account.</param>
/// <param name="Shortfall">The account's deficit (quote, &gt; 0).</param>
/// <param name="InsurancePayout">Paid by the insurance fund.</param>
/// <param name="SocialisedLoss">Borne by the LPs.</param>
/// <param name="BaseSeized">Base units moved from the account to the vault's capital (0 in ledgers written before seizure existed).</param>
/// <param name="BaseSeizedValue">Quote credited to the account for them, taken from the vault's quote capital.</param>
public sealed record InsolvencyCovered(long Time, AccountId Account, decimal Shortfall, decimal InsurancePayout, decimal SocialisedLoss,
    decimal BaseSeized = 0m, decimal BaseSeizedValue = 0m) : Event(Time);
