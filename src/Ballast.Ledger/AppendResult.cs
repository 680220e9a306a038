namespace Ballast.Ledger;

/// <summary>How an append ended. Only <see cref="Appended"/> and <see cref="DuplicateCommand"/> mean "durable".</summary>
public enum AppendOutcome
{
    /// <summary>The records are durable (committed and fsynced) at the sequences reported.</summary>
    Appended,

    /// <summary>The idempotency key was already applied: the original result is reported and nothing was appended.</summary>
    DuplicateCommand,

    /// <summary>The stream's last sequence was not the expected one; nothing was appended.</summary>
    ConcurrencyConflict,

    /// <summary>The writer's epoch is older than the stream's current epoch (a fenced-off writer); nothing was appended.</summary>
    StaleWriter,

    /// <summary>The store stopped after a storage failure (disk full, fsync/I/O error) and acknowledges nothing more.</summary>
    StoreHalted,

    /// <summary>The request itself was malformed (empty stream id, no records, bad type/version, oversized payload).</summary>
    InvalidRequest,
}

/// <summary>
/// The result of <see cref="IEventStore.AppendAsync"/>. For <see cref="AppendOutcome.Appended"/> and
/// <see cref="AppendOutcome.DuplicateCommand"/> the sequences are those of the (original) records; for
/// <see cref="AppendOutcome.ConcurrencyConflict"/> <see cref="CurrentSequence"/> is the stream's actual last sequence.
/// </summary>
/// <param name="Outcome">What happened.</param>
/// <param name="StreamId">Stream appended to.</param>
/// <param name="FirstSequence">First sequence written (or originally written), 0 when nothing.</param>
/// <param name="LastSequence">Last sequence written (or originally written), 0 when nothing.</param>
/// <param name="CurrentSequence">The stream's last sequence as the store saw it when deciding.</param>
/// <param name="Message">Human explanation; empty on success.</param>
public readonly record struct AppendResult(
    AppendOutcome Outcome, string StreamId, long FirstSequence, long LastSequence, long CurrentSequence, string Message)
{
    /// <summary>True when the command's records are durable: freshly appended or already applied earlier.</summary>
    public bool IsDurable => Outcome is AppendOutcome.Appended or AppendOutcome.DuplicateCommand;

    internal static AppendResult Rejected(AppendOutcome outcome, string streamId, long current, string message) =>
        new(outcome, streamId, 0, 0, current, message);
}
