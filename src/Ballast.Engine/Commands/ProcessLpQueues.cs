namespace Ballast.Engine.Commands;

/// <summary>
/// Processes due LP deposits and withdrawals (Lyra <c>processDepositQueue</c>/<c>processWithdrawalQueue</c>) after
/// firing any circuit breaker the book trips. A Keeper processes requests past their delay while no breaker is
/// active and the Greek cache is fresh; an Admin acts as Lyra's guardian and may also process requests older than
/// the guardian delay through a breaker or a stale cache.
/// </summary>
/// <param name="By">Keeper (<see cref="Pool.ProcessingAuthority.Keeper"/>) or Admin (<see cref="Pool.ProcessingAuthority.Guardian"/>).</param>
/// <param name="Limit">Most requests to process in this command, ≥ 1.</param>
public sealed record ProcessLpQueues(Principal By, int Limit = 100) : PoolCommand(By);
