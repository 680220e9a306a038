namespace Ballast.Engine.Volatility;

/// <summary>One kept observation of a <see cref="GwavOracle"/>.</summary>
/// <param name="TimeSeconds">When the value took effect (seconds on the engine's clock, e.g. Unix time).</param>
/// <param name="Value">The value in force from <paramref name="TimeSeconds"/> on (&gt; 0).</param>
/// <param name="LogAccumulator">Q(TimeSeconds) = ∫ ln(value(s)) ds from the oracle's first observation to
/// <paramref name="TimeSeconds"/> (Lyra GWAV's <c>q</c>, but with origin at the first observation instead of time 0).</param>
public readonly record struct GwavObservation(long TimeSeconds, double Value, double LogAccumulator);
