using Ballast.Engine.Markets;

namespace Ballast.Engine.Commands;

/// <summary>
/// A keeper (Keeper or Admin) liquidates a margin-mode account whose maintenance margin balance is negative: the vault
/// closes the smallest fraction of every position at mark that restores the buffer (Deribit-style incremental close,
/// <see cref="Margin.IncrementalLiquidation"/>), charging a penalty split between the keeper, the insurance fund and the LPs.
/// </summary>
/// <param name="By">Keeper or Admin principal; the liquidator's part of the penalty goes to <c>By.Account</c>.</param>
/// <param name="Account">The account to liquidate.</param>
public sealed record Liquidate(Principal By, AccountId Account) : Command(By);
