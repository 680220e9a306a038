namespace Ballast.Ledger;

/// <summary>
/// One durable record of a stream as stored: the appended event plus what the store added (sequence, time,
/// command key, writer epoch and the chained checksum, see <see cref="Storage.RecordChecksum"/>).
/// </summary>
/// <param name="StreamId">The stream (vault) the record belongs to.</param>
/// <param name="Sequence">Position in the stream: 1, 2, 3, … with no gaps.</param>
/// <param name="EventType">Event type name.</param>
/// <param name="EventVersion">Payload schema version for <paramref name="EventType"/>.</param>
/// <param name="Payload">Serialized event.</param>
/// <param name="TimestampUtcTicks">When the batch holding the record was committed, from the store's injected clock (UTC ticks, 100 ns).</param>
/// <param name="IdempotencyKey">Key of the command whose append produced the record.</param>
/// <param name="WriterEpoch">Fencing token of the writer that appended it.</param>
/// <param name="Checksum">SHA-256 over the previous record's checksum ‖ this header ‖ payload (32 bytes).</param>
public sealed record LedgerRecord(
    string StreamId,
    long Sequence,
    string EventType,
    int EventVersion,
    ReadOnlyMemory<byte> Payload,
    long TimestampUtcTicks,
    string IdempotencyKey,
    long WriterEpoch,
    byte[] Checksum)
{
    /// <summary>The commit time as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Timestamp => new(TimestampUtcTicks, TimeSpan.Zero);
}
