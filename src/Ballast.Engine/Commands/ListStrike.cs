namespace Ballast.Engine.Commands;

/// <summary>Lists a strike (its call and put) on an existing board with its skew multiplier (Governor).</summary>
/// <param name="By">Governor principal.</param>
/// <param name="Expiry">The board's expiry, Unix seconds.</param>
/// <param name="Strike">Strike in quote units, &gt; 0.</param>
/// <param name="Skew">Skew multiplier: the strike's vol = board base IV × skew.</param>
public sealed record ListStrike(Principal By, long Expiry, decimal Strike, double Skew) : Command(By);
