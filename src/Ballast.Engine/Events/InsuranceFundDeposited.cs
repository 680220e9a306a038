namespace Ballast.Engine.Events;

/// <summary>Quote money entered the insurance fund.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Amount">Quote amount, &gt; 0.</param>
public sealed record InsuranceFundDeposited(long Time, decimal Amount) : Event(Time);
