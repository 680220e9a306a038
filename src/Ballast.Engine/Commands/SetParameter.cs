namespace Ballast.Engine.Commands;

/// <summary>Changes one governance parameter, validated against its bounds, from <paramref name="EffectiveAt"/> on (Governor).</summary>
/// <param name="By">Governor principal.</param>
/// <param name="Name">Parameter name as in the parameter catalog.</param>
/// <param name="Value">New value.</param>
/// <param name="EffectiveAt">When it takes effect, Unix seconds (≤ now means at once).</param>
public sealed record SetParameter(Principal By, string Name, double Value, long EffectiveAt) : Command(By);
