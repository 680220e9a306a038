namespace Ballast.Ledger;

/// <summary>Why the ledger refused to start, stopped a read, or halted its writer.</summary>
public enum LedgerFaultKind
{
    /// <summary>The database's schema version is newer than this build knows: upgrade Ballast, never downgrade data.</summary>
    SchemaTooNew,

    /// <summary>The database needs migrations that a read-only open may not apply.</summary>
    SchemaOutdated,

    /// <summary>A record's checksum does not match its content and its predecessor's checksum (not at the torn tail).</summary>
    ChecksumMismatch,

    /// <summary>A sequence number is missing inside a stream.</summary>
    SequenceGap,

    /// <summary>The stream's recorded head and its stored records disagree.</summary>
    HeadMismatch,

    /// <summary>A write, commit or fsync failed; the store halted rather than acknowledge anything further.</summary>
    WriteFailed,

    /// <summary>An event has a version newer than the codec knows; replay stops instead of guessing.</summary>
    UnknownEventVersion,

    /// <summary>An event's type is unknown, an upcaster is missing, or its payload cannot be decoded.</summary>
    UndecodableEvent,

    /// <summary>The store was closed, or opened read-only.</summary>
    Closed,
}

/// <summary>A fault with the stream and sequence it concerns when known, and a message fit for an operator.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">Human explanation naming the stream and sequence.</param>
/// <param name="StreamId">Stream concerned, if any.</param>
/// <param name="Sequence">Sequence concerned, if any.</param>
public sealed record LedgerFault(LedgerFaultKind Kind, string Message, string? StreamId = null, long? Sequence = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Message}";
}

/// <summary>
/// Thrown out of a read when the log itself is corrupt (checksum mismatch or gap in the middle of a stream).
/// Corruption is never skipped: the reader stops here and the vault must not start on this log.
/// </summary>
public sealed class LedgerCorruptionException(LedgerFault fault) : Exception(fault.Message)
{
    /// <summary>The fault, with stream and sequence.</summary>
    public LedgerFault Fault { get; } = fault;
}
