namespace Ballast.Engine.Commands;

/// <summary>
/// Settles an expired board against the oracle's current spot (Oracle or Admin). Requires now ≥ expiry and a spot
/// observed at or after expiry; pays every position and releases collateral in one event.
/// </summary>
/// <param name="By">Oracle or Admin principal.</param>
/// <param name="Expiry">The board's expiry, Unix seconds.</param>
public sealed record SettleBoard(Principal By, long Expiry) : Command(By);
