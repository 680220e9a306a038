using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Hosting;
using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Tests.Support;
using Ballast.Pricing;
using Microsoft.Data.Sqlite;

namespace Ballast.Ledger.Tests.Hosting;

/// <summary>The host's snapshot schedule and its start-up from the newest valid snapshot plus the tail.</summary>
public sealed class VaultHostSnapshotTests : IAsyncDisposable
{
    private const string Stream = "vault-snap";
    private static readonly Principal Alice = new(new AccountId("alice"), Role.Trader);
    private readonly TempDirectory _dir = new();
    private readonly ManualClock _clock = new(ManualClock.Epoch);
    private IEventStore? _store;

    private string DbPath => Path.Combine(_dir.Path, "vault.db");

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<VaultHost> OpenAsync(long every, bool onShutdown)
    {
        if (_store is not null) await _store.DisposeAsync();
        var options = new EventStoreOptions { Clock = _clock, SnapshotEveryEvents = every, SnapshotOnShutdown = onShutdown };
        _store = (await SqliteEventStore.OpenAsync(new SqliteStoreOptions(DbPath), options)).RequireStore();
        var (host, error) = await VaultHost.OpenAsync(_store, Stream, _clock);
        Assert.True(host is not null, error);
        return host;
    }

    /// <summary>Opens the default vault, funds Alice and runs <paramref name="trades"/> trades (one per second).</summary>
    private async Task RunAsync(VaultHost host, int trades, bool open = true)
    {
        if (open)
        {
            foreach (var c in DefaultVault.Commands(host.Now))
            {
                var outcome = await host.SubmitAsync(c);
                Assert.True(outcome.Status == CommandStatus.Accepted, $"{c.GetType().Name}: {outcome.Rejection}");
            }

            Assert.Equal(CommandStatus.Accepted, (await host.SubmitAsync(new DepositCollateral(Alice, Asset.Quote, 1_000_000m))).Status);
            Assert.Equal(CommandStatus.Accepted, (await host.SubmitAsync(new DepositCollateral(Alice, Asset.Base, 100m))).Status);
        }

        var expiry = host.Read(s => s.BoardsByExpiry()[0].Expiry);
        for (int i = 0; i < trades; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            var side = i % 3 == 0 ? TradeDirection.Sell : TradeDirection.Buy;
            var trade = new Trade(Alice, new SeriesId(expiry, 3000m, i % 2 == 0 ? OptionType.Call : OptionType.Put), side, 0.5, side == TradeDirection.Buy ? decimal.MaxValue : 0m);
            var outcome = await host.SubmitAsync(trade);
            Assert.True(outcome.Status == CommandStatus.Accepted, $"trade {i}: {outcome.Rejection}");
        }
    }

    private long[] SnapshotSequences()
    {
        using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT seq FROM snapshots ORDER BY seq";
        using var r = cmd.ExecuteReader();
        var list = new List<long>();
        while (r.Read()) list.Add(r.GetInt64(0));
        return [.. list];
    }

    private async Task<string> FullReplayHashAsync()
    {
        var fold = new VaultReplayFold();
        await foreach (var record in _store!.ReadAsync(Stream)) fold.Apply(record);
        Assert.Null(fold.Fault);
        return fold.State.StateHash();
    }

    [Fact]
    public async Task A_host_snapshots_every_N_events_and_restarts_from_the_newest_snapshot_plus_the_tail()
    {
        var host = await OpenAsync(every: 10, onShutdown: false);
        await RunAsync(host, trades: 30);
        string hash = host.StateHash();
        long head = host.Head;
        await host.DisposeAsync();

        var snapshots = SnapshotSequences();
        Assert.True(snapshots.Length >= 3, $"snapshots at {string.Join(", ", snapshots)}");
        host = await OpenAsync(every: 10, onShutdown: false);
        Assert.Equal(snapshots[^1], host.StartedFromSnapshot);
        Assert.Equal(head - snapshots[^1], host.ReplayedTailEvents);
        Assert.Empty(host.DiscardedSnapshots);
        Assert.Equal(hash, host.StateHash());
        Assert.Equal(hash, await FullReplayHashAsync());

        // The restored host keeps trading exactly as a fully replayed one would.
        await RunAsync(host, trades: 5, open: false);
        string after = host.StateHash();
        await host.DisposeAsync();
        Assert.Equal(after, await FullReplayHashAsync());
    }

    [Fact]
    public async Task A_clean_shutdown_snapshots_the_head_so_the_next_start_replays_nothing()
    {
        var host = await OpenAsync(every: 0, onShutdown: true);
        await RunAsync(host, trades: 7);
        long head = host.Head;
        string hash = host.StateHash();
        await host.DisposeAsync();

        Assert.Equal([head], SnapshotSequences());
        host = await OpenAsync(every: 0, onShutdown: true);
        Assert.Equal(head, host.StartedFromSnapshot);
        Assert.Equal(0, host.ReplayedTailEvents);
        Assert.Equal(hash, host.StateHash());
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_keyed_command_repeated_after_a_restart_from_a_snapshot_is_replayed_not_applied_again()
    {
        var host = await OpenAsync(every: 0, onShutdown: true);
        await RunAsync(host, trades: 2);
        var expiry = host.Read(s => s.BoardsByExpiry()[0].Expiry);
        var trade = new Trade(Alice, new SeriesId(expiry, 3000m, OptionType.Call), TradeDirection.Buy, 1, decimal.MaxValue);
        string key = IdempotencyKeys.Scope("alice", "order-1"), fingerprint = IdempotencyKeys.Fingerprint("buy 1 call");
        var first = await host.SubmitAsync(trade, key, fingerprint);
        Assert.Equal(CommandStatus.Accepted, first.Status);
        await host.DisposeAsync();

        host = await OpenAsync(every: 0, onShutdown: false);
        Assert.Equal(first.LastSequence, host.StartedFromSnapshot);
        var again = await host.SubmitAsync(trade, key, fingerprint);
        Assert.Equal(CommandStatus.Replayed, again.Status);
        Assert.Equal((first.FirstSequence, first.LastSequence), (again.FirstSequence, again.LastSequence));
        Assert.Equal(first.Events.Select(e => e.GetType()), again.Events.Select(e => e.GetType()));
        Assert.Equal(first.LastSequence, host.Head);
        Assert.Equal(CommandStatus.KeyReused, (await host.SubmitAsync(trade, key, "another request")).Status);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_damaged_newest_snapshot_falls_back_to_the_previous_one_and_with_none_left_to_a_full_replay()
    {
        var host = await OpenAsync(every: 10, onShutdown: false);
        await RunAsync(host, trades: 25);
        string hash = host.StateHash();
        await host.DisposeAsync();
        await _store!.DisposeAsync();
        _store = null;
        var snapshots = SnapshotSequences();
        Assert.True(snapshots.Length >= 2);

        Damage(snapshots[^1]);
        host = await OpenAsync(every: 0, onShutdown: false);
        Assert.Equal(snapshots[^2], host.StartedFromSnapshot);
        Assert.Contains($"snapshot at sequence {snapshots[^1]} discarded: its checksum does not match", Assert.Single(host.DiscardedSnapshots));
        Assert.Equal(hash, host.StateHash());
        await host.DisposeAsync();
        await _store!.DisposeAsync();
        _store = null;

        foreach (long s in snapshots) Damage(s);
        host = await OpenAsync(every: 0, onShutdown: false);
        Assert.Null(host.StartedFromSnapshot);
        Assert.Equal(snapshots.Length, host.DiscardedSnapshots.Count);
        Assert.Equal(hash, host.StateHash());
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_snapshot_that_restores_to_another_hash_is_refused_and_the_older_one_used()
    {
        var host = await OpenAsync(every: 10, onShutdown: false);
        await RunAsync(host, trades: 12);
        string hash = host.StateHash();
        long older = SnapshotSequences()[^1];
        await host.DisposeAsync();

        // Intact on disk (the store checksums what it is given) but its state is not the one its hash names: a
        // snapshot of an empty vault filed under the head's sequence and hash.
        var head = await _store!.GetHeadAsync(Stream);
        var bogus = VaultSnapshot.Encode(new Ballast.Engine.State.VaultState());
        Assert.Equal(SnapshotSaveOutcome.Saved, await _store.SaveSnapshotAsync(Stream, head.Sequence, Convert.FromHexString(hash), bogus));

        host = await OpenAsync(every: 0, onShutdown: false);
        Assert.Equal(older, host.StartedFromSnapshot);
        Assert.Contains("holds 0 events", Assert.Single(host.DiscardedSnapshots));
        Assert.Equal(hash, host.StateHash());
        await host.DisposeAsync();
    }

    /// <summary>Flips one byte of a stored snapshot's state in the file (the store's own checksum then fails).</summary>
    private void Damage(long sequence)
    {
        using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE snapshots SET state = X'00' || substr(state, 2) WHERE seq = $s";
        cmd.Parameters.AddWithValue("$s", sequence);
        Assert.Equal(1, cmd.ExecuteNonQuery());
    }
}
