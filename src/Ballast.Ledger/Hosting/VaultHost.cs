using System.Threading.Channels;
using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.State;
using Ballast.Ledger;
using Ballast.Ledger.Codecs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ballast.Ledger.Hosting;

/// <summary>
/// Runs one vault: a single writer thread takes commands in arrival order, decides each with
/// <see cref="Vault.Decide"/> at the injected clock's time, appends the events durably to the ledger (with the
/// command's idempotency key) and only then lets anyone see them and replies. Readers (quotes, status) run
/// concurrently under a read lock on a second, published copy of the state that holds only durable events, so a read
/// never waits for an fsync. Independent of HTTP: the simulation and the cluster grain can host a vault
/// the same way. Start with <see cref="OpenAsync"/>.
/// </summary>
/// <remarks>
/// Group commit: the writer drains every queued command into one batch. Each command is decided against the state
/// that includes the batch's earlier commands (so it is applied at once to the writer's working state, which only the
/// writer thread touches). Readers see the published state; the batch's events are applied to it, under the write
/// lock for the few microseconds that takes, only after the appends have returned from the ledger's fsync, so no
/// reader and no reply ever observes an event that is not durable, and no reader waits for the disk. Both states are
/// folds of the same events with the same <see cref="VaultState.Apply(Event)"/>, so they are equal between batches
/// (the cost is a second apply per event, ≈ 1 µs per trade). If an append fails the working state is ahead of the
/// ledger: the host stops
/// (every later call gets <see cref="CommandStatus.Unavailable"/> or <see cref="VaultHostFaultedException"/>) and a
/// restart recovers from the ledger.
/// </remarks>
public sealed class VaultHost : IAsyncDisposable
{
    /// <summary>Largest number of commands decided and committed together.</summary>
    public const int MaxBatch = 512;

    /// <summary>How many recent trades are kept in memory for <see cref="RecentTrades"/>.</summary>
    public const int RecentTradeCapacity = 200;

    private readonly IEventStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly long _epoch;
    private readonly VaultState _state; // the writer's working state: decided against, may hold events not yet durable
    private readonly VaultState _published; // what readers see: exactly the durable events
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, IdempotentEntry> _idempotency;
    private readonly LinkedList<(long Sequence, TradeExecuted Trade)> _recent = new();
    private readonly Thread _writer;
    private long _head;
    private volatile string? _fault;

    private VaultHost(IEventStore store, string streamId, TimeProvider clock, ILogger logger, long epoch, VaultState state, VaultState published, long head,
        Dictionary<string, IdempotentEntry> idempotency, IEnumerable<(long, TradeExecuted)> recent)
    {
        _store = store;
        StreamId = streamId;
        _clock = clock;
        _logger = logger;
        _epoch = epoch;
        _state = state;
        _published = published;
        _head = head;
        _idempotency = idempotency;
        foreach (var r in recent) AddRecent(r);
        _writer = new Thread(WriterLoop) { IsBackground = true, Name = $"vault-writer-{streamId}" };
        _writer.Start();
    }

    /// <summary>The ledger stream holding this vault's events.</summary>
    public string StreamId { get; }

    /// <summary>Ledger sequence of the last durable event.</summary>
    public long Head => Interlocked.Read(ref _head);

    /// <summary>Why the host stopped accepting commands, or null while healthy.</summary>
    public string? Fault => _fault;

    /// <summary>Current time in Unix seconds from the injected clock (the engine's <c>now</c>).</summary>
    public long Now => _clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Raised on a pool thread after each batch became durable and visible.</summary>
    public event Action<CommittedBatch>? Committed;

    /// <summary>
    /// Opens a host for <paramref name="streamId"/>: claims the writer epoch (fencing any older writer), replays
    /// the whole stream into a fresh <see cref="VaultState"/> and starts the writer. Returns the fault when the
    /// ledger cannot be read or decoded.
    /// </summary>
    public static async Task<(VaultHost? Host, string? Error)> OpenAsync(
        IEventStore store, string streamId, TimeProvider clock, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        long? epoch = await store.ClaimWriterEpochAsync(streamId, cancellationToken);
        if (epoch is null) return (null, $"could not claim the writer epoch of {streamId}: {store.Halt}");
        var state = new VaultState();
        var published = new VaultState();
        var idempotency = new Dictionary<string, IdempotentEntry>(StringComparer.Ordinal);
        var recent = new Queue<(long, TradeExecuted)>();
        var decoder = new EventDecoder<Event>(Ballast.Ledger.Engine.VaultEventCodec.Instance);
        var outcome = await EventReplay.ReplayAsync(store, streamId, 1, decoder, (record, e) =>
        {
            state.Apply(e);
            published.Apply(e);
            if (e is TradeExecuted t)
            {
                recent.Enqueue((record.Sequence, t));
                if (recent.Count > RecentTradeCapacity) recent.Dequeue();
            }

            if (IdempotencyKeys.TrySplit(record.IdempotencyKey, out string scoped, out string fingerprint))
            {
                if (idempotency.TryGetValue(scoped, out var entry) && entry.LastSequence == record.Sequence - 1)
                    idempotency[scoped] = entry with { LastSequence = record.Sequence, Events = [.. entry.Events, e] };
                else
                    idempotency[scoped] = new IdempotentEntry(fingerprint, record.Sequence, record.Sequence, [e]);
            }
        }, cancellationToken);
        if (outcome.Fault is not null) return (null, $"replay of {streamId} stopped: {outcome.Fault}");
        return (new VaultHost(store, streamId, clock, logger ?? NullLogger.Instance, epoch.Value, state, published, outcome.LastSequence, idempotency, recent), null);
    }

    /// <summary>
    /// Submits a command. With an <paramref name="idempotencyKey"/> (already scoped to the caller, see
    /// <see cref="IdempotencyKeys"/>) a repeat with the same <paramref name="fingerprint"/> returns the original
    /// events and a repeat with another fingerprint is refused; neither writes anything.
    /// </summary>
    public Task<CommandOutcome> SubmitAsync(Command command, string? idempotencyKey = null, string fingerprint = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_fault is { } fault) return Task.FromResult(CommandOutcome.Down(fault));
        var pending = new Pending(command, idempotencyKey, fingerprint, new TaskCompletionSource<CommandOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) return Task.FromResult(CommandOutcome.Down("the vault host is shutting down"));
        return cancellationToken.CanBeCanceled ? pending.Reply.Task.WaitAsync(cancellationToken) : pending.Reply.Task;
    }

    /// <summary>Reads the published state under the read lock (only durable events; never waits for an fsync). Do not keep references past the call.</summary>
    public T Read<T>(Func<VaultState, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Read(read, static (s, f) => f(s));
    }

    /// <summary>Reads with extra state passed through, avoiding a closure allocation on hot paths.</summary>
    public T Read<TArg, T>(TArg arg, Func<VaultState, TArg, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_fault is { } fault) throw new VaultHostFaultedException(fault);
        _lock.EnterReadLock();
        try
        {
            return read(_published, arg);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The state hash (SHA-256, canonical), read consistently.</summary>
    public string StateHash() => Read(static s => s.StateHash());

    /// <summary>The most recent trades, newest first, with their ledger sequences.</summary>
    public IReadOnlyList<(long Sequence, TradeExecuted Trade)> RecentTrades(int max)
    {
        lock (_recent) return _recent.Take(Math.Clamp(max, 0, RecentTradeCapacity)).ToArray();
    }

    private void AddRecent((long, TradeExecuted) trade)
    {
        lock (_recent)
        {
            _recent.AddFirst(trade);
            if (_recent.Count > RecentTradeCapacity) _recent.RemoveLast();
        }
    }

    private void WriterLoop()
    {
        var batch = new List<Pending>(MaxBatch);
        var reader = _queue.Reader;
        while (true)
        {
            bool more;
            try
            {
                more = reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (ChannelClosedException)
            {
                more = false;
            }

            if (!more) return;
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var p)) batch.Add(p);
            if (batch.Count == 0) continue;
            if (_fault is { } fault)
            {
                foreach (var p in batch) p.Reply.TrySetResult(CommandOutcome.Down(fault));
                continue;
            }

            try
            {
                RunBatch(batch);
            }
            catch (Exception e)
            {
                // A bug or an I/O failure below the ledger's own handling: the state may be ahead of the ledger.
                _fault = $"writer failed: {e.Message}";
                _logger.LogCritical(e, "Vault {Stream} writer failed; refusing further commands until restart", StreamId);
                foreach (var p in batch) p.Reply.TrySetResult(CommandOutcome.Down(_fault));
            }
        }
    }

    private void RunBatch(List<Pending> batch)
    {
        var outcomes = new CommandOutcome?[batch.Count];
        var appends = new List<(int Index, Task<AppendResult> Task, Event[] Events)>(batch.Count);
        var inBatch = new Dictionary<string, int>(StringComparer.Ordinal);
        var committed = new List<(long, Event)>();
        long version;
        long durableHead = _head;
        // Decide, and wait for durability, on the working state without the lock: readers keep reading the published state.
        try
        {
            long expected = _head;
            for (int i = 0; i < batch.Count; i++)
            {
                var p = batch[i];
                if (p.Key is { } key)
                {
                    if (_idempotency.TryGetValue(key, out var seen))
                    {
                        outcomes[i] = seen.Fingerprint == p.Fingerprint
                            ? new CommandOutcome(CommandStatus.Replayed, seen.Events, seen.FirstSequence, seen.LastSequence)
                            : new CommandOutcome(CommandStatus.KeyReused, [], 0, 0, null, "this idempotency key was already used for a different request");
                        continue;
                    }

                    if (inBatch.ContainsKey(key))
                    {
                        // Resolved after the batch commits, from the earlier command's outcome.
                        outcomes[i] = null;
                        continue;
                    }
                }

                var decision = Vault.Decide(_state, p.Command, Now);
                if (!decision.IsAccepted)
                {
                    outcomes[i] = CommandOutcome.Refused(decision.Rejection!);
                    continue;
                }

                var events = decision.ToArray();
                var records = new NewRecord[events.Length];
                for (int k = 0; k < events.Length; k++) records[k] = Ballast.Ledger.Engine.VaultEventCodec.Instance.Encode(events[k]).ToNewRecord();
                string ledgerKey = p.Key is { } k2 ? IdempotencyKeys.Join(k2, p.Fingerprint) : IdempotencyKeys.Automatic();
                appends.Add((i, _store.AppendAsync(StreamId, expected, records, ledgerKey, _epoch), events));
                expected += events.Length;
                _state.Apply(decision);
                if (p.Key is { } k3) inBatch[k3] = i;
            }

            // Replies and readers see a command only once its events are durable (see the class remarks).
            foreach (var (index, task, events) in appends)
            {
                var result = task.GetAwaiter().GetResult();
                if (result.Outcome != AppendOutcome.Appended)
                {
                    _fault = $"ledger refused an append ({result.Outcome}): {result.Message}";
                    _logger.LogCritical("Vault {Stream}: {Fault}; refusing further commands until restart", StreamId, _fault);
                    break;
                }

                var outcome = new CommandOutcome(CommandStatus.Accepted, events, result.FirstSequence, result.LastSequence);
                outcomes[index] = outcome;
                var p = batch[index];
                if (p.Key is { } key) _idempotency[key] = new IdempotentEntry(p.Fingerprint, result.FirstSequence, result.LastSequence, events);
                for (int k = 0; k < events.Length; k++) committed.Add((result.FirstSequence + k, events[k]));
                durableHead = result.LastSequence;
            }
        }
        finally
        {
            // Publish what became durable (the successful prefix, in ledger order), also when the batch failed part-way.
            _lock.EnterWriteLock();
            try
            {
                foreach (var (_, e) in committed) _published.Apply(e);
                version = _published.Version;
                Interlocked.Exchange(ref _head, durableHead);
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }

        // Recent trades too are visible before anyone is told the trade happened.
        foreach (var (seq, e) in committed)
        {
            if (e is TradeExecuted t) AddRecent((seq, t));
        }

        for (int i = 0; i < batch.Count; i++)
        {
            var p = batch[i];
            var outcome = outcomes[i];
            if (outcome is null && _fault is null && p.Key is { } key && _idempotency.TryGetValue(key, out var seen))
            {
                outcome = seen.Fingerprint == p.Fingerprint
                    ? new CommandOutcome(CommandStatus.Replayed, seen.Events, seen.FirstSequence, seen.LastSequence)
                    : new CommandOutcome(CommandStatus.KeyReused, [], 0, 0, null, "this idempotency key was already used for a different request");
            }

            p.Reply.TrySetResult(outcome ?? CommandOutcome.Down(_fault ?? "the command's key belonged to a command that was not accepted; retry"));
        }

        if (committed.Count == 0) return;
        var handler = Committed;
        if (handler is not null)
        {
            var published = new CommittedBatch(committed, version);
            ThreadPool.UnsafeQueueUserWorkItem(static s =>
            {
                // A subscriber's failure (e.g. reading after a fault) must not take the process down.
                try
                {
                    s.handler(s.published);
                }
                catch (Exception e)
                {
                    s.logger.LogError(e, "A Committed subscriber failed");
                }
            }, (handler, published, logger: _logger), preferLocal: false);
        }
    }

    /// <summary>Stops taking commands, lets the writer finish what is queued, and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.Run(() => _writer.Join(TimeSpan.FromSeconds(30)));
    }

    private sealed record Pending(Command Command, string? Key, string Fingerprint, TaskCompletionSource<CommandOutcome> Reply);

    private sealed record IdempotentEntry(string Fingerprint, long FirstSequence, long LastSequence, Event[] Events);
}
