using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Pool;
using Ballast.Engine.State;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Hosting;
using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Tests.Engine;
using Ballast.Ledger.Tests.Support;

namespace Ballast.Ledger.Tests.Hosting;

/// <summary>
/// Host recovery from a snapshot plus the tail for a vault with hedges on several venues and a running liquidation
/// auction (the "hedges" and "auctions" snapshot sections), and for a vault with a liquidity pool in mid-flight (the
/// "pool" section), not only the trading state of <see cref="VaultHostSnapshotTests"/>.
/// </summary>
public sealed class VaultHostHedgeAuctionSnapshotTests : IAsyncDisposable
{
    private const string Stream = "vault-hedge-auction";
    private readonly TempDirectory _dir = new();
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(RichVaultHistory.T0));
    private IEventStore? _store;

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<VaultHost> OpenAsync(bool snapshotOnShutdown)
    {
        if (_store is not null) await _store.DisposeAsync();
        var options = new EventStoreOptions { Clock = _clock, SnapshotEveryEvents = 0, SnapshotOnShutdown = snapshotOnShutdown };
        _store = (await SqliteEventStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_dir.Path, "vault.db")), options)).RequireStore();
        var (host, error) = await VaultHost.OpenAsync(_store, Stream, _clock);
        Assert.True(host is not null, error);
        return host;
    }

    /// <summary>Sends the history's commands at the history's times; the host accepts exactly what the engine did.</summary>
    private async Task SendAsync(VaultHost host, IEnumerable<(Command Command, long Now, bool Accepted)> commands)
    {
        foreach (var (command, now, accepted) in commands)
        {
            _clock.Advance(TimeSpan.FromSeconds(now - host.Now));
            var outcome = await host.SubmitAsync(command);
            Assert.True((outcome.Status == CommandStatus.Accepted) == accepted, $"{command.GetType().Name} at {now}: {outcome.Status} {outcome.Rejection}");
        }
    }

    [Fact]
    public Task A_host_with_hedges_and_a_running_auction_restarts_from_its_snapshot_plus_the_tail_with_the_same_hash() =>
        // The tail: the next 40 commands (more fills, funding, health, bids), journaled without a new snapshot.
        RestartsFromSnapshotPlusTailAsync(s => s.Auctions.Count > 0 && s.Hedges.Venues.Count >= 2, 40, "an auction beside a two-venue hedge book",
            s => s.Version);

    [Fact]
    public Task A_host_with_a_pool_in_mid_flight_restarts_from_its_snapshot_plus_the_tail_with_the_same_hash() =>
        // Queued deposits and withdrawals, LP balances and a breaker that has fired; the tail then processes, cancels and
        // trips more on top of the restored queues, balances and breaker times (the pool's version must move in it).
        RestartsFromSnapshotPlusTailAsync(s => s.Pool is { } p
                && p.Tranches.Any(t => p.DepositQueue(t.Name).Count > 0) && p.Tranches.Any(t => p.WithdrawalQueue(t.Name).Count > 0)
                && p.Balances.Any() && CircuitBreakers.All.Any(k => p.CircuitBreakerActiveUntil(k) > long.MinValue),
            120, "a pool in mid-flight", s => s.Pool!.Version);

    /// <summary>
    /// Sends a seeded history up to the first command after which <paramref name="wanted"/> holds and stops with a
    /// snapshot; restarts, sends <paramref name="tail"/> more commands without a snapshot; restarts again and checks the
    /// host started from that image (none discarded) with the live hash, which a full replay of the stream also gives.
    /// </summary>
    private async Task RestartsFromSnapshotPlusTailAsync(Func<VaultState, bool> wanted, int tail, string what, Func<VaultState, long> progress)
    {
        var (history, split) = FindSplit(wanted, tail);
        var commands = Decided(history);

        var host = await OpenAsync(snapshotOnShutdown: true);
        await SendAsync(host, commands.Take(split));
        Assert.True(host.Read(wanted), $"the snapshot holds no {what}");
        long snapshotAt = host.Head;
        long progressAtSnapshot = host.Read(progress);
        await host.DisposeAsync();

        host = await OpenAsync(snapshotOnShutdown: false);
        Assert.Equal(snapshotAt, host.StartedFromSnapshot);
        await SendAsync(host, commands.Skip(split).Take(tail));
        string hash = host.StateHash();
        long head = host.Head;
        Assert.True(host.Read(progress) > progressAtSnapshot, $"the tail does not change {what}");
        await host.DisposeAsync();
        Assert.True(head > snapshotAt, "the tail is empty");

        host = await OpenAsync(snapshotOnShutdown: false);
        // Restored from the image (a section missing would make the host discard it and replay everything).
        Assert.Empty(host.DiscardedSnapshots);
        Assert.Equal(snapshotAt, host.StartedFromSnapshot);
        Assert.Equal(head - snapshotAt, host.ReplayedTailEvents);
        Assert.Equal(hash, host.StateHash());
        await host.DisposeAsync();

        var fold = new VaultReplayFold();
        await foreach (var record in _store!.ReadAsync(Stream)) fold.Apply(record);
        Assert.Null(fold.Fault);
        Assert.Equal(hash, fold.State.StateHash());
    }

    /// <summary>The first seeded history and command after which <paramref name="wanted"/> holds, with <paramref name="tail"/> commands after it.</summary>
    private static (RichVaultHistory History, int Split) FindSplit(Func<VaultState, bool> wanted, int tail)
    {
        for (int seed = 1; seed <= 12; seed++)
        {
            var history = RichVaultHistory.Run(seed, 600);
            var state = new VaultState();
            for (int i = 0; i + tail < history.Commands.Count; i++)
            {
                var (command, now) = history.Commands[i];
                var d = Vault.Decide(state, command, now);
                if (!d.IsAccepted) continue;
                state.Apply(d);
                if (wanted(state)) return (history, i + 1);
            }
        }

        throw new InvalidOperationException("no seeded history reaches the wanted state: RichVaultHistory changed");
    }

    /// <summary>The history's commands with whether the engine accepted each (replayed from an empty state).</summary>
    private static List<(Command Command, long Now, bool Accepted)> Decided(RichVaultHistory history)
    {
        var state = new VaultState();
        var list = new List<(Command, long, bool)>(history.Commands.Count);
        foreach (var (command, now) in history.Commands)
        {
            var d = Vault.Decide(state, command, now);
            if (d.IsAccepted) state.Apply(d);
            list.Add((command, now, d.IsAccepted));
        }

        return list;
    }
}
