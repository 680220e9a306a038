namespace Ballast.Engine.Commands;

/// <summary>
/// A liquidity-pool command (LP deposits and withdrawals, queue processing, pool set-up). <see cref="Vault.Decide"/>
/// hands every one of them to the pool rules in <c>Vault.Pool.cs</c>; their events are <see cref="Pool.Events.PoolEvent"/>s.
/// </summary>
/// <param name="By">Who asks; each pool command names the role it requires.</param>
public abstract record PoolCommand(Principal By) : Command(By);
