namespace Ballast.Engine.State;

/// <summary>A validated parameter change waiting for its effective time.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Value">New value.</param>
/// <param name="EffectiveAt">Unix seconds.</param>
/// <param name="Sequence">Schedule order (ties at the same time apply in this order).</param>
public readonly record struct PendingParameterChange(string Name, double Value, long EffectiveAt, long Sequence);
