using Ballast.Engine.Markets;
using Ballast.Engine.Pool;

namespace Ballast.Engine.Commands;

/// <summary>
/// Admin sets up the liquidity pool once: its tranches and parameters. Whatever NAV the vault already holds (capital
/// deposited before the pool existed, fees) is minted as shares of the most junior tranche, at its initial share
/// price, to <paramref name="SeedOwner"/>, so every quote of NAV has an owner from the first event on.
/// </summary>
/// <param name="By">Admin principal.</param>
/// <param name="Tranches">Tranches (see <see cref="TrancheConfig.Validate"/>).</param>
/// <param name="Parameters">Pool parameters (see <see cref="PoolParameters.Validate"/>); quote decimals must match the market's.</param>
/// <param name="SeedOwner">Receives the junior shares for the NAV present at opening.</param>
public sealed record OpenPool(Principal By, IReadOnlyList<TrancheConfig> Tranches, PoolParameters Parameters, AccountId SeedOwner) : PoolCommand(By);
