namespace Ballast.Engine.Pool.Events;

/// <summary>A circuit breaker fired (or fired again): queues pause until <see cref="ActiveUntil"/> (Lyra <c>CBTimestamp</c>).</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Kind">Which breaker.</param>
/// <param name="ActiveUntil">Unix seconds; the breaker is active while now ≤ this (Lyra processes only when CBTimestamp &lt; now).</param>
public sealed record CircuitBreakerTripped(long Time, CircuitBreakerKind Kind, long ActiveUntil) : PoolEvent(Time);
