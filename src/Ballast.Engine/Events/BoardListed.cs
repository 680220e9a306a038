namespace Ballast.Engine.Events;

/// <summary>A board (expiry) was listed.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Expiry">Expiry, Unix seconds.</param>
/// <param name="BaseIv">Initial base IV (annualised).</param>
public sealed record BoardListed(long Time, long Expiry, double BaseIv) : Event(Time);
