namespace Ballast.Ledger.Codecs;

/// <summary>How a replay ended: events applied, the last sequence applied, and the fault that stopped it (null when it reached the head).</summary>
/// <param name="Applied">Events applied.</param>
/// <param name="LastSequence">Sequence of the last event applied (fromSequence − 1 when none).</param>
/// <param name="Fault">Why replay stopped early, or null.</param>
public sealed record ReplayOutcome(long Applied, long LastSequence, LedgerFault? Fault);

/// <summary>
/// Replays a stream through a decoder into the caller's apply function, verifying the chain as it reads. It stops
/// at the first record it cannot trust or understand — corruption, or an event of a newer version than this
/// build knows — and says which; it never skips a record.
/// </summary>
public static class EventReplay
{
    /// <summary>Replays <paramref name="streamId"/> from <paramref name="fromSequence"/> (e.g. a snapshot's sequence + 1).</summary>
    public static async Task<ReplayOutcome> ReplayAsync<TEvent>(
        IEventStore store, string streamId, long fromSequence, EventDecoder<TEvent> decoder, Action<LedgerRecord, TEvent> apply,
        CancellationToken cancellationToken = default)
    {
        long applied = 0, last = fromSequence - 1;
        try
        {
            await foreach (var record in store.ReadAsync(streamId, fromSequence, verify: true, cancellationToken))
            {
                var decoded = decoder.Decode(record);
                if (decoded.Error != DecodeError.None)
                {
                    var kind = decoded.Error == DecodeError.UnknownNewerVersion ? LedgerFaultKind.UnknownEventVersion : LedgerFaultKind.UndecodableEvent;
                    return new ReplayOutcome(applied, last, new LedgerFault(kind, decoded.Message, streamId, record.Sequence));
                }

                apply(record, decoded.Event!);
                applied++;
                last = record.Sequence;
            }
        }
        catch (LedgerCorruptionException e)
        {
            return new ReplayOutcome(applied, last, e.Fault);
        }

        return new ReplayOutcome(applied, last, null);
    }
}
