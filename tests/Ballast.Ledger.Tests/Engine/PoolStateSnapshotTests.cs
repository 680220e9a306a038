using System.Globalization;
using System.Text;
using Ballast.Engine.Events;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.State;
using Xunit.Abstractions;

namespace Ballast.Ledger.Tests.Engine;

/// <summary>
/// The "pool" section of the state image: the liquidity pool (parameters, tranches, LP shares, queues with ids, order and
/// times, breakers with their expiry, counters, marks) survives a snapshot exactly. The random round-trip properties of
/// <see cref="VaultStateSnapshotTests"/> cover it at random cuts; here every state just after a pool event is cut.
/// </summary>
public sealed class PoolStateSnapshotTests(ITestOutputHelper output)
{
    private static VaultState RoundTrip(VaultState s)
    {
        Assert.True(VaultState.TryReadSnapshot(s.WriteSnapshot(), out var restored, out var error, out string message), $"{error}: {message}");
        return restored;
    }

    /// <summary>Everything the pool's rules and the API read, as text: NAV and claims at <paramref name="now"/>, balances,
    /// queues head first, breakers, counters, marks. Two pools with the same view decide alike.</summary>
    private static string PoolView(VaultState s, long now)
    {
        if (s.Pool is not { } pool) return "no pool";
        var b = new StringBuilder();
        void Line(FormattableString f) => b.AppendLine(f.ToString(CultureInfo.InvariantCulture));
        var nav = s.PoolNav(now, s.Parameters);
        Line($"nav {nav.IsValid} {nav.Nav} {nav.IsInsolvent} | v{pool.Version} t{pool.LastEventTime} next {pool.NextRequestId} queued {pool.QueuedDepositTotal}");
        Line($"params {pool.Parameters}");
        if (nav.IsValid && !nav.IsInsolvent)
        {
            foreach (var c in pool.Claims(nav.Nav, now)) Line($"claim {c}");
            Line($"reserved {pool.ReservedForQueuedWithdrawals(nav.Nav, now)}");
        }

        foreach (var t in pool.Tranches)
        {
            Line($"tranche {t.Config} #{t.Seniority} shares {t.Shares} base {t.TargetBasePrice} since {t.TargetSince} target {t.TargetSharePrice(now)}");
            foreach (var r in pool.DepositQueue(t.Name)) Line($"  deposit {r}");
            foreach (var r in pool.WithdrawalQueue(t.Name)) Line($"  withdrawal {r}");
        }

        foreach (var (tranche, account, shares) in pool.Balances) Line($"balance {tranche} {account.Value} {shares}");
        foreach (var kind in CircuitBreakers.All) Line($"breaker {kind} until {pool.CircuitBreakerActiveUntil(kind)}");
        Line($"active {string.Join(",", pool.ActiveCircuitBreakers(now))} halted {pool.IsTradingHalted(now)}");
        foreach (var m in pool.History) Line($"mark {m.Time} {m.Nav} [{string.Join(" ", m.SharePrices)}] {m.Attribution}");
        return b.ToString();
    }

    private static void AssertRestoresExactly(VaultState state, string after)
    {
        var restored = RoundTrip(state);
        Assert.Equal(state.StateHash(), restored.StateHash());
        Assert.True(restored.WriteSnapshot().AsSpan().SequenceEqual(state.WriteSnapshot()), $"image differs after {after}");
        // Later than any event: queued requests become due and breakers expire, so the restored times are exercised too.
        foreach (long later in (long[])[state.LastEventTime, state.LastEventTime + 2 * 3_600, state.LastEventTime + 6 * 3_600])
            Assert.Equal(PoolView(state, later), PoolView(restored, later));
    }

    [Fact]
    public void Every_state_just_after_a_pool_event_restores_to_the_same_hash_bytes_and_pool_view()
    {
        int states = 0, queuedDeposits = 0, queuedWithdrawals = 0, activeBreakers = 0, byGuardian = 0, partial = 0, resets = 0, cancels = 0, seeded = 0;
        VaultState? withPool = null;
        foreach (int seed in (int[])[1, 2, 3, 4])
        {
            var history = RichVaultHistory.Run(seed, 600);
            var state = new VaultState();
            foreach (var e in history.Events)
            {
                state.Apply(e);
                if (e is not PoolEvent) continue;
                AssertRestoresExactly(state, $"seed {seed}: {e.GetType().Name} at {e.Time}");
                states++;
                var pool = state.Pool!;
                if (pool.Tranches.Any(t => pool.DepositQueue(t.Name).Count > 0)) queuedDeposits++;
                if (pool.Tranches.Any(t => pool.WithdrawalQueue(t.Name).Count > 0)) queuedWithdrawals++;
                if (pool.IsCircuitBreakerActive(e.Time)) activeBreakers++;
                IReadOnlyList<PoolEvent> changes = e is PoolEventBatch b ? b.Changes : [(PoolEvent)e];
                byGuardian += changes.Count(c => c is DepositProcessed { ByGuardian: true } or WithdrawalProcessed { ByGuardian: true });
                partial += changes.Count(c => c is WithdrawalProcessed { SharesRemaining: > 0 });
                resets += changes.Count(c => c is TrancheTargetReset);
                cancels += changes.Count(c => c is RequestCancelled);
                if (e is PoolOpened { SeedShares: > 0 }) seeded++;
                withPool = state;
            }
        }

        // The generator reaches the pool's corners; if one of these is 0, RichVaultHistory.NextPool no longer does.
        string reached = $"{states} pool states: {queuedDeposits} with queued deposits, {queuedWithdrawals} with queued withdrawals, {activeBreakers} with a breaker, "
            + $"{byGuardian} guardian-processed, {partial} partial withdrawals, {resets} target resets, {cancels} cancels, {seeded} seeded openings";
        output.WriteLine(reached);
        Assert.True(queuedDeposits > 0 && queuedWithdrawals > 0 && activeBreakers > 0 && byGuardian > 0 && partial > 0 && resets > 0 && cancels > 0 && seeded > 0, reached);

        // No command decides PoolMarked yet; applied directly, the marks it records (share prices at that NAV) round-trip too.
        var marked = withPool!;
        long now = marked.LastEventTime;
        marked.Apply(new PoolMarked(now, 1_234_567.891011m, new PnlAttribution(12.5m, -3.25m, 0.125m)));
        marked.Apply(new PoolMarked(now + 60, 0m, new PnlAttribution(0m, -1_234_567.891011m, 0m)));
        Assert.Equal(2, marked.Pool!.History.Count);
        AssertRestoresExactly(marked, "two PoolMarked");
    }

    [Fact]
    public void An_image_without_the_pool_section_restores_a_vault_without_a_pool_and_a_different_hash()
    {
        // An image written before the section existed: the pool is at its initial value (none), and the hash says so.
        var state = RichVaultHistory.Run(2, 200).State;
        Assert.NotNull(state.Pool);
        Assert.True(VaultState.TryReadSnapshot(VaultStateSnapshotTests.WithoutSection(state.WriteSnapshot(), "pool"), out var partial, out _, out _));
        Assert.Null(partial.Pool);
        Assert.NotEqual(state.StateHash(), partial.StateHash());
    }

    [Fact]
    public void A_vault_without_a_pool_restores_without_one()
    {
        var state = RichVaultHistory.Run(1, 0).State; // odd seed, no step: the pool is never opened
        Assert.Null(state.Pool);
        var restored = RoundTrip(state);
        Assert.Null(restored.Pool);
        Assert.Equal(state.StateHash(), restored.StateHash());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(200)]
    public void A_truncated_pool_section_is_malformed_not_a_crash(int cut)
    {
        var (sections, _) = VaultStateSnapshotTests.Parse(RichVaultHistory.Run(2, 200).State.WriteSnapshot());
        var pool = sections.Single(s => s.Name == "pool");
        sections[sections.IndexOf(pool)] = pool with { Content = pool.Content[..^cut] };
        Assert.False(VaultState.TryReadSnapshot(VaultStateSnapshotTests.Build(sections), out _, out var error, out string message));
        Assert.Equal(SnapshotReadError.Malformed, error);
        Assert.Contains("pool", message);
    }

    [Fact]
    public void A_pool_image_with_invalid_parameters_is_malformed()
    {
        // Byte 1 onward is MinDepositWithdraw (a decimal); its sign bit set makes it negative, which OpenPool never accepts.
        var (sections, _) = VaultStateSnapshotTests.Parse(RichVaultHistory.Run(2, 200).State.WriteSnapshot());
        var pool = sections.Single(s => s.Name == "pool");
        byte[] content = (byte[])pool.Content.Clone();
        content[1 + 15] |= 0x80;
        sections[sections.IndexOf(pool)] = pool with { Content = content };
        Assert.False(VaultState.TryReadSnapshot(VaultStateSnapshotTests.Build(sections), out _, out var error, out string message));
        Assert.Equal(SnapshotReadError.Malformed, error);
        Assert.Contains("minDepositWithdraw", message);
    }
}
