using Ballast.Ledger.Storage;
using Ballast.Ledger.Tests.Support;
using Ballast.Ledger.Verification;
using Xunit.Abstractions;

namespace Ballast.Ledger.Tests.Contract;

/// <summary>
/// The behaviour every event store must have. Each database gets a subclass that says how to open a fresh store
/// and how to damage it; the tests are written once. A subclass whose database is unavailable returns early
/// from each test after writing the reason to the test output.
/// </summary>
public abstract class EventStoreContract(ITestOutputHelper output) : IAsyncLifetime
{
    protected ManualClock Clock { get; } = new(ManualClock.Epoch);
    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Why the database cannot be used here, or null when it can.</summary>
    protected abstract string? UnavailableReason { get; }

    /// <summary>Opens the store under test (the same database every time within one test).</summary>
    private protected abstract Task<LedgerOpenResult> OpenAsync(EventStoreOptions options, IReadOnlyList<Migration>? migrations = null);

    /// <summary>All migrations of this database.</summary>
    private protected abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Flips a byte of a stored record's payload behind the store's back.</summary>
    protected abstract Task CorruptPayloadAsync(string streamId, long sequence);

    /// <summary>Records a schema version in schema_version behind the store's back.</summary>
    protected abstract Task InsertSchemaVersionAsync(int version);

    /// <summary>The highest applied schema version.</summary>
    protected abstract Task<long> SchemaVersionAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;
    public virtual Task DisposeAsync() => Task.CompletedTask;

    private bool Unavailable()
    {
        if (UnavailableReason is not { } reason) return false;
        Output.WriteLine($"SKIPPED: {reason}");
        return true;
    }

    private async Task<GroupCommitEventStore> Open(EventStoreOptions? options = null)
    {
        var opened = await OpenAsync(options ?? new EventStoreOptions { Clock = Clock });
        Assert.Null(opened.Fault);
        return (GroupCommitEventStore)opened.RequireStore();
    }

    private static async Task<List<LedgerRecord>> ReadAll(IEventStore store, string stream, long from = 1, bool verify = true)
    {
        var list = new List<LedgerRecord>();
        await foreach (var r in store.ReadAsync(stream, from, verify)) list.Add(r);
        return list;
    }

    /// <summary>Appends <paramref name="count"/> single-record commands to vault-1 and closes the store.</summary>
    private async Task AppendOneByOneAndCloseAsync(int count)
    {
        await using var store = await Open();
        for (int i = 0; i < count; i++) await store.AppendAsync("vault-1", i, Records.Trades(i), $"cmd-{i}");
    }

    [Fact]
    public async Task Appends_get_gap_free_sequences_starting_at_one()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        var first = await store.AppendAsync("vault-1", 0, Records.Trades(1, 2), "cmd-1");
        var second = await store.AppendAsync("vault-1", 2, Records.Trades(3), "cmd-2");
        Assert.Equal((AppendOutcome.Appended, 1L, 2L), (first.Outcome, first.FirstSequence, first.LastSequence));
        Assert.Equal((AppendOutcome.Appended, 3L, 3L), (second.Outcome, second.FirstSequence, second.LastSequence));
        Assert.Equal([1L, 2L, 3L], (await ReadAll(store, "vault-1")).Select(r => r.Sequence));
        Assert.Equal(3, (await store.GetHeadAsync("vault-1")).Sequence);
    }

    [Fact]
    public async Task Read_returns_every_field_as_appended_with_the_injected_clock_time()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        Clock.Advance(TimeSpan.FromMinutes(7));
        await store.AppendAsync("vault-1", 0, [Records.Trade(1), Records.Trade(2, version: 3)], "cmd-1", writerEpoch: 0);
        var records = await ReadAll(store, "vault-1");
        Assert.Equal(2, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal("vault-1", r.StreamId);
            Assert.Equal("TradeExecuted", r.EventType);
            Assert.Equal("cmd-1", r.IdempotencyKey);
            Assert.Equal(ManualClock.Epoch.AddMinutes(7), r.Timestamp);
        });
        Assert.Equal(Records.Trade(1).Payload.ToArray(), records[0].Payload.ToArray());
        Assert.Equal(Records.Trade(2).Payload.ToArray(), records[1].Payload.ToArray());
        Assert.Equal([1, 3], records.Select(r => r.EventVersion));
    }

    [Fact]
    public async Task Each_checksum_chains_to_the_previous_record_and_the_head_holds_the_last()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        for (int i = 0; i < 5; i++) await store.AppendAsync("vault-1", i, Records.Trades(i), $"cmd-{i}");
        var records = await ReadAll(store, "vault-1", verify: false);
        ReadOnlySpan<byte> previous = RecordChecksum.Genesis;
        foreach (var r in records)
        {
            Assert.True(RecordChecksum.Verify(previous, r));
            previous = r.Checksum;
        }

        Assert.Equal(records[^1].Checksum, (await store.GetHeadAsync("vault-1")).Checksum);
    }

    [Fact]
    public async Task Reading_from_the_middle_returns_the_tail()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        await store.AppendAsync("vault-1", 0, Records.Trades(1, 2, 3, 4), "cmd-1");
        Assert.Equal([3L, 4L], (await ReadAll(store, "vault-1", from: 3)).Select(r => r.Sequence));
        Assert.Empty(await ReadAll(store, "vault-1", from: 5));
    }

    [Fact]
    public async Task Append_with_a_stale_expected_sequence_is_a_concurrency_conflict_and_writes_nothing()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        await store.AppendAsync("vault-1", 0, Records.Trades(1, 2), "cmd-1");
        var conflict = await store.AppendAsync("vault-1", 1, Records.Trades(3), "cmd-2");
        Assert.Equal(AppendOutcome.ConcurrencyConflict, conflict.Outcome);
        Assert.Equal(2, conflict.CurrentSequence);
        Assert.False(conflict.IsDurable);
        Assert.Equal(2, (await ReadAll(store, "vault-1")).Count);
        // The rejected command's key was not consumed: it can be applied at the right position.
        Assert.Equal(AppendOutcome.Appended, (await store.AppendAsync("vault-1", 2, Records.Trades(3), "cmd-2")).Outcome);
    }

    [Fact]
    public async Task A_duplicate_command_returns_the_original_result_and_appends_nothing()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        var original = await store.AppendAsync("vault-1", 0, Records.Trades(1, 2), "cmd-1");
        await store.AppendAsync("vault-1", 2, Records.Trades(3), "cmd-2");
        // A retry (same key, now-stale expected sequence) is recognised as already applied, not as a conflict.
        var retry = await store.AppendAsync("vault-1", 0, Records.Trades(1, 2), "cmd-1");
        Assert.Equal(AppendOutcome.DuplicateCommand, retry.Outcome);
        Assert.True(retry.IsDurable);
        Assert.Equal((original.FirstSequence, original.LastSequence), (retry.FirstSequence, retry.LastSequence));
        Assert.Equal(3, (await ReadAll(store, "vault-1")).Count);
    }

    [Fact]
    public async Task A_command_sent_many_times_concurrently_is_applied_once()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            store.AppendAsync("vault-1", IEventStore.AnySequence, Records.Trades(1), "same-command")));
        Assert.Single(results, r => r.Outcome == AppendOutcome.Appended);
        Assert.All(results, r => Assert.Equal((1L, 1L), (r.FirstSequence, r.LastSequence)));
        Assert.Single(await ReadAll(store, "vault-1"));
    }

    [Fact]
    public async Task Idempotency_keys_are_scoped_to_their_stream()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        await store.AppendAsync("vault-1", 0, Records.Trades(1), "cmd-1");
        var other = await store.AppendAsync("vault-2", 0, Records.Trades(1), "cmd-1");
        Assert.True(other.Outcome == AppendOutcome.Appended, other.Message);
    }

    [Fact]
    public async Task A_writer_with_an_older_epoch_is_fenced_off_after_a_newer_epoch_is_claimed()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        long? first = await store.ClaimWriterEpochAsync("vault-1");
        Assert.Equal(AppendOutcome.Appended, (await store.AppendAsync("vault-1", 0, Records.Trades(1), "a-1", first!.Value)).Outcome);
        long? second = await store.ClaimWriterEpochAsync("vault-1");
        Assert.True(second > first);

        var stale = await store.AppendAsync("vault-1", 1, Records.Trades(2), "a-2", first.Value);
        Assert.Equal(AppendOutcome.StaleWriter, stale.Outcome);
        Assert.Equal(AppendOutcome.Appended, (await store.AppendAsync("vault-1", 1, Records.Trades(2), "b-1", second!.Value)).Outcome);
        Assert.Equal(AppendOutcome.StaleWriter, (await store.AppendAsync("vault-1", 2, Records.Trades(3), "a-3", 0)).Outcome);
        Assert.Equal(second, (await store.GetHeadAsync("vault-1")).WriterEpoch);
    }

    [Fact]
    public async Task An_append_with_a_newer_epoch_raises_the_fence_for_older_writers()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        await store.AppendAsync("vault-1", 0, Records.Trades(1), "new-1", writerEpoch: 5);
        Assert.Equal(AppendOutcome.StaleWriter, (await store.AppendAsync("vault-1", 1, Records.Trades(2), "old-1", writerEpoch: 4)).Outcome);
        Assert.Equal(6, await store.ClaimWriterEpochAsync("vault-1"));
    }

    [Fact]
    public async Task Malformed_appends_are_rejected_without_writing()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        Assert.Equal(AppendOutcome.InvalidRequest, (await store.AppendAsync("vault-1", 0, [], "cmd-1")).Outcome);
        Assert.Equal(AppendOutcome.InvalidRequest, (await store.AppendAsync("", 0, Records.Trades(1), "cmd-1")).Outcome);
        Assert.Equal(AppendOutcome.InvalidRequest, (await store.AppendAsync("vault-1", 0, Records.Trades(1), "")).Outcome);
        Assert.Equal(AppendOutcome.InvalidRequest, (await store.AppendAsync("vault-1", 0, [Records.Trade(1, version: 0)], "cmd-1")).Outcome);
        Assert.Equal(AppendOutcome.InvalidRequest, (await store.AppendAsync("vault-1", -7, Records.Trades(1), "cmd-1")).Outcome);
        Assert.Empty(await ReadAll(store, "vault-1"));
    }

    [Fact]
    public async Task Appends_queued_while_a_commit_is_in_flight_share_the_next_transaction()
    {
        if (Unavailable()) return;
        using var firstCommitEntered = new SemaphoreSlim(0);
        using var releaseFirstCommit = new SemaphoreSlim(0);
        int commits = 0;
        await using var store = await Open(new EventStoreOptions
        {
            Clock = Clock,
            BeforeCommit = () =>
            {
                if (Interlocked.Increment(ref commits) != 1) return;
                firstCommitEntered.Release();
                releaseFirstCommit.Wait();
            },
        });
        var first = store.AppendAsync("vault-0", 0, Records.Trades(0), "cmd-0");
        await firstCommitEntered.WaitAsync();
        var queued = Enumerable.Range(1, 50).Select(i => store.AppendAsync($"vault-{i % 5}", IEventStore.AnySequence, Records.Trades(i), $"cmd-{i}")).ToArray();
        Assert.False(first.IsCompleted); // not acknowledged before its commit
        releaseFirstCommit.Release();
        var results = await Task.WhenAll(queued.Prepend(first));
        Assert.All(results, r => Assert.Equal(AppendOutcome.Appended, r.Outcome));
        Assert.Equal(2, store.CommittedBatches);
        for (int s = 0; s < 5; s++)
            Assert.Equal(Enumerable.Range(1, s == 0 ? 11 : 10).Select(i => (long)i), (await ReadAll(store, $"vault-{s}")).Select(r => r.Sequence));
    }

    [Fact]
    public async Task Concurrent_appenders_with_expected_sequences_never_interleave_or_lose_records()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        const int writers = 8, perWriter = 25;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            for (int i = 0; i < perWriter; i++)
            {
                var r = await store.AppendAsync($"vault-{w}", i * 2, Records.Trades(i, i + 1000), $"w{w}-{i}");
                Assert.Equal(AppendOutcome.Appended, r.Outcome);
            }
        }));
        for (int w = 0; w < writers; w++)
        {
            var records = await ReadAll(store, $"vault-{w}");
            Assert.Equal(perWriter * 2, records.Count);
            Assert.Equal(Records.Trade(7).Payload.ToArray(), records[14].Payload.ToArray());
        }
    }

    [Fact]
    public async Task Everything_acknowledged_is_there_after_reopening()
    {
        if (Unavailable()) return;
        await using (var store = await Open())
        {
            await store.AppendAsync("vault-1", 0, Records.Trades(1, 2), "cmd-1");
            await store.ClaimWriterEpochAsync("vault-1");
        }

        await using var reopened = await Open();
        Assert.Equal(2, (await ReadAll(reopened, "vault-1")).Count);
        Assert.Equal(1, (await reopened.GetHeadAsync("vault-1")).WriterEpoch);
        Assert.Equal(AppendOutcome.DuplicateCommand, (await reopened.AppendAsync("vault-1", 0, Records.Trades(1, 2), "cmd-1")).Outcome);
        Assert.Equal(["vault-1"], await reopened.ListStreamsAsync());
    }

    [Fact]
    public async Task A_failed_commit_halts_the_store_and_nothing_after_it_is_acknowledged()
    {
        if (Unavailable()) return;
        bool failing = false;
        await using (var store = await Open(new EventStoreOptions { Clock = Clock, BeforeCommit = () => { if (failing) throw new IOException("fsync failed: No space left on device"); } }))
        {
            Assert.Equal(AppendOutcome.Appended, (await store.AppendAsync("vault-1", 0, Records.Trades(1), "cmd-1")).Outcome);
            failing = true;
            var failed = await store.AppendAsync("vault-1", 1, Records.Trades(2), "cmd-2");
            Assert.Equal(AppendOutcome.StoreHalted, failed.Outcome);
            Assert.Contains("No space left", failed.Message);
            failing = false; // even once the disk "recovers", a halted store stays halted until restarted
            Assert.Equal(AppendOutcome.StoreHalted, (await store.AppendAsync("vault-1", 1, Records.Trades(3), "cmd-3")).Outcome);
            Assert.Null(await store.ClaimWriterEpochAsync("vault-1"));
            Assert.Equal(SnapshotSaveOutcome.StoreHalted, await store.SaveSnapshotAsync("vault-1", 1, new byte[32], new byte[1]));
            Assert.Equal(LedgerFaultKind.WriteFailed, store.Halt?.Kind);
        }

        await using var restarted = await Open();
        Assert.Equal([1L], (await ReadAll(restarted, "vault-1")).Select(r => r.Sequence));
        Assert.Equal(AppendOutcome.Appended, (await restarted.AppendAsync("vault-1", 1, Records.Trades(2), "cmd-2")).Outcome);
    }

    [Fact]
    public async Task The_latest_snapshot_is_loaded_and_one_beyond_the_head_is_refused()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        await store.AppendAsync("vault-1", 0, Records.Trades(1, 2, 3), "cmd-1");
        Assert.Equal(SnapshotSaveOutcome.Saved, await store.SaveSnapshotAsync("vault-1", 1, new byte[] { 1 }, new byte[] { 10 }));
        Assert.Equal(SnapshotSaveOutcome.Saved, await store.SaveSnapshotAsync("vault-1", 3, new byte[] { 3 }, new byte[] { 30 }));
        Assert.Equal(SnapshotSaveOutcome.SequenceOutOfRange, await store.SaveSnapshotAsync("vault-1", 4, new byte[] { 4 }, new byte[] { 40 }));
        Assert.Equal(SnapshotSaveOutcome.SequenceOutOfRange, await store.SaveSnapshotAsync("vault-1", 0, new byte[] { 0 }, new byte[] { 0 }));

        var load = await store.LoadLatestValidSnapshotAsync("vault-1");
        Assert.Equal(3, load.Snapshot?.Sequence);
        Assert.Equal([30], load.Snapshot!.State.ToArray());
        Assert.Empty(load.Discarded);
    }

    [Fact]
    public async Task A_snapshot_the_caller_refuses_is_discarded_and_reported_and_the_older_one_used()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        await store.AppendAsync("vault-1", 0, Records.Trades(1, 2, 3), "cmd-1");
        await store.SaveSnapshotAsync("vault-1", 1, new byte[] { 1 }, new byte[] { 10 });
        await store.SaveSnapshotAsync("vault-1", 3, new byte[] { 99 }, new byte[] { 30 });
        var load = await store.LoadLatestValidSnapshotAsync("vault-1", s => s.StateHash.Span[0] == s.Sequence);
        Assert.Equal(1, load.Snapshot?.Sequence);
        Assert.Equal([new DiscardedSnapshot(3, SnapshotRejection.RefusedByCaller)], load.Discarded);
    }

    [Fact]
    public async Task The_verifier_reports_snapshot_agreement_through_the_callers_replay()
    {
        if (Unavailable()) return;
        await using var store = await Open();
        await store.AppendAsync("vault-1", 0, Records.Trades(1, 2, 3), "cmd-1");
        var fold = new PayloadDigestFold();
        await foreach (var r in store.ReadAsync("vault-1")) { fold.Apply(r); if (r.Sequence == 2) await store.SaveSnapshotAsync("vault-1", 2, fold.StateHash(), new byte[] { 2 }); }
        await store.SaveSnapshotAsync("vault-1", 3, new byte[32], new byte[] { 3 }); // a hash replay will not produce

        var report = await LedgerVerifier.VerifyAsync(store, "vault-1", new PayloadDigestFold());
        Assert.Empty(report.Problems);
        Assert.Equal(1, report.SnapshotsAgreeing);
        Assert.Equal([3L], report.SnapshotsDisagreeing);
        Assert.Equal(fold.StateHash(), report.FinalStateHash);
        Assert.False(report.IsSound);
    }

    [Fact]
    public async Task A_torn_final_record_is_truncated_at_start_up_and_reported()
    {
        if (Unavailable()) return;
        await using (var store = await Open())
        {
            await store.AppendAsync("vault-1", 0, Records.Trades(1, 2), "cmd-1");
            await store.AppendAsync("vault-1", 2, Records.Trades(3), "cmd-2");
            await store.SaveSnapshotAsync("vault-1", 3, new byte[] { 3 }, new byte[] { 3 });
        }

        await CorruptPayloadAsync("vault-1", 3);
        var reopened = await OpenAsync(new EventStoreOptions { Clock = Clock });
        Assert.Null(reopened.Fault);
        var repair = Assert.Single(reopened.Repairs);
        Assert.Equal(("vault-1", 3L), (repair.StreamId, repair.TruncatedSequence));
        await using var store2 = reopened.RequireStore();
        Assert.Equal([1L, 2L], (await ReadAll(store2, "vault-1")).Select(r => r.Sequence));
        Assert.Null((await store2.LoadLatestValidSnapshotAsync("vault-1")).Snapshot);
        // The truncated command was never acknowledged durable in a sound log: its retry appends again.
        Assert.Equal(AppendOutcome.Appended, (await store2.AppendAsync("vault-1", 2, Records.Trades(3), "cmd-2")).Outcome);
        Assert.True((await LedgerVerifier.VerifyAsync(store2, "vault-1")).IsSound);
    }

    [Fact]
    public async Task A_checksum_mismatch_in_the_middle_stops_reads_with_the_stream_and_sequence()
    {
        if (Unavailable()) return;
        await AppendOneByOneAndCloseAsync(6);

        await CorruptPayloadAsync("vault-1", 3);
        await using var reopened = await Open(); // the tail is sound, so start-up with tail checks succeeds
        var error = await Assert.ThrowsAsync<LedgerCorruptionException>(() => ReadAll(reopened, "vault-1"));
        Assert.Equal((LedgerFaultKind.ChecksumMismatch, "vault-1", 3L), (error.Fault.Kind, error.Fault.StreamId, error.Fault.Sequence));
        Assert.Contains("'vault-1', sequence 3", error.Message);

        var report = await LedgerVerifier.VerifyAsync(reopened, "vault-1");
        Assert.Equal([3L], report.Problems.Select(p => p.Sequence!.Value));
    }

    [Fact]
    public async Task Start_up_with_whole_log_verification_refuses_a_log_corrupt_in_the_middle()
    {
        if (Unavailable()) return;
        await AppendOneByOneAndCloseAsync(4);

        await CorruptPayloadAsync("vault-1", 2);
        var opened = await OpenAsync(new EventStoreOptions { Clock = Clock, VerifyWholeLogOnOpen = true });
        Assert.Null(opened.Store);
        Assert.Equal((LedgerFaultKind.ChecksumMismatch, 2L), (opened.Fault!.Kind, opened.Fault.Sequence));
    }

    [Fact]
    public async Task Damage_just_before_the_tail_is_corruption_not_a_torn_write()
    {
        if (Unavailable()) return;
        await AppendOneByOneAndCloseAsync(4);

        await CorruptPayloadAsync("vault-1", 3);
        await CorruptPayloadAsync("vault-1", 4);
        var opened = await OpenAsync(new EventStoreOptions { Clock = Clock });
        Assert.Null(opened.Store);
        Assert.Equal((LedgerFaultKind.ChecksumMismatch, "vault-1", 3L), (opened.Fault!.Kind, opened.Fault.StreamId, opened.Fault.Sequence));
    }

    [Fact]
    public async Task Start_up_applies_pending_migrations_to_an_old_database()
    {
        if (Unavailable()) return;
        var old = await OpenAsync(new EventStoreOptions { Clock = Clock }, Migrations.Take(1).ToArray());
        await using (var store = old.RequireStore()) await store.AppendAsync("vault-1", 0, Records.Trades(1), "cmd-1");
        Assert.Equal(1, await SchemaVersionAsync());

        await using var upgraded = await Open();
        Assert.Equal(Migrations[^1].Version, await SchemaVersionAsync());
        Assert.Single(await ReadAll(upgraded, "vault-1"));
        Assert.Equal(SnapshotSaveOutcome.Saved, await upgraded.SaveSnapshotAsync("vault-1", 1, new byte[] { 1 }, new byte[] { 1 }));
    }

    [Fact]
    public async Task A_database_with_a_newer_schema_than_the_build_stops_start_up()
    {
        if (Unavailable()) return;
        await using (var _ = await Open()) { }
        await InsertSchemaVersionAsync(Migrations[^1].Version + 1);
        var opened = await OpenAsync(new EventStoreOptions { Clock = Clock });
        Assert.Null(opened.Store);
        Assert.Equal(LedgerFaultKind.SchemaTooNew, opened.Fault!.Kind);
        Assert.Contains($"schema version {Migrations[^1].Version + 1} is newer", opened.Fault.Message);
    }
}
