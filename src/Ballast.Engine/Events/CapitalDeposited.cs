using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>Money entered the vault's capital.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Provider">Who provided it.</param>
/// <param name="Asset">Quote or base.</param>
/// <param name="Amount">Amount, &gt; 0.</param>
public sealed record CapitalDeposited(long Time, AccountId Provider, Asset Asset, decimal Amount) : Event(Time);
