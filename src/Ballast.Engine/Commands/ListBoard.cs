namespace Ballast.Engine.Commands;

/// <summary>Lists a new board (expiry) with its base implied volatility (Governor).</summary>
/// <param name="By">Governor principal.</param>
/// <param name="Expiry">Expiry, Unix seconds (UTC); after now plus the trading cutoff.</param>
/// <param name="BaseIv">Base implied volatility of the board (annualised, 0.8 = 80%).</param>
public sealed record ListBoard(Principal By, long Expiry, double BaseIv) : Command(By);
