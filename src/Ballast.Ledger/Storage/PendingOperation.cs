namespace Ballast.Ledger.Storage;

/// <summary>A write waiting for the single writer loop; completed after its batch commits (or fails).</summary>
internal abstract class PendingOperation(string streamId)
{
    public string StreamId { get; } = streamId;

    /// <summary>Completes the caller with "store halted" (nothing of this operation was acknowledged).</summary>
    public abstract void CompleteHalted(LedgerFault fault);

    /// <summary>Completes the caller with the result decided inside the batch (after commit).</summary>
    public abstract void CompleteDecided();
}

internal sealed class AppendOperation(string streamId, long expected, IReadOnlyList<NewRecord> records, string key, long epoch)
    : PendingOperation(streamId)
{
    public long ExpectedSequence { get; } = expected;
    public IReadOnlyList<NewRecord> Records { get; } = records;
    public string IdempotencyKey { get; } = key;
    public long WriterEpoch { get; } = epoch;
    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public AppendResult Decided { get; set; }

    public override void CompleteHalted(LedgerFault fault) =>
        Completion.TrySetResult(AppendResult.Rejected(AppendOutcome.StoreHalted, StreamId, 0, fault.Message));

    public override void CompleteDecided() => Completion.TrySetResult(Decided);
}

internal sealed class ClaimEpochOperation(string streamId) : PendingOperation(streamId)
{
    public TaskCompletionSource<long?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public long Decided { get; set; }
    public override void CompleteHalted(LedgerFault fault) => Completion.TrySetResult(null);
    public override void CompleteDecided() => Completion.TrySetResult(Decided);
}

internal sealed class SnapshotOperation(string streamId, long sequence, byte[] stateHash, byte[] state) : PendingOperation(streamId)
{
    public long Sequence { get; } = sequence;
    public byte[] StateHash { get; } = stateHash;
    public byte[] State { get; } = state;
    public TaskCompletionSource<SnapshotSaveOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public SnapshotSaveOutcome Decided { get; set; }
    public override void CompleteHalted(LedgerFault fault) => Completion.TrySetResult(SnapshotSaveOutcome.StoreHalted);
    public override void CompleteDecided() => Completion.TrySetResult(Decided);
}
