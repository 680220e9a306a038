using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using static Ballast.Engine.Tests.Pool.PoolTestKit;

namespace Ballast.Engine.Tests.Pool;

public class CircuitBreakerTests
{
    private static PoolMarket Stressed(decimal nav = 1_000_000m, decimal free = 500_000m, double ivVariance = 0, double skewVariance = 0, bool openOptions = true) =>
        new(NavResult.Solvent(nav), new LiquiditySnapshot(0, 0, 0, free, free, LiquidityInputError.None), ivVariance, skewVariance, openOptions, true, true);

    public static TheoryData<CircuitBreakerKind, long> Cases => new()
    {
        { CircuitBreakerKind.Liquidity, 3 * PoolParameters.Day },
        { CircuitBreakerKind.IvVariance, 12 * PoolParameters.Hour },
        { CircuitBreakerKind.SkewVariance, 12 * PoolParameters.Hour },
        { CircuitBreakerKind.BoardSettlement, 6 * PoolParameters.Hour },
    };

    private static PoolDecision Trip(TranchePool pool, CircuitBreakerKind kind, long now) => kind switch
    {
        CircuitBreakerKind.Liquidity => pool.UpdateCircuitBreakers(Stressed(free: 9_999m), now), // 0.9999 % < 1 %
        CircuitBreakerKind.IvVariance => pool.UpdateCircuitBreakers(Stressed(ivVariance: 0.1001), now),
        CircuitBreakerKind.SkewVariance => pool.UpdateCircuitBreakers(Stressed(skewVariance: 0.3501), now),
        _ => pool.SettleBoard(now),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_breaker_fires_for_its_Lyra_default_timeout_and_then_clears(CircuitBreakerKind kind, long timeout)
    {
        var pool = NewPool();
        var tripped = Assert.IsType<CircuitBreakerTripped>(Assert.Single(pool.Ok(Trip(pool, kind, T0 + 100))));
        Assert.Equal(kind, tripped.Kind);
        Assert.Equal(T0 + 100 + timeout, tripped.ActiveUntil);
        Assert.True(pool.IsCircuitBreakerActive(T0 + 100 + timeout));
        Assert.Equal([kind], pool.ActiveCircuitBreakers(T0 + 100 + timeout));
        Assert.False(pool.IsCircuitBreakerActive(T0 + 101 + timeout));
        Assert.Empty(pool.ActiveCircuitBreakers(T0 + 101 + timeout));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Queues_pause_while_a_breaker_is_active_and_resume_when_it_clears(CircuitBreakerKind kind, long timeout)
    {
        var pool = NewPool();
        var ledger = new Ledger();
        ledger.Apply(pool.Ok(pool.RequestDeposit("alice", "junior", 1_000m, T0)));
        long tripAt = T0 + Week;
        pool.Ok(Trip(pool, kind, tripAt));
        Assert.Empty(pool.Ok(pool.ProcessQueues(ledger.Market(pool), tripAt + timeout)).OfType<DepositProcessed>());
        Assert.Single(pool.Ok(pool.ProcessQueues(ledger.Market(pool), tripAt + timeout + 1)).OfType<DepositProcessed>());
    }

    [Fact]
    public void Values_at_the_threshold_do_not_fire()
    {
        var pool = NewPool();
        Assert.Empty(pool.UpdateCircuitBreakers(Stressed(free: 10_000m, ivVariance: 0.1, skewVariance: 0.35), T0).Events);
    }

    [Fact]
    public void No_breaker_fires_while_the_vault_has_no_open_options()
    {
        var pool = NewPool();
        Assert.Empty(pool.UpdateCircuitBreakers(Stressed(free: 0m, ivVariance: 5, skewVariance: 5, openOptions: false), T0).Events);
    }

    [Fact]
    public void Processing_fires_the_breakers_the_market_trips_before_it_looks_at_the_queues()
    {
        var pool = NewPool();
        var ledger = new Ledger();
        ledger.Apply(pool.Ok(pool.RequestDeposit("alice", "junior", 1_000m, T0)));
        var events = pool.Ok(pool.ProcessQueues(Stressed(ivVariance: 0.5), T0 + Week + 1));
        Assert.Equal(CircuitBreakerKind.IvVariance, Assert.IsType<CircuitBreakerTripped>(Assert.Single(events)).Kind);
    }

    [Fact]
    public void A_breaker_firing_again_extends_but_never_shortens_its_timeout()
    {
        var pool = NewPool();
        pool.Ok(pool.UpdateCircuitBreakers(Stressed(free: 0m), T0));
        Assert.Single(pool.Ok(pool.UpdateCircuitBreakers(Stressed(free: 0m), T0 + 10)));
        Assert.Equal(T0 + 10 + 3 * PoolParameters.Day, pool.CircuitBreakerActiveUntil(CircuitBreakerKind.Liquidity));
        pool.Ok(pool.SettleBoard(T0 + 20)); // a board settlement's 6 h does not cut the liquidity breaker's 3 days
        Assert.Equal(T0 + 10 + 3 * PoolParameters.Day, pool.CircuitBreakerActiveUntil(CircuitBreakerKind.Liquidity));
        Assert.True(pool.IsCircuitBreakerActive(T0 + 2 * PoolParameters.Day));
    }

    [Fact]
    public void An_insolvent_pool_fires_the_liquidity_breaker()
    {
        var market = Stressed() with { Nav = NavCalculator.Compute(new NavInputs(1, 0, 1, 0, 0, 0, 2)) };
        Assert.Contains(CircuitBreakers.Fired(market, PoolParameters.Default, T0), f => f.Kind == CircuitBreakerKind.Liquidity);
    }

    [Fact]
    public void Trading_continues_during_a_breaker_unless_configured_to_halt()
    {
        var lyra = NewPool();
        lyra.Ok(lyra.SettleBoard(T0));
        Assert.True(lyra.IsCircuitBreakerActive(T0 + 1));
        Assert.False(lyra.IsTradingHalted(T0 + 1));
        var strict = NewPool(PoolParameters.Default with { HaltTradingWhileBreakerActive = true });
        strict.Ok(strict.SettleBoard(T0));
        Assert.True(strict.IsTradingHalted(T0 + 1));
        Assert.False(strict.IsTradingHalted(T0 + 6 * PoolParameters.Hour + 1));
    }
}
