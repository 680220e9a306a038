namespace Ballast.Engine.Commands;

/// <summary>Removes a strike with no open positions from its board (Governor).</summary>
/// <param name="By">Governor principal.</param>
/// <param name="Expiry">The board's expiry, Unix seconds.</param>
/// <param name="Strike">Strike in quote units.</param>
public sealed record DelistStrike(Principal By, long Expiry, decimal Strike) : Command(By);
