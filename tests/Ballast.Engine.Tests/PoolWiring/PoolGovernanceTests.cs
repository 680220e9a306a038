using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.PoolWiring.PoolVault;

namespace Ballast.Engine.Tests.PoolWiring;

/// <summary>
/// The pool's breaker thresholds and timeouts, queue delays, guardian delay and withdrawal fee are governance parameters
/// (issue 5): OpenPool seeds them, SetParameter schedules changes, and the pool decides with the values in force.
/// </summary>
public sealed class PoolGovernanceTests
{
    [Fact]
    public void A_scheduled_breaker_threshold_change_takes_effect_only_at_activation()
    {
        var v = PoolVault.Open();
        v.Buy(TestVault.Call(3000), 10);
        v.Wait(Day);
        long activation = v.Now + 3_600;
        v.Ok(new SetParameter(TestVault.Governor, "poolIvVarianceBreakerThreshold", 0.5, activation));
        v.Ok(new UpdateVol(TestVault.Oracle, TestVault.Expiry, 1.0, [], v.Now, 1.0));

        // Before activation: base IV 1.0 against a GWAV near 0.8 is above the old 0.1 threshold.
        Assert.Equal(0.1, v.State.ParametersAt(v.Now, out _).PoolIvVarianceBreakerThreshold);
        var before = v.Decide(new UpdateCircuitBreakers(Keeper));
        Assert.True(before.IsAccepted, before.Rejection?.ToString());
        Assert.Equal(CircuitBreakerKind.IvVariance, Assert.IsType<CircuitBreakerTripped>(before.Event).Kind);

        // At activation the same variance (still above 0.1) is below the new 0.5: nothing fires.
        v.Now = activation;
        var p = v.State.ParametersAt(v.Now, out bool due);
        Assert.True(due);
        Assert.InRange(v.State.PoolMarketAt(v.Now, p).MaxIvVariance, 0.1, 0.5);
        v.Rejected(new UpdateCircuitBreakers(Keeper), RejectionReason.NothingToProcess);

        // The next accepted command carries the activation; the pool then holds the governed value.
        var spot = v.Ok(new UpdateSpot(TestVault.Oracle, 3000, v.Now));
        Assert.Contains(spot.ToArray(), e => e is ParametersActivated);
        Assert.Equal(0.5, v.Pool().Parameters.IvVarianceCircuitBreakerThreshold);
        Assert.Equal(v.State.StateHash(), v.Replay().StateHash());

        // The state image carries the governed values (the parameters section and the pool's own parameters).
        var image = new MemoryStream();
        v.State.WriteSnapshot(image);
        Assert.True(Ballast.Engine.State.VaultState.TryReadSnapshot(image.ToArray(), out var restored, out _, out string message), message);
        Assert.Equal(v.State.StateHash(), restored.StateHash());
        Assert.Equal(0.5, restored.Pool!.Parameters.IvVarianceCircuitBreakerThreshold);
    }

    [Fact]
    public void A_governed_deposit_delay_applies_to_requests_already_queued()
    {
        var v = PoolVault.Open();
        v.Ok(new RequestLpDeposit(Carol, "junior", 1_000m));
        v.Wait(Day + 3_600);
        v.Rejected(new ProcessLpQueues(Keeper), RejectionReason.NothingToProcess);
        v.Ok(new SetParameter(TestVault.Governor, "poolDepositDelay", Day, v.Now));
        Assert.Single(Flatten(v.Process().Event).OfType<DepositProcessed>());
    }

    [Fact]
    public void Open_pool_seeds_the_governed_values()
    {
        var v = PoolVault.Open(PoolParameters.Default with { WithdrawalFee = 0.02m, LiquidityCircuitBreakerTimeout = Day });
        Assert.Equal(0.02, v.State.Parameters.PoolWithdrawalFee);
        Assert.Equal(Day, v.State.Parameters.PoolLiquidityBreakerTimeout);
        Assert.Equal(PoolParameters.Week, v.State.Parameters.PoolDepositDelay);
        Assert.Equal(0.02m, v.Pool().Parameters.WithdrawalFee);
        Assert.Equal(v.State.StateHash(), v.Replay().StateHash());
    }

    [Theory]
    [InlineData("poolWithdrawalFee", 0.2, ParameterError.AboveMaximum)]
    [InlineData("poolLiquidityBreakerThreshold", 1.0, ParameterError.AboveMaximum)]
    [InlineData("poolLiquidityBreakerTimeout", 60 * 86_400, ParameterError.AboveMaximum)]
    [InlineData("poolBoardSettlementBreakerTimeout", 10 * 86_400, ParameterError.AboveMaximum)]
    [InlineData("poolDepositDelay", -1, ParameterError.BelowMinimum)]
    [InlineData("poolGuardianDelay", 1.5, ParameterError.NotInteger)]
    [InlineData("poolIvVarianceBreakerThreshold", double.NaN, ParameterError.NotFinite)]
    public void Out_of_bounds_pool_parameters_are_rejected_with_a_typed_reason(string name, double value, ParameterError error)
    {
        Assert.Equal(error, VaultParameters.Default.TryWith(name, value, out var unchanged).Error);
        Assert.Same(VaultParameters.Default, unchanged);
        var v = PoolVault.Open();
        var rejection = v.Rejected(new SetParameter(TestVault.Governor, name, value, v.Now), RejectionReason.InvalidParameter);
        Assert.Contains(name, rejection.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Open_pool_with_a_value_outside_the_catalog_bounds_is_rejected()
    {
        var v = TestVault.Open();
        var rejection = v.Rejected(new OpenPool(TestVault.Admin, SeniorJunior, PoolParameters.Default with { WithdrawalFee = 0.19995m }, new AccountId("lp")),
            RejectionReason.InvalidParameter);
        Assert.Contains("poolWithdrawalFee", rejection.Message);
    }

    [Fact]
    public void Every_governed_pool_parameter_is_in_the_catalog_with_lyras_default()
    {
        var d = PoolParameters.Default;
        var governed = VaultParameters.Default.GovernPool(d);
        Assert.Equal(d, governed);
        Assert.Equal(11, ParameterCatalog.All.Count(s => s.Name.StartsWith("pool", StringComparison.Ordinal)));
        Assert.All(ParameterCatalog.All.Where(s => s.Name.StartsWith("pool", StringComparison.Ordinal)),
            s => Assert.InRange(s.Default, s.Min, s.Max));
    }
}
