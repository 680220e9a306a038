using Ballast.Engine.Pool;
using FsCheck.Xunit;
using static Ballast.Engine.Tests.Pool.PoolTestKit;

namespace Ballast.Engine.Tests.Pool;

public class TrancheWaterfallTests
{
    private static decimal[] Allocate(decimal nav, decimal[] shares, decimal[] targets, out decimal unallocated)
    {
        var claims = new decimal[shares.Length];
        unallocated = TrancheWaterfall.Allocate(nav, shares, targets, claims);
        return claims;
    }

    [Fact]
    public void Senior_is_paid_its_target_first_and_junior_takes_the_residual()
    {
        var claims = Allocate(1_500_000m, [1_000_000m, 500_000m], [1_050_000m, 0], out var rest);
        Assert.Equal([1_050_000m, 450_000m], claims);
        Assert.Equal(0m, rest);
    }

    [Fact]
    public void Losses_hit_the_junior_first_and_the_senior_only_once_the_junior_is_gone()
    {
        Assert.Equal([1_000_000m, 200_000m], Allocate(1_200_000m, [1_000_000m, 500_000m], [1_000_000m, 0], out _));
        Assert.Equal([900_000m, 0m], Allocate(900_000m, [1_000_000m, 500_000m], [1_000_000m, 0], out _));
    }

    [Fact]
    public void A_middle_tranche_loses_before_the_senior_and_after_the_junior()
    {
        var claims = Allocate(250m, [100m, 100m, 100m], [100m, 200m, 0], out _);
        Assert.Equal([100m, 150m, 0m], claims);
    }

    [Fact]
    public void With_an_empty_junior_the_residual_goes_to_the_most_junior_tranche_with_shares()
    {
        Assert.Equal([1_200m, 0m], Allocate(1_200m, [1_000m, 0m], [1_000m, 0], out var rest));
        Assert.Equal(0m, rest);
        Allocate(7m, [0m, 0m], [0m, 0m], out var unallocated);
        Assert.Equal(7m, unallocated);
    }

    [Fact]
    public void Senior_target_accrues_its_APR_per_second_as_simple_interest()
    {
        var pool = NewPool(seniorApr: 0.05m);
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "senior", 1_000_000m), ("bob", "junior", 500_000m));
        var fresh = NewPool(seniorApr: 0.05m).Tranches[0];
        // One 365-day year after inception the target share price is 1.05; half a year 1.025.
        Assert.Equal(1.05m, fresh.TargetSharePrice(T0 + PoolParameters.SecondsPerYear));
        Assert.Equal(1.025m, fresh.TargetSharePrice(T0 + PoolParameters.SecondsPerYear / 2));
        var senior = pool.Tranches[0];
        // At processing time (1 week + 1 s after T0) the price used for minting was the accrued target.
        decimal priceAtSeed = 1m + 0.05m * (Week + 1) / PoolParameters.SecondsPerYear;
        // (Seeding the junior raised the senior's target by its rounding dust, < 1e-15 relative.)
        Close(priceAtSeed, senior.TargetSharePrice(now), 1e-15m);
        var claims = pool.Claims(1_500_000m, T0 + PoolParameters.SecondsPerYear);
        Close(senior.Shares * 1.05m, claims[0].Claim, 1e-6m);
        Assert.Equal(1_500_000m, claims[0].Claim + claims[1].Claim);
    }

    [Fact]
    public void Share_prices_are_claim_over_shares_with_defined_prices_when_empty()
    {
        var pool = NewPool();
        var claims = pool.Claims(0m, T0);
        Assert.Equal(1m, claims[0].SharePrice);
        Assert.Equal(1m, claims[1].SharePrice);
        var custom = TranchePool.Create([new TrancheConfig("s", 0, 0m, 10m), new TrancheConfig("j", 1, null, 100m)], PoolParameters.Default, T0);
        Assert.Equal([10m, 100m], custom.Claims(0m, T0).Select(c => c.SharePrice));
    }

    [Property(MaxTest = 300)]
    public void Claims_sum_to_the_nav_and_are_never_negative(uint nav, uint[] shares, uint[] targets)
    {
        int n = Math.Min(shares?.Length ?? 0, targets?.Length ?? 0);
        if (n == 0) return;
        var s = shares!.Take(n).Select(x => (decimal)(x % 1000)).ToArray();
        // Money-like inputs (at most 12 decimals, as the pool passes them): the split is exact.
        var t = targets!.Take(n).Select(x => (decimal)x / 1024m).ToArray();
        var claims = Allocate(nav / 1000m, s, t, out var rest);
        Assert.Equal(nav / 1000m, claims.Sum() + rest);
        Assert.All(claims, c => Assert.True(c >= 0));
        if (s.Any(x => x > 0)) Assert.Equal(0m, rest);
        for (int i = 0; i < n; i++)
        {
            if (s[i] == 0) Assert.Equal(0m, claims[i]);
        }
    }

    [Fact]
    public void A_negative_nav_is_a_bug_in_the_caller()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Allocate(-1m, [1m], [0m], out _));
    }
}
