using Ballast.Engine.Pool;

namespace Ballast.Engine.Tests.Pool;

public class LiquidityCalculatorTests
{
    private static readonly LiquidityInputs Book = new(
        QuoteBalance: 1_000_000m, OutstandingSettlements: 10_000m, QueuedDeposits: 40_000m,
        LockedPutCollateral: 200_000m, LockedCallCollateral: 50m, Spot: 2_000m,
        UsedForHedging: 30_000m, ReservedForQueuedWithdrawals: 20_000m);

    [Fact]
    public void Free_liquidity_is_quote_less_settlements_deposits_collateral_hedging_and_queued_withdrawals()
    {
        var s = LiquidityCalculator.Compute(Book, PoolParameters.Default);
        // collateral = 200,000·1 + 50·2,000·1 = 300,000; free = 1,000,000 − 50,000 − 300,000 − 30,000 − 20,000
        Assert.Equal(300_000m, s.ReservedCollateral);
        Assert.Equal(600_000m, s.FreeLiquidity);
        Assert.Equal(620_000m, s.BurnableLiquidity);
        Assert.True(s.CanAfford(600_000m));
        Assert.False(s.CanAfford(600_000.000001m));
        Assert.Equal(0.4m, s.Utilisation(NavResult.Solvent(1_000_000m)));
    }

    [Fact]
    public void Collateral_scaling_factors_release_part_of_the_locked_collateral()
    {
        var p = PoolParameters.Default with { CallCollateralScalingFactor = 0.8m, PutCollateralScalingFactor = 0.5m };
        var s = LiquidityCalculator.Compute(Book, p);
        Assert.Equal(200_000m * 0.5m + 50m * 2_000m * 0.8m, s.ReservedCollateral);
        Assert.Equal(1_000_000m - 50_000m - 180_000m - 30_000m - 20_000m, s.FreeLiquidity);
    }

    [Fact]
    public void Over_committed_quote_floors_free_liquidity_at_zero_and_utilisation_at_one()
    {
        var s = LiquidityCalculator.Compute(Book with { LockedPutCollateral = 5_000_000m }, PoolParameters.Default);
        Assert.Equal(0m, s.FreeLiquidity);
        Assert.Equal(0m, s.BurnableLiquidity);
        Assert.Equal(1m, s.Utilisation(NavResult.Solvent(1_000_000m)));
        Assert.False(s.CanAfford(1m));
        Assert.True(s.CanAfford(0m));
    }

    [Fact]
    public void Negative_amounts_and_non_positive_spot_are_refused()
    {
        Assert.Equal(LiquidityInputError.NegativeAmount, LiquidityCalculator.Compute(Book with { UsedForHedging = -1 }, PoolParameters.Default).Error);
        var bad = LiquidityCalculator.Compute(Book with { Spot = 0 }, PoolParameters.Default);
        Assert.Equal(LiquidityInputError.NonPositiveSpot, bad.Error);
        Assert.False(bad.CanAfford(0));
    }

    [Fact]
    public void Utilisation_of_an_insolvent_or_empty_pool_is_one()
    {
        var s = LiquidityCalculator.Compute(Book, PoolParameters.Default);
        Assert.Equal(1m, s.Utilisation(NavResult.Solvent(0)));
        Assert.Equal(1m, s.Utilisation(NavCalculator.Compute(new NavInputs(1, 0, 1, 0, 0, 0, 10))));
    }
}
