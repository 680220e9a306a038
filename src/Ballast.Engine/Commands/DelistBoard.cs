namespace Ballast.Engine.Commands;

/// <summary>Removes a board with no open positions (Governor). Boards with positions are settled instead.</summary>
/// <param name="By">Governor principal.</param>
/// <param name="Expiry">The board's expiry, Unix seconds.</param>
public sealed record DelistBoard(Principal By, long Expiry) : Command(By);
