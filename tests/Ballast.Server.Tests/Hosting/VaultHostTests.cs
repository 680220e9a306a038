using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;
using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Hosting;
using Ballast.Pricing;

namespace Ballast.Server.Tests.Hosting;

/// <summary>The single-writer host without HTTP: durable-before-visible, group commit, recovery, idempotency.</summary>
public sealed class VaultHostTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "ballast-server-tests", "host-" + Guid.NewGuid().ToString("N") + ".db");
    private Ballast.Ledger.IEventStore _store = null!;
    private VaultHost _host = null!;

    private static readonly Principal Alice = new(new AccountId("alice"), Role.Trader);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _store = (await SqliteEventStore.OpenAsync(new SqliteStoreOptions(_path))).RequireStore();
        _host = await Open(_store);
        foreach (var c in DefaultVault.Commands(_host.Now)) Assert.Equal(CommandStatus.Accepted, (await _host.SubmitAsync(c)).Status);
        Assert.Equal(CommandStatus.Accepted, (await _host.SubmitAsync(new DepositCollateral(Alice, Asset.Quote, 10_000_000m))).Status);
    }

    private static async Task<VaultHost> Open(Ballast.Ledger.IEventStore store)
    {
        var (host, error) = await VaultHost.OpenAsync(store, "vault-test", TimeProvider.System);
        Assert.True(host is not null, error);
        return host!;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _store.DisposeAsync();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(f);
    }

    private SeriesId AtmCall() => _host.Read(static s =>
    {
        var b = s.BoardsByExpiry()[0];
        return new SeriesId(b.Expiry, 3000m, OptionType.Call);
    });

    [Fact]
    public async Task Concurrent_commands_get_gap_free_sequences_and_a_replay_gives_the_same_state_hash()
    {
        var series = AtmCall();
        long headBefore = _host.Head;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            _host.SubmitAsync(new Trade(Alice, series, i % 2 == 0 ? TradeDirection.Buy : TradeDirection.Sell, 0.1, i % 2 == 0 ? 1_000_000m : 0m))));
        Assert.All(outcomes, o => Assert.Equal(CommandStatus.Accepted, o.Status));
        var sequences = outcomes.SelectMany(o => Enumerable.Range(0, (int)(o.LastSequence - o.FirstSequence + 1)).Select(k => o.FirstSequence + k)).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, sequences.Length).Select(k => headBefore + k), sequences);
        Assert.Equal(headBefore + sequences.Length, _host.Head);

        string hash = _host.StateHash();
        var replayed = await Open(_store);
        Assert.Equal(hash, replayed.StateHash());
        await replayed.DisposeAsync();
    }

    [Fact]
    public async Task A_rejected_command_writes_nothing_and_leaves_the_state_hash()
    {
        string hash = _host.StateHash();
        long head = _host.Head;
        var outcome = await _host.SubmitAsync(new Trade(Alice, AtmCall(), TradeDirection.Buy, 1, 0.0001m));
        Assert.Equal(CommandStatus.Rejected, outcome.Status);
        Assert.Equal(Engine.RejectionReason.SlippageExceeded, outcome.Rejection!.Reason);
        Assert.Equal(head, _host.Head);
        Assert.Equal(hash, _host.StateHash());
    }

    [Fact]
    public async Task A_repeated_key_returns_the_original_events_and_another_request_under_it_is_refused()
    {
        string key = IdempotencyKeys.Scope("alice", "k1");
        var trade = new Trade(Alice, AtmCall(), TradeDirection.Buy, 1, 1_000_000m);
        var first = await _host.SubmitAsync(trade, key, "fp-1");
        string hash = _host.StateHash();
        var again = await _host.SubmitAsync(trade, key, "fp-1");
        var other = await _host.SubmitAsync(trade with { Size = 2 }, key, "fp-2");
        Assert.Equal(CommandStatus.Accepted, first.Status);
        Assert.Equal(CommandStatus.Replayed, again.Status);
        Assert.Equal(first.LastSequence, again.LastSequence);
        Assert.Equal(((TradeExecuted)first.MainEvent!).Payment, ((TradeExecuted)again.MainEvent!).Payment);
        Assert.Equal(CommandStatus.KeyReused, other.Status);
        Assert.Equal(hash, _host.StateHash());
    }

    [Fact]
    public async Task The_same_key_twice_in_one_batch_executes_once()
    {
        string key = IdempotencyKeys.Scope("alice", "burst");
        var trade = new Trade(Alice, AtmCall(), TradeDirection.Buy, 1, 1_000_000m);
        long head = _host.Head;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _host.SubmitAsync(trade, key, "same")));
        Assert.Single(outcomes, o => o.Status == CommandStatus.Accepted);
        Assert.All(outcomes, o => Assert.Equal(outcomes.Single(x => x.Status == CommandStatus.Accepted).LastSequence, o.LastSequence));
        Assert.Equal(head + 1, _host.Head);
    }

    [Fact]
    public async Task Idempotency_keys_survive_recovery()
    {
        string key = IdempotencyKeys.Scope("alice", "survives");
        var trade = new Trade(Alice, AtmCall(), TradeDirection.Buy, 0.5, 1_000_000m);
        var first = await _host.SubmitAsync(trade, key, "fp");
        Assert.Equal(CommandStatus.Accepted, first.Status);
        await _host.DisposeAsync();
        _host = await Open(_store);
        var again = await _host.SubmitAsync(trade, key, "fp");
        Assert.Equal(CommandStatus.Replayed, again.Status);
        Assert.Equal(first.LastSequence, again.LastSequence);
        Assert.Equal(CommandStatus.KeyReused, (await _host.SubmitAsync(trade, key, "other")).Status);
    }
}
