using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Ballast.Ledger.Storage;

/// <summary>
/// The part of every event store that does not depend on the database: request validation, the single writer
/// loop that batches concurrent operations into one transaction and one fsync (group commit), the decision
/// rules (idempotency → fencing → expected sequence), checksum chaining, verified reads, tail recovery and
/// snapshot selection. A database supplies transactions and row I/O.
/// </summary>
/// <remarks>
/// Group commit as in PostgreSQL's commit_delay/WAL writer and TigerBeetle's batching: callers enqueue into a
/// channel; the one writer takes everything queued (up to <see cref="EventStoreOptions.MaxBatchOperations"/>),
/// commits once, then completes every caller. Waiting callers are what fills the next batch, so batches grow
/// with load and an idle store commits a lone append immediately. A failed batch halts the writer for good:
/// after a failed fsync the state of the file is unknown (PostgreSQL's "fsyncgate", 2018), so no later
/// append may be acknowledged until an operator restarts and recovery re-reads the log.
/// </remarks>
public abstract class GroupCommitEventStore : IEventStore
{
    private const int MaxIdLength = 200;
    private readonly Channel<PendingOperation> _queue =
        Channel.CreateUnbounded<PendingOperation>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _writer;
    private volatile LedgerFault? _halt;
    private int _disposed;
    private long _committedBatches;
    private const int MaxRememberedHeads = 100_000;
    private readonly Dictionary<string, StreamHead> _rememberedHeads = new(StringComparer.Ordinal); // writer loop only

    /// <summary>Creates the store; call <see cref="StartAsync"/> before use.</summary>
    private protected GroupCommitEventStore(EventStoreOptions options) => Options = options;

    /// <summary>The options the store was opened with.</summary>
    public EventStoreOptions Options { get; }

    /// <inheritdoc />
    public LedgerFault? Halt => _halt;

    /// <summary>Batches (transactions, fsyncs) committed so far: appends ÷ batches is the group-commit factor.</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    /// <summary>Opens without a writer: reads work, every write is refused (nothing is repaired either).</summary>
    private protected LedgerOpenResult StartReadOnly()
    {
        _halt = new LedgerFault(LedgerFaultKind.Closed, "the event store was opened read-only");
        _queue.Writer.TryComplete();
        return new LedgerOpenResult(this, [], null);
    }

    /// <summary>Recovers torn tails (and verifies the log when asked), then starts the writer loop.</summary>
    private protected async Task<LedgerOpenResult> StartAsync(CancellationToken cancellationToken)
    {
        var repairs = new List<TornTailRepair>();
        foreach (string stream in await ListStreamsAsync(cancellationToken))
        {
            var fault = await RecoverTailAsync(stream, repairs, cancellationToken);
            if (fault is null && Options.VerifyWholeLogOnOpen) fault = await VerifyWholeStreamAsync(stream, cancellationToken);
            if (fault is not null)
            {
                await DisposeCoreAsync();
                return new LedgerOpenResult(null, repairs, fault);
            }
        }

        _writer = Task.Run(RunWriterAsync, CancellationToken.None);
        return new LedgerOpenResult(this, repairs, null);
    }

    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(
        string streamId, long expectedSequence, IReadOnlyList<NewRecord> records, string idempotencyKey,
        long writerEpoch = 0, CancellationToken cancellationToken = default)
    {
        string? problem = Validate(streamId, expectedSequence, records, idempotencyKey, writerEpoch);
        if (problem is not null)
            return Task.FromResult(AppendResult.Rejected(AppendOutcome.InvalidRequest, streamId ?? "", 0, problem));
        var op = new AppendOperation(streamId, expectedSequence, records, idempotencyKey, writerEpoch);
        Enqueue(op);
        return op.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<long?> ClaimWriterEpochAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var op = new ClaimEpochOperation(streamId);
        Enqueue(op);
        return op.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<SnapshotSaveOutcome> SaveSnapshotAsync(
        string streamId, long sequence, ReadOnlyMemory<byte> stateHash, ReadOnlyMemory<byte> state,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var op = new SnapshotOperation(streamId, sequence, stateHash.ToArray(), state.ToArray());
        Enqueue(op);
        return op.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StreamHead> GetHeadAsync(string streamId, CancellationToken cancellationToken = default) =>
        await LoadHeadAsync(streamId, cancellationToken) ?? EmptyHead();

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public async IAsyncEnumerable<LedgerRecord> ReadAsync(
        string streamId, long fromSequence = 1, bool verify = true,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (fromSequence < 1) fromSequence = 1;
        if (!verify)
        {
            await foreach (var r in ReadRowsAsync(streamId, fromSequence, cancellationToken)) yield return r;
            yield break;
        }

        // To verify record n we need record n-1's checksum: start one early and use it as the anchor.
        byte[]? previous = fromSequence == 1 ? RecordChecksum.Genesis.ToArray() : null;
        long expected = fromSequence;
        await foreach (var page in ReadPagesAheadAsync(streamId, fromSequence == 1 ? 1 : fromSequence - 1, cancellationToken))
        {
            foreach (var r in page)
            {
                if (previous is null)
                {
                    if (r.Sequence != fromSequence - 1) throw Corruption(LedgerFaultKind.SequenceGap, streamId, fromSequence - 1, "record is missing");
                    previous = r.Checksum;
                    continue;
                }

                if (r.Sequence != expected)
                    throw Corruption(LedgerFaultKind.SequenceGap, streamId, expected, $"record is missing (next stored is {r.Sequence})");
                if (!RecordChecksum.Verify(previous, r))
                    throw Corruption(LedgerFaultKind.ChecksumMismatch, streamId, r.Sequence, "checksum does not match the record and its predecessor");
                previous = r.Checksum;
                expected++;
                yield return r;
            }
        }
    }

    /// <summary>
    /// The rows of <see cref="ReadRowsAsync"/> in pages, read ahead by a task on another thread while the caller
    /// verifies and consumes the previous pages: the database read (row step, column copies) and the verification
    /// (one SHA-256 per record) then run on two cores. The read-ahead is bounded (a few pages) and stops when the
    /// caller stops; a read error reaches the caller after the pages before it.
    /// </summary>
    private async IAsyncEnumerable<LedgerRecord[]> ReadPagesAheadAsync(
        string streamId, long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int pageRows = 256;
        var pages = Channel.CreateBounded<LedgerRecord[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(async () =>
        {
            try
            {
                var page = new List<LedgerRecord>(pageRows);
                await foreach (var r in ReadRowsAsync(streamId, fromSequence, stop.Token))
                {
                    page.Add(r);
                    if (page.Count == pageRows)
                    {
                        await pages.Writer.WriteAsync([.. page], stop.Token);
                        page.Clear();
                    }
                }

                if (page.Count > 0) await pages.Writer.WriteAsync([.. page], stop.Token);
                pages.Writer.TryComplete();
            }
            catch (Exception e)
            {
                pages.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(cancellationToken)) yield return page;
        }
        finally
        {
            stop.Cancel();
            await reader; // the reader task never throws (its error goes into the channel); its connection is closed here
        }
    }

    /// <inheritdoc />
    public async Task<SnapshotLoad> LoadLatestValidSnapshotAsync(
        string streamId, Func<Snapshot, bool>? accept = null, CancellationToken cancellationToken = default)
    {
        var head = await GetHeadAsync(streamId, cancellationToken);
        var discarded = new List<DiscardedSnapshot>();
        foreach (var row in await LoadSnapshotsNewestFirstAsync(streamId, cancellationToken))
        {
            SnapshotRejection? reason = null;
            if (!SnapshotChecksum.Compute(row.StreamId, row.Sequence, row.StateHash, row.State).AsSpan().SequenceEqual(row.Checksum))
                reason = SnapshotRejection.ChecksumMismatch;
            else if (row.Sequence > head.Sequence) reason = SnapshotRejection.BeyondHead;
            var snapshot = new Snapshot(row.StreamId, row.Sequence, row.StateHash, row.State);
            if (reason is null && accept is not null && !accept(snapshot)) reason = SnapshotRejection.RefusedByCaller;
            if (reason is null) return new SnapshotLoad(snapshot, discarded);
            discarded.Add(new DiscardedSnapshot(row.Sequence, reason.Value));
        }

        return new SnapshotLoad(null, discarded);
    }

    /// <summary>Stops the writer after the queued operations, then closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _queue.Writer.TryComplete();
        if (_writer is not null) await _writer;
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    // ---- database-specific parts -------------------------------------------------------------------------

    /// <summary>Opens the batch's write transaction (taking the database's write lock).</summary>
    private protected abstract Task<IBatchTransaction> BeginBatchAsync();

    /// <summary>Rows of a stream from a sequence on, in order, unverified.</summary>
    private protected abstract IAsyncEnumerable<LedgerRecord> ReadRowsAsync(string streamId, long fromSequence, CancellationToken cancellationToken);

    /// <summary>The head row of a stream, or null when the stream does not exist.</summary>
    private protected abstract Task<StreamHead?> LoadHeadAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>Every snapshot row of a stream, newest first.</summary>
    private protected abstract Task<IReadOnlyList<SnapshotRow>> LoadSnapshotsNewestFirstAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>Closes connections.</summary>
    private protected abstract ValueTask DisposeCoreAsync();

    // ---- writer loop --------------------------------------------------------------------------------------

    private void Enqueue(PendingOperation op)
    {
        var halt = _halt;
        if (halt is not null) { op.CompleteHalted(halt); return; }
        if (!_queue.Writer.TryWrite(op)) op.CompleteHalted(new LedgerFault(LedgerFaultKind.Closed, "the event store is closed"));
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<PendingOperation>(Options.MaxBatchOperations);
        var reader = _queue.Reader;
        int lastBatch = 0;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            Drain(reader, batch);
            // Under load the callers of the previous batch are still re-submitting when we get here: give them a
            // few scheduler turns while the queue keeps growing towards the last batch's size (PostgreSQL's
            // commit_delay idea, bounded by progress instead of a timer, so an idle store never waits).
            for (int turn = 0; turn < 8 && batch.Count < lastBatch && batch.Count < Options.MaxBatchOperations; turn++)
            {
                int before = batch.Count;
                await Task.Yield();
                Drain(reader, batch);
                if (batch.Count == before && turn >= 2) break;
            }

            lastBatch = batch.Count;
            var halt = _halt;
            if (halt is null)
            {
                try
                {
                    await CommitBatchAsync(batch);
                    Interlocked.Increment(ref _committedBatches);
                    foreach (var op in batch) op.CompleteDecided();
                    continue;
                }
                catch (Exception e)
                {
                    _rememberedHeads.Clear();
                    // Any failure inside the batch (disk full, fsync error, lost connection, even a bug) leaves the
                    // durability of this batch unknown: acknowledge none of it and nothing after it.
                    halt = new LedgerFault(LedgerFaultKind.WriteFailed,
                        $"the ledger writer halted after a failed write ({e.GetType().Name}: {e.Message}); restart to recover");
                    _halt = halt;
                }
            }

            foreach (var op in batch) op.CompleteHalted(halt);
        }
    }

    private void Drain(ChannelReader<PendingOperation> reader, List<PendingOperation> batch)
    {
        while (batch.Count < Options.MaxBatchOperations && reader.TryRead(out var op)) batch.Add(op);
    }

    private async Task CommitBatchAsync(List<PendingOperation> batch)
    {
        await using var tx = await BeginBatchAsync();
        var streamIds = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<(string, string)>();
        foreach (var op in batch)
        {
            streamIds.Add(op.StreamId);
            if (op is AppendOperation a) keys.Add((a.StreamId, a.IdempotencyKey));
        }

        // Heads of streams this writer touched before are remembered, unless another connection wrote since.
        if (!await tx.RememberedHeadsStillValidAsync() || _rememberedHeads.Count > MaxRememberedHeads) _rememberedHeads.Clear();
        var heads = new Dictionary<string, StreamHead>(streamIds.Count, StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (string id in streamIds)
        {
            if (_rememberedHeads.TryGetValue(id, out var remembered)) heads[id] = remembered;
            else unknown.Add(id);
        }

        var (loaded, applied) = await tx.LockAsync(unknown, keys);
        foreach (var (id, head) in loaded) heads[id] = head;
        var writes = new BatchWrites();
        long now = Options.Clock.GetUtcNow().UtcTicks;
        foreach (var op in batch)
        {
            if (!heads.TryGetValue(op.StreamId, out var head)) heads[op.StreamId] = head = EmptyHead();
            switch (op)
            {
                case AppendOperation a:
                    a.Decided = Decide(a, ref head, applied, writes, now);
                    break;
                case ClaimEpochOperation c:
                    head = head with { WriterEpoch = head.WriterEpoch + 1 };
                    c.Decided = head.WriterEpoch;
                    break;
                case SnapshotOperation s:
                    if (s.Sequence < 1 || s.Sequence > head.Sequence) { s.Decided = SnapshotSaveOutcome.SequenceOutOfRange; break; }
                    writes.Snapshots.Add(new SnapshotRow(s.StreamId, s.Sequence, s.StateHash, s.State,
                        SnapshotChecksum.Compute(s.StreamId, s.Sequence, s.StateHash, s.State)));
                    s.Decided = SnapshotSaveOutcome.Saved;
                    break;
            }

            if (!ReferenceEquals(head, heads[op.StreamId])) { heads[op.StreamId] = head; writes.Heads[op.StreamId] = head; }
        }

        if (writes.Records.Count > 0 || writes.Heads.Count > 0 || writes.Snapshots.Count > 0) await tx.WriteAsync(writes);
        Options.BeforeCommit?.Invoke();
        await tx.CommitAsync();
        foreach (var (id, head) in heads) _rememberedHeads[id] = head;
    }

    private static AppendResult Decide(
        AppendOperation a, ref StreamHead head, Dictionary<(string, string), (long First, long Last)> applied, BatchWrites writes, long now)
    {
        if (applied.TryGetValue((a.StreamId, a.IdempotencyKey), out var original))
            return new AppendResult(AppendOutcome.DuplicateCommand, a.StreamId, original.First, original.Last, head.Sequence,
                $"command '{a.IdempotencyKey}' was already applied as records {original.First}..{original.Last}");
        if (a.WriterEpoch < head.WriterEpoch)
            return AppendResult.Rejected(AppendOutcome.StaleWriter, a.StreamId, head.Sequence,
                $"writer epoch {a.WriterEpoch} is older than the stream's epoch {head.WriterEpoch}: this writer was fenced off");
        if (a.ExpectedSequence != IEventStore.AnySequence && a.ExpectedSequence != head.Sequence)
            return AppendResult.Rejected(AppendOutcome.ConcurrencyConflict, a.StreamId, head.Sequence,
                $"expected the stream at sequence {a.ExpectedSequence} but it is at {head.Sequence}");

        long first = head.Sequence + 1;
        byte[] previous = head.Checksum;
        foreach (var r in a.Records)
        {
            long seq = head.Sequence + 1;
            byte[] payload = r.Payload.ToArray();
            byte[] checksum = RecordChecksum.Compute(previous, a.StreamId, seq, r.EventType, r.EventVersion, now, a.IdempotencyKey, a.WriterEpoch, payload);
            writes.Records.Add(new LedgerRecord(a.StreamId, seq, r.EventType, r.EventVersion, payload, now, a.IdempotencyKey, a.WriterEpoch, checksum));
            head = new StreamHead(seq, checksum, Math.Max(head.WriterEpoch, a.WriterEpoch));
            previous = checksum;
        }

        applied[(a.StreamId, a.IdempotencyKey)] = (first, head.Sequence);
        writes.Commands.Add(new CommandRow(a.StreamId, a.IdempotencyKey, first, head.Sequence));
        return new AppendResult(AppendOutcome.Appended, a.StreamId, first, head.Sequence, head.Sequence, "");
    }

    private static string? Validate(string streamId, long expected, IReadOnlyList<NewRecord> records, string key, long epoch)
    {
        if (string.IsNullOrEmpty(streamId) || streamId.Length > MaxIdLength) return $"stream id must be 1..{MaxIdLength} characters";
        if (string.IsNullOrEmpty(key) || key.Length > MaxIdLength) return $"idempotency key must be 1..{MaxIdLength} characters";
        if (expected < IEventStore.AnySequence) return "expected sequence must be ≥ 0 (or AnySequence)";
        if (epoch < 0) return "writer epoch must be ≥ 0";
        if (records is null || records.Count == 0) return "an append needs at least one record";
        for (int i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (r is null) return $"record {i} is null";
            if (string.IsNullOrEmpty(r.EventType) || r.EventType.Length > NewRecord.MaxEventTypeLength)
                return $"record {i}: event type must be 1..{NewRecord.MaxEventTypeLength} characters";
            if (r.EventVersion < 1) return $"record {i}: event version must be ≥ 1";
            if (r.Payload.Length > NewRecord.MaxPayloadBytes) return $"record {i}: payload exceeds {NewRecord.MaxPayloadBytes} bytes";
        }

        return null;
    }

    // ---- recovery ----------------------------------------------------------------------------------------

    /// <summary>
    /// Checks the last record of a stream against its predecessor. A final record that does not verify while its
    /// predecessor does is a torn write (it was never acknowledged: its commit did not complete): it is removed
    /// and reported. Any other mismatch is corruption of durable data and stops start-up.
    /// </summary>
    private async Task<LedgerFault?> RecoverTailAsync(string streamId, List<TornTailRepair> repairs, CancellationToken ct)
    {
        var head = await LoadHeadAsync(streamId, ct) ?? EmptyHead();
        var tail = new List<LedgerRecord>(3);
        await foreach (var r in ReadRowsAsync(streamId, Math.Max(1, head.Sequence - 2), ct)) tail.Add(r);
        long storedLast = tail.Count == 0 ? 0 : tail[^1].Sequence;
        if (storedLast != head.Sequence)
            return new LedgerFault(LedgerFaultKind.HeadMismatch,
                $"stream '{streamId}': head says sequence {head.Sequence} but the last stored record is {storedLast}", streamId, head.Sequence);
        if (tail.Count == 0) return null;

        if (VerifiesAt(tail, tail.Count - 1)) return null;
        if (tail.Count >= 2 && !VerifiesAt(tail, tail.Count - 2))
            return new LedgerFault(LedgerFaultKind.ChecksumMismatch,
                $"stream '{streamId}': checksum mismatch at sequence {tail[^2].Sequence}, before the final record; the log is corrupt",
                streamId, tail[^2].Sequence);

        var last = tail[^1];
        var newHead = tail.Count >= 2 ? new StreamHead(tail[^2].Sequence, tail[^2].Checksum, head.WriterEpoch) : EmptyHead() with { WriterEpoch = head.WriterEpoch };
        await using (var tx = await BeginBatchAsync())
        {
            await tx.TruncateAsync(streamId, last.Sequence, newHead);
            await tx.CommitAsync();
        }

        repairs.Add(new TornTailRepair(streamId, last.Sequence,
            $"stream '{streamId}': torn final record at sequence {last.Sequence} (checksum does not verify) was truncated"));
        return null;

        static bool VerifiesAt(List<LedgerRecord> tail, int i)
        {
            var r = tail[i];
            if (i == 0 && r.Sequence != 1) return true; // no predecessor loaded: cannot judge, and it is not the tail
            ReadOnlySpan<byte> previous = i == 0 ? RecordChecksum.Genesis : tail[i - 1].Checksum;
            return RecordChecksum.Verify(previous, r);
        }
    }

    private async Task<LedgerFault?> VerifyWholeStreamAsync(string streamId, CancellationToken ct)
    {
        try
        {
            await foreach (var _ in ReadAsync(streamId, 1, verify: true, ct)) { }
            return null;
        }
        catch (LedgerCorruptionException e)
        {
            return e.Fault;
        }
    }

    private static StreamHead EmptyHead() => new(0, RecordChecksum.Genesis.ToArray(), 0);

    private static LedgerCorruptionException Corruption(LedgerFaultKind kind, string streamId, long sequence, string what) =>
        new(new LedgerFault(kind, $"stream '{streamId}', sequence {sequence}: {what}; the log is corrupt and must not be replayed past this point",
            streamId, sequence));
}
