using Ballast.Engine.Parameters;
using Ballast.Engine.Pool;

namespace Ballast.Engine.Tests.Pool;

public class PoolParametersTests
{
    [Fact]
    public void Defaults_are_Lyra_v1s_and_valid()
    {
        var p = PoolParameters.Default;
        Assert.True(p.Validate().IsValid);
        // derivexyz/v1-core test/utils/defaultParams.ts DEFAULT_LIQUIDITY_POOL_PARAMS and DEFAULT_CB_PARAMS.
        Assert.Equal(1m, p.MinDepositWithdraw);
        Assert.Equal(604_800, p.DepositDelay);
        Assert.Equal(604_800, p.WithdrawalDelay);
        Assert.Equal(0.01m, p.WithdrawalFee);
        Assert.Equal(1_209_600, p.GuardianDelay);
        Assert.Equal(1m, p.CallCollateralScalingFactor);
        Assert.Equal(1m, p.PutCollateralScalingFactor);
        Assert.Equal(0.01m, p.LiquidityCircuitBreakerThreshold);
        Assert.Equal(3 * 86_400, p.LiquidityCircuitBreakerTimeout);
        Assert.Equal(0.1, p.IvVarianceCircuitBreakerThreshold);
        Assert.Equal(0.35, p.SkewVarianceCircuitBreakerThreshold);
        Assert.Equal(12 * 3_600, p.IvVarianceCircuitBreakerTimeout);
        Assert.Equal(12 * 3_600, p.SkewVarianceCircuitBreakerTimeout);
        Assert.Equal(6 * 3_600, p.BoardSettlementCircuitBreakerTimeout);
        Assert.False(p.HaltTradingWhileBreakerActive);
        Assert.False(p.InstantMode);
    }

    [Fact]
    public void Lyra_setter_bounds_are_enforced()
    {
        // LiquidityPool.setLiquidityPoolParameters / setCircuitBreakerParameters: fee < 0.2, delays < 365 days, CB timeouts < 60 days, board CB < 10 days.
        Assert.Equal(ParameterError.AboveMaximum, (PoolParameters.Default with { WithdrawalFee = 0.2m }).Validate().Error);
        Assert.True((PoolParameters.Default with { WithdrawalFee = 0.199m }).Validate().IsValid);
        Assert.Equal(ParameterError.AboveMaximum, (PoolParameters.Default with { DepositDelay = 365 * 86_400 }).Validate().Error);
        Assert.Equal(ParameterError.AboveMaximum, (PoolParameters.Default with { LiquidityCircuitBreakerTimeout = 60 * 86_400 }).Validate().Error);
        Assert.Equal(ParameterError.AboveMaximum, (PoolParameters.Default with { BoardSettlementCircuitBreakerTimeout = 10 * 86_400 }).Validate().Error);
        Assert.Equal(ParameterError.AboveMaximum, (PoolParameters.Default with { LiquidityCircuitBreakerThreshold = 1m }).Validate().Error);
        Assert.Equal(ParameterError.BelowMinimum, (PoolParameters.Default with { WithdrawalDelay = -1 }).Validate().Error);
        Assert.Equal(ParameterError.NotFinite, (PoolParameters.Default with { IvVarianceCircuitBreakerThreshold = double.NaN }).Validate().Error);
        Assert.Contains("withdrawalFee", (PoolParameters.Default with { WithdrawalFee = 0.5m }).Validate().Message);
    }

    [Fact]
    public void A_pool_cannot_be_created_from_invalid_parameters_or_tranches()
    {
        Assert.False(TranchePool.TryCreate(PoolTestKit.SeniorJunior(), PoolParameters.Default with { WithdrawalFee = 1m }, 0, out _, out var e1));
        Assert.Contains("withdrawalFee", e1);
        Assert.False(TranchePool.TryCreate([], PoolParameters.Default, 0, out _, out _));
        Assert.False(TranchePool.TryCreate([new TrancheConfig("a", 0, 0.05m), new TrancheConfig("a", 1, null)], PoolParameters.Default, 0, out _, out var e2));
        Assert.Contains("unique", e2);
        Assert.False(TranchePool.TryCreate([new TrancheConfig("a", 0, null), new TrancheConfig("b", 1, null)], PoolParameters.Default, 0, out _, out var e3));
        Assert.Contains("target APR", e3);
        Assert.False(TranchePool.TryCreate([new TrancheConfig("a", 0, 0.05m), new TrancheConfig("b", 1, 0.1m)], PoolParameters.Default, 0, out _, out _));
        Assert.False(TranchePool.TryCreate([new TrancheConfig("a", 0, null, 0m)], PoolParameters.Default, 0, out _, out _));
        Assert.Throws<ArgumentException>(() => TranchePool.Create([], PoolParameters.Default, 0));
    }
}
