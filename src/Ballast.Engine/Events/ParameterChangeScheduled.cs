namespace Ballast.Engine.Events;

/// <summary>A validated parameter change that takes effect at <paramref name="EffectiveAt"/>.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Name">Parameter name.</param>
/// <param name="Value">New value.</param>
/// <param name="EffectiveAt">When it takes effect, Unix seconds.</param>
public sealed record ParameterChangeScheduled(long Time, string Name, double Value, long EffectiveAt) : Event(Time);
