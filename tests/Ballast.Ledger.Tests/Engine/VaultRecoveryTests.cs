using Ballast.Engine.State;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Verification;
using Microsoft.Data.Sqlite;

namespace Ballast.Ledger.Tests.Engine;

public class VaultRecoveryTests
{
    private const string Stream = "vault-eth";

    [Fact]
    public async Task Replaying_the_ledger_gives_the_same_state_hash_as_the_live_state()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var live = await EngineScenario.RunAsync(ledger.Store, Stream, seed: 11, steps: 120);
        await ledger.ReopenAsync();

        var recovered = await VaultRecovery.RecoverAsync(ledger.Store, Stream);

        Assert.True(recovered.IsComplete, recovered.Fault?.Message);
        Assert.Null(recovered.SnapshotSequence);
        Assert.Equal(live.Events.Count, recovered.LastSequence);
        Assert.Equal(live.State.StateHash(), recovered.State.StateHash());
        Assert.Empty(recovered.State.Boards); // settled
    }

    [Fact]
    public async Task Snapshot_plus_tail_equals_full_replay_and_the_verifier_agrees_with_the_snapshot()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var live = await EngineScenario.RunAsync(ledger.Store, Stream, seed: 12, steps: 80);
        long at = live.Events.Count / 2;
        Assert.Equal(SnapshotSaveOutcome.Saved, await VaultRecovery.SaveSnapshotAsync(ledger.Store, Stream, at));

        var recovered = await VaultRecovery.RecoverAsync(ledger.Store, Stream);

        Assert.Equal(at, recovered.SnapshotSequence);
        Assert.Equal(live.Events.Count - at, recovered.TailEvents);
        Assert.Empty(recovered.Discarded);
        Assert.Equal(live.State.StateHash(), recovered.State.StateHash());
        var report = await LedgerVerifier.VerifyAsync(ledger.Store, Stream, new VaultReplayFold());
        Assert.True(report.IsSound);
        Assert.Equal(1, report.SnapshotsAgreeing);
        Assert.Equal(Convert.FromHexString(live.State.StateHash()), report.FinalStateHash);
    }

    [Fact]
    public async Task A_snapshot_whose_hash_disagrees_is_discarded_reported_and_recovery_falls_back()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var live = await EngineScenario.RunAsync(ledger.Store, Stream, seed: 13, steps: 60);
        Assert.Equal(SnapshotSaveOutcome.Saved, await VaultRecovery.SaveSnapshotAsync(ledger.Store, Stream, 10));
        // A newer snapshot that records the wrong hash for its events (well-formed, its own checksum is fine).
        var good = await ledger.Store.LoadLatestValidSnapshotAsync(Stream);
        var state20 = await SaveRaw(ledger.Store, 20, wrongHash: true);

        var recovered = await VaultRecovery.RecoverAsync(ledger.Store, Stream);

        Assert.Equal(10, recovered.SnapshotSequence);
        var line = Assert.Single(recovered.Discarded);
        Assert.Contains("snapshot at sequence 20 discarded", line);
        Assert.Contains("different state hash", line);
        Assert.Equal(live.State.StateHash(), recovered.State.StateHash());
        var report = await LedgerVerifier.VerifyAsync(ledger.Store, Stream, new VaultReplayFold());
        Assert.Equal([20L], report.SnapshotsDisagreeing);
        Assert.False(report.IsSound);
        Assert.NotNull(good.Snapshot);
        Assert.NotEmpty(state20);
    }

    [Fact]
    public async Task A_snapshot_damaged_on_disk_is_discarded_and_reported()
    {
        await using var ledger = await LedgerFixture.OpenAsync();
        var live = await EngineScenario.RunAsync(ledger.Store, Stream, seed: 14, steps: 40);
        Assert.Equal(SnapshotSaveOutcome.Saved, await VaultRecovery.SaveSnapshotAsync(ledger.Store, Stream, 15));
        await ledger.Store.DisposeAsync();
        using (var c = new SqliteConnection($"Data Source={ledger.Path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // Change the first byte of the stored state (the snapshot's magic 'B'): the store's checksum no longer matches.
            cmd.CommandText = "UPDATE snapshots SET state = X'00' || substr(state, 2) WHERE seq = 15";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        await ledger.ReopenAsync();
        var recovered = await VaultRecovery.RecoverAsync(ledger.Store, Stream);

        Assert.Null(recovered.SnapshotSequence);
        Assert.Contains("checksum does not match", Assert.Single(recovered.Discarded));
        Assert.Equal(live.State.StateHash(), recovered.State.StateHash());
    }

    [Fact]
    public void Snapshot_bytes_that_do_not_hold_the_claimed_prefix_do_not_restore()
    {
        Assert.False(VaultSnapshot.TryRestore("nope"u8, 1, out _, out string reason));
        Assert.Contains("magic", reason);
        var bytes = VaultSnapshot.EncodePrefix([]);
        Assert.True(VaultSnapshot.TryRestore(bytes, 0, out var empty, out _));
        Assert.Equal(new VaultState().StateHash(), empty.StateHash());
        Assert.False(VaultSnapshot.TryRestore(bytes, 3, out _, out reason));
        Assert.Contains("holds 0 events", reason);
    }

    /// <summary>Saves a snapshot of the first <paramref name="sequence"/> events through the store API, optionally with a wrong hash.</summary>
    private static async Task<byte[]> SaveRaw(IEventStore store, long sequence, bool wrongHash)
    {
        var prefix = new List<Ballast.Ledger.Codecs.EncodedEvent>();
        var state = new VaultState();
        await foreach (var r in store.ReadAsync(Stream, 1))
        {
            prefix.Add(new Ballast.Ledger.Codecs.EncodedEvent(r.EventType, r.EventVersion, r.Payload));
            state.Apply(VaultEventCodec.Decode(r).Event!);
            if (r.Sequence == sequence) break;
        }

        var hash = Convert.FromHexString(state.StateHash());
        if (wrongHash) hash[0] ^= 0xFF;
        var bytes = VaultSnapshot.EncodePrefix(prefix);
        Assert.Equal(SnapshotSaveOutcome.Saved, await store.SaveSnapshotAsync(Stream, sequence, hash, bytes));
        return bytes;
    }
}
