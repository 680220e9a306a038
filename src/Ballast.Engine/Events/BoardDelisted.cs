namespace Ballast.Engine.Events;

/// <summary>A board without positions was removed.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Expiry">The board's expiry, Unix seconds.</param>
public sealed record BoardDelisted(long Time, long Expiry) : Event(Time);
