using Ballast.Engine.Markets;

namespace Ballast.Engine.Commands;

/// <summary>
/// A keeper (Keeper or Admin) ends a running liquidation auction whose account no longer needs it: its maintenance margin
/// balance is ≥ 0 again (a deposit or a price move restored it; Derive <c>terminateAuction</c>) or it holds no positions.
/// </summary>
/// <param name="By">Keeper or Admin principal.</param>
/// <param name="Account">The auctioned account.</param>
public sealed record EndLiquidationAuction(Principal By, AccountId Account) : Command(By);
