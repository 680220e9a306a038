using Ballast.Engine.Markets;

namespace Ballast.Engine.Commands;

/// <summary>
/// A keeper (Keeper or Admin) starts a Dutch liquidation auction (Derive <c>DutchAuction.startAuction</c>) for a margin-mode
/// account whose maintenance margin balance is negative. While it runs the account can neither trade nor withdraw; bidders
/// take parts of it with <see cref="BidLiquidationAuction"/>.
/// </summary>
/// <param name="By">Keeper or Admin principal.</param>
/// <param name="Account">The account to auction.</param>
public sealed record StartLiquidationAuction(Principal By, AccountId Account) : Command(By);
