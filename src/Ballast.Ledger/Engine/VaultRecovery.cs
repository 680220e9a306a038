using Ballast.Engine.Events;
using Ballast.Engine.State;
using Ballast.Ledger.Codecs;

namespace Ballast.Ledger.Engine;

/// <summary>
/// Start-up and snapshots for an engine vault stream: <see cref="RecoverAsync(IEventStore, string, CancellationToken)"/> = latest valid snapshot + replay of
/// the tail (a snapshot that does not restore to its stored hash is discarded and reported, and the next older one or a full replay is used);
/// <see cref="SaveSnapshotAsync(IEventStore, string, long, CancellationToken)"/> writes one from the verified ledger.
/// </summary>
public static class VaultRecovery
{
    /// <summary>
    /// Rebuilds the vault of <paramref name="streamId"/>. Stops at the first record it cannot trust or understand and
    /// says which (<see cref="RecoveredVault.Fault"/>); never skips one.
    /// </summary>
    public static Task<RecoveredVault> RecoverAsync(IEventStore store, string streamId, CancellationToken cancellationToken = default) =>
        RecoverAsync(store, streamId, null, null, cancellationToken);

    /// <summary>
    /// Rebuilds the vault: the newest snapshot that is intact (its checksum), within the head, restores (state image
    /// or event prefix), restores to the hash it records and that <paramref name="accept"/> accepts; then the tail after
    /// it, each tail record passed to <paramref name="onTailEvent"/> after it is applied. Every newer snapshot passed
    /// over is reported in <see cref="RecoveredVault.Discarded"/>; with none usable, recovery replays from sequence 1.
    /// </summary>
    /// <param name="store">The ledger.</param>
    /// <param name="streamId">The vault's stream.</param>
    /// <param name="accept">Extra condition on a snapshot (a host needs its command index), or null.</param>
    /// <param name="onTailEvent">Called with each replayed tail record and its event, or null.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<RecoveredVault> RecoverAsync(
        IEventStore store, string streamId, Func<VaultSnapshotContent, bool>? accept, Action<LedgerRecord, Event>? onTailEvent,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        VaultSnapshotContent? restored = null;
        var refused = new Dictionary<long, string>();
        var load = await store.LoadLatestValidSnapshotAsync(streamId, snapshot =>
        {
            if (!VaultSnapshot.TryRead(snapshot.State.Span, snapshot.Sequence, out var content, out string reason))
            {
                refused[snapshot.Sequence] = reason;
                return false;
            }

            var hash = Convert.FromHexString(content.State.StateHash());
            if (!hash.AsSpan().SequenceEqual(snapshot.StateHash.Span))
            {
                refused[snapshot.Sequence] = "its state restores to a different state hash than it records";
                return false;
            }

            if (accept is not null && !accept(content))
            {
                refused[snapshot.Sequence] = "not usable here (an event-prefix snapshot has no command index for a host)";
                return false;
            }

            restored = content;
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

        var vault = load.Snapshot is null ? new VaultState() : restored!.State;
        long? from0 = load.Snapshot?.Sequence;
        long from = (from0 ?? 0) + 1, last = from - 1, tail = 0;
        RecoveredVault Result(LedgerFault? fault) =>
            new(streamId, vault, last, from0, tail, discarded, fault) { SnapshotContent = load.Snapshot is null ? null : restored };
        try
        {
            await foreach (var record in store.ReadAsync(streamId, from, verify: true, cancellationToken))
            {
                if (!TryApply(vault, record, out var e, out var fault)) return Result(fault);
                onTailEvent?.Invoke(record, e!);
                last = record.Sequence;
                tail++;
            }
        }
        catch (LedgerCorruptionException e)
        {
            return Result(e.Fault);
        }

        return Result(null);
    }

    /// <summary>
    /// Saves a snapshot covering records 1..<paramref name="sequence"/>: reads them with chain verification, replays
    /// them, and stores the state image (<see cref="VaultSnapshot"/> v2, with the command index and recent trades)
    /// and its hash. Returns the store's outcome, or <see cref="SnapshotSaveOutcome.SequenceOutOfRange"/> when the
    /// prefix cannot be replayed (it then saves nothing).
    /// </summary>
    public static async Task<SnapshotSaveOutcome> SaveSnapshotAsync(
        IEventStore store, string streamId, long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (sequence < 1) return SnapshotSaveOutcome.SequenceOutOfRange;
        var state = new VaultState();
        var commands = new List<SnapshotCommand>();
        var recent = new Queue<(long, TradeExecuted)>();
        long applied = 0;
        await foreach (var record in store.ReadAsync(streamId, 1, verify: true, cancellationToken))
        {
            if (!TryApply(state, record, out var e, out _)) return SnapshotSaveOutcome.SequenceOutOfRange;
            applied++;
            if (e is TradeExecuted t)
            {
                recent.Enqueue((record.Sequence, t));
                if (recent.Count > Hosting.VaultHost.RecentTradeCapacity) recent.Dequeue();
            }

            if (Hosting.IdempotencyKeys.TrySplit(record.IdempotencyKey, out _, out _))
            {
                if (commands.Count > 0 && commands[^1].IdempotencyKey == record.IdempotencyKey && commands[^1].LastSequence == record.Sequence - 1)
                    commands[^1] = commands[^1] with { LastSequence = record.Sequence };
                else
                    commands.Add(new SnapshotCommand(record.IdempotencyKey, record.Sequence, record.Sequence));
            }

            if (record.Sequence == sequence) break;
        }

        if (applied != sequence) return SnapshotSaveOutcome.SequenceOutOfRange;
        return await SaveSnapshotAsync(store, streamId, state, commands, [.. recent], cancellationToken);
    }

    /// <summary>Saves a snapshot of an in-memory <paramref name="state"/> whose <see cref="VaultState.Version"/> is the sequence it covers (a host's own state).</summary>
    public static Task<SnapshotSaveOutcome> SaveSnapshotAsync(
        IEventStore store, string streamId, VaultState state, IReadOnlyList<SnapshotCommand> commands,
        IReadOnlyList<(long Sequence, TradeExecuted Trade)> recentTrades, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(state);
        return store.SaveSnapshotAsync(streamId, state.Version, Convert.FromHexString(state.StateHash()),
            VaultSnapshot.Encode(state, commands, recentTrades), cancellationToken);
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
