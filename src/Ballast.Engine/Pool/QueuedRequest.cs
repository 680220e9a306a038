using Ballast.Engine.Markets;

namespace Ballast.Engine.Pool;

/// <summary>A deposit or withdrawal waiting in a tranche's FIFO queue.</summary>
/// <param name="Id">Pool-wide request number, from 1.</param>
/// <param name="Account">Owner: the only account that may cancel it, and who receives shares or quote.</param>
/// <param name="Tranche">Tranche name.</param>
/// <param name="IsDeposit">True for a deposit (amount in quote), false for a withdrawal (amount in shares).</param>
/// <param name="Amount">Remaining quote (deposit) or shares (withdrawal), &gt; 0.</param>
/// <param name="RequestedAt">Unix seconds when queued.</param>
public sealed record QueuedRequest(long Id, AccountId Account, string Tranche, bool IsDeposit, decimal Amount, long RequestedAt);
