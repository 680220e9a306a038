using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>Money entered a trader's free balance.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Account">The trader.</param>
/// <param name="Asset">Quote or base.</param>
/// <param name="Amount">Amount, &gt; 0.</param>
public sealed record CollateralDeposited(long Time, AccountId Account, Asset Asset, decimal Amount) : Event(Time);
