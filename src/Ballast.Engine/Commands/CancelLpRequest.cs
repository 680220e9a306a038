namespace Ballast.Engine.Commands;

/// <summary>An LP cancels what remains of its own queued deposit (quote refunded) or withdrawal (shares returned).</summary>
/// <param name="By">LiquidityProvider principal that owns the request.</param>
/// <param name="RequestId">The request's id (from its DepositRequested/WithdrawalRequested event).</param>
public sealed record CancelLpRequest(Principal By, long RequestId) : PoolCommand(By);
