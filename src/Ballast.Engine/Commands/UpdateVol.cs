namespace Ballast.Engine.Commands;

/// <summary>Resets a board's base IV and (optionally) strikes' skews from a vol oracle (Oracle); refreshes that board's Greeks.</summary>
/// <param name="By">Oracle principal.</param>
/// <param name="Expiry">The board's expiry, Unix seconds.</param>
/// <param name="BaseIv">New base implied volatility (annualised).</param>
/// <param name="Skews">New skews of listed strikes (others keep theirs); may be empty.</param>
/// <param name="ObservedAt">When the oracle observed it, Unix seconds (≤ now).</param>
/// <param name="Confidence">Oracle confidence in [0, 1]; quoting on this board stops below the floor parameter.</param>
public sealed record UpdateVol(Principal By, long Expiry, double BaseIv, IReadOnlyList<StrikeSkew> Skews, long ObservedAt, double Confidence = 1.0) : Command(By);

/// <summary>One strike's skew multiplier.</summary>
/// <param name="Strike">Strike in quote units.</param>
/// <param name="Skew">Skew multiplier (vol = base IV × skew).</param>
public readonly record struct StrikeSkew(decimal Strike, double Skew);
