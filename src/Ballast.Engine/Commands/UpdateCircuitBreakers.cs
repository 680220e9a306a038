namespace Ballast.Engine.Commands;

/// <summary>A Keeper (or Admin) fires the pool's circuit breakers that the book trips now (Lyra <c>updateCBs</c>).</summary>
/// <param name="By">Keeper or Admin principal.</param>
public sealed record UpdateCircuitBreakers(Principal By) : PoolCommand(By);
