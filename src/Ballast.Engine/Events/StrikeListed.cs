namespace Ballast.Engine.Events;

/// <summary>A strike (call and put) was listed on a board.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Expiry">The board's expiry, Unix seconds.</param>
/// <param name="Strike">Strike in quote units.</param>
/// <param name="Skew">Initial skew multiplier.</param>
public sealed record StrikeListed(long Time, long Expiry, decimal Strike, double Skew) : Event(Time);
