using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;
using Ballast.Ledger;
using Ballast.Ledger.Hosting;
using Ballast.Ledger.Sqlite;
using Ballast.Pricing;

namespace Ballast.Server.Tests.Hosting;

/// <summary>
/// Readers see the host's published state: a read made while a batch waits for its fsync neither waits for the disk
/// nor sees the batch; the batch becomes visible once it is durable, and the published state equals a replay.
/// The ledger's <see cref="EventStoreOptions.BeforeCommit"/> hook holds a commit open to make "during the fsync" exact.
/// </summary>
public sealed class PublishedStateTests : IAsyncLifetime
{
    private static readonly Principal Alice = new(new AccountId("alice"), Role.Trader);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _path = Path.Combine(Path.GetTempPath(), "ballast-server-tests", "published-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly ManualResetEventSlim _commitEntered = new();
    private readonly ManualResetEventSlim _releaseCommit = new(initialState: true);
    private IEventStore _store = null!;
    private VaultHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var options = new EventStoreOptions
        {
            BeforeCommit = () =>
            {
                _commitEntered.Set();
                _releaseCommit.Wait();
            },
        };
        _store = (await SqliteEventStore.OpenAsync(new SqliteStoreOptions(_path), options)).RequireStore();
        var (host, error) = await VaultHost.OpenAsync(_store, "vault-published", TimeProvider.System);
        Assert.True(host is not null, error);
        _host = host!;
        foreach (var c in DefaultVault.Commands(_host.Now)) Assert.Equal(CommandStatus.Accepted, (await _host.SubmitAsync(c)).Status);
        Assert.Equal(CommandStatus.Accepted, (await _host.SubmitAsync(new DepositCollateral(Alice, Asset.Quote, 10_000_000m))).Status);
    }

    public async Task DisposeAsync()
    {
        _releaseCommit.Set();
        await _host.DisposeAsync();
        await _store.DisposeAsync();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task A_read_during_a_pending_commit_does_not_wait_and_does_not_see_the_pending_trade()
    {
        var series = _host.Read(static s => new SeriesId(s.BoardsByExpiry()[0].Expiry, 3000m, OptionType.Call));
        var before = _host.Read(static s => (s.Version, s.StateHash()));
        long headBefore = _host.Head;

        _releaseCommit.Reset();
        _commitEntered.Reset();
        var trade = _host.SubmitAsync(new Trade(Alice, series, TradeDirection.Buy, 1, 1_000_000m));
        Assert.True(_commitEntered.Wait(Patience), "the trade's commit never started");

        // The commit is held open: a read must still complete (it would wait for ever on a lock held across the fsync).
        var during = await Task.Run(() => _host.Read(series, static (s, id) =>
            (s.Version, s.StateHash(), Position: s.AccountOrNull(new AccountId("alice"))!.PositionIn(id)))).WaitAsync(Patience);
        Assert.Equal(before.Version, during.Version);
        Assert.Equal(before.Item2, during.Item2);
        Assert.Equal(0m, during.Position);
        Assert.Equal(headBefore, _host.Head);
        Assert.False(trade.IsCompleted);

        _releaseCommit.Set();
        var outcome = await trade.WaitAsync(Patience);
        Assert.Equal(CommandStatus.Accepted, outcome.Status);
        var after = _host.Read(series, static (s, id) => (s.Version, Position: s.AccountOrNull(new AccountId("alice"))!.PositionIn(id)));
        Assert.True(after.Version > before.Version);
        Assert.Equal(1m, after.Position);
        Assert.Equal(outcome.LastSequence, _host.Head);
    }

    [Fact]
    public async Task The_published_state_equals_a_replay_of_the_ledger_after_concurrent_trades()
    {
        var series = _host.Read(static s => new SeriesId(s.BoardsByExpiry()[0].Expiry, 3000m, OptionType.Put));
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            _host.SubmitAsync(new Trade(Alice, series, i % 3 == 0 ? TradeDirection.Sell : TradeDirection.Buy, 0.2, i % 3 == 0 ? 0m : 1_000_000m))));
        Assert.All(outcomes, o => Assert.Equal(CommandStatus.Accepted, o.Status));
        string published = _host.StateHash();
        var (replayed, error) = await VaultHost.OpenAsync(_store, "vault-published", TimeProvider.System);
        Assert.True(replayed is not null, error);
        Assert.Equal(published, replayed!.StateHash());
        await replayed.DisposeAsync();
    }
}
