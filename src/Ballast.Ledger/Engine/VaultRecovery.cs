using Ballast.Engine.Events;
using Ballast.Engine.State;
using Ballast.Ledger.Codecs;

namespace Ballast.Ledger.Engine;

/// <summary>
/// Start-up and snapshots for an engine vault stream: <see cref="RecoverAsync"/> = latest valid snapshot + replay of
/// the tail (a snapshot whose events do not reproduce its stored hash is discarded and reported);
/// <see cref="SaveSnapshotAsync"/> writes one from the verified ledger.
/// </summary>
public static class VaultRecovery
{
    /// <summary>
    /// Rebuilds the vault of <paramref name="streamId"/>. Stops at the first record it cannot trust or understand and
    /// says which (<see cref="RecoveredVault.Fault"/>); never skips one.
    /// </summary>
    public static async Task<RecoveredVault> RecoverAsync(IEventStore store, string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        VaultState? restored = null;
        var refused = new Dictionary<long, string>();
        var load = await store.LoadLatestValidSnapshotAsync(streamId, snapshot =>
        {
            if (!VaultSnapshot.TryRestore(snapshot.State.Span, snapshot.Sequence, out var state, out string reason))
            {
                refused[snapshot.Sequence] = reason;
                return false;
            }

            var hash = Convert.FromHexString(state.StateHash());
            if (!hash.AsSpan().SequenceEqual(snapshot.StateHash.Span))
            {
                refused[snapshot.Sequence] = "its events replay to a different state hash than it records";
                return false;
            }

            restored = state;
            return true;
        }, cancellationToken);

        var discarded = load.Discarded
            .Select(d => $"snapshot at sequence {d.Sequence} discarded: " + (d.Reason switch
            {
                SnapshotRejection.ChecksumMismatch => "its checksum does not match its bytes",
                SnapshotRejection.BeyondHead => "it covers records beyond the head",
                _ => refused.GetValueOrDefault(d.Sequence, "refused"),
            }))
            .ToList();

        var vault = load.Snapshot is null ? new VaultState() : restored!;
        long from = (load.Snapshot?.Sequence ?? 0) + 1, last = from - 1, tail = 0;
        try
        {
            await foreach (var record in store.ReadAsync(streamId, from, verify: true, cancellationToken))
            {
                if (!TryApply(vault, record, out _, out var fault))
                    return new RecoveredVault(streamId, vault, last, load.Snapshot?.Sequence, tail, discarded, fault);
                last = record.Sequence;
                tail++;
            }
        }
        catch (LedgerCorruptionException e)
        {
            return new RecoveredVault(streamId, vault, last, load.Snapshot?.Sequence, tail, discarded, e.Fault);
        }

        return new RecoveredVault(streamId, vault, last, load.Snapshot?.Sequence, tail, discarded, null);
    }

    /// <summary>
    /// Saves a snapshot covering records 1..<paramref name="sequence"/>: reads them with chain verification, replays
    /// them to compute the state hash, and stores the encoded prefix (<see cref="VaultSnapshot"/>) with that hash.
    /// Returns the store's outcome, or <see cref="SnapshotSaveOutcome.SequenceOutOfRange"/> when the prefix cannot be
    /// replayed (it then saves nothing).
    /// </summary>
    public static async Task<SnapshotSaveOutcome> SaveSnapshotAsync(
        IEventStore store, string streamId, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (sequence < 1) return SnapshotSaveOutcome.SequenceOutOfRange;
        var state = new VaultState();
        var prefix = new List<EncodedEvent>();
        await foreach (var record in store.ReadAsync(streamId, 1, verify: true, cancellationToken))
        {
            if (!TryApply(state, record, out _, out _)) return SnapshotSaveOutcome.SequenceOutOfRange;
            prefix.Add(new EncodedEvent(record.EventType, record.EventVersion, record.Payload));
            if (record.Sequence == sequence) break;
        }

        if (prefix.Count != sequence) return SnapshotSaveOutcome.SequenceOutOfRange;
        return await store.SaveSnapshotAsync(
            streamId, sequence, Convert.FromHexString(state.StateHash()), VaultSnapshot.Encode(prefix), cancellationToken);
    }

    /// <summary>Decodes a record and applies it; false with a fault naming stream and sequence when either fails.</summary>
    internal static bool TryApply(VaultState state, LedgerRecord record, out Event? e, out LedgerFault? fault)
    {
        var decoded = VaultEventCodec.Decode(record);
        e = decoded.Event;
        if (decoded.Error != DecodeError.None)
        {
            var kind = decoded.Error == DecodeError.UnknownNewerVersion ? LedgerFaultKind.UnknownEventVersion : LedgerFaultKind.UndecodableEvent;
            fault = new LedgerFault(kind, decoded.Message, record.StreamId, record.Sequence);
            return false;
        }

        try
        {
            state.Apply(e!);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or NullReferenceException)
        {
            // Decide never emits such an event; a ledger holding one was written by something else. Stop, never skip.
            fault = new LedgerFault(LedgerFaultKind.UndecodableEvent,
                $"stream '{record.StreamId}', sequence {record.Sequence}: {record.EventType} cannot be applied to the state ({ex.Message})",
                record.StreamId, record.Sequence);
            return false;
        }

        fault = null;
        return true;
    }
}
