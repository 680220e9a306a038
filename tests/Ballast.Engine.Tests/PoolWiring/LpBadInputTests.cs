using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.PoolWiring.PoolVault;

namespace Ballast.Engine.Tests.PoolWiring;

/// <summary>Bad LP input gets a typed rejection and changes nothing (<see cref="TestVault.Rejected"/> compares state hashes).</summary>
public class LpBadInputTests
{
    [Fact]
    public void Lp_commands_before_the_pool_is_open_are_rejected()
    {
        var v = TestVault.Open();
        v.Rejected(new RequestLpDeposit(Carol, "junior", 100m), RejectionReason.PoolNotOpen);
        v.Rejected(new ProcessLpQueues(Keeper), RejectionReason.PoolNotOpen);
    }

    [Fact]
    public void The_pool_opens_once_by_admin_with_a_valid_configuration()
    {
        var v = TestVault.Open();
        var lp = new AccountId("lp");
        v.Rejected(new OpenPool(Carol, SeniorJunior, PoolParameters.Default, lp), RejectionReason.Unauthorized);
        v.Rejected(new OpenPool(TestVault.Admin, [new TrancheConfig("senior", 0, null), new TrancheConfig("junior", 1, null)], PoolParameters.Default, lp),
            RejectionReason.InvalidParameter);
        v.Rejected(new OpenPool(TestVault.Admin, SeniorJunior, PoolParameters.Default with { WithdrawalFee = 0.5m }, lp), RejectionReason.InvalidParameter);
        v.Rejected(new OpenPool(TestVault.Admin, SeniorJunior, PoolParameters.Default with { QuoteDecimals = 2 }, lp), RejectionReason.InvalidParameter);
        v.Rejected(new OpenPool(TestVault.Admin, SeniorJunior, PoolParameters.Default, new AccountId("")), RejectionReason.InvalidInput);
        v.Ok(new OpenPool(TestVault.Admin, SeniorJunior, PoolParameters.Default, lp));
        v.Rejected(new OpenPool(TestVault.Admin, SeniorJunior, PoolParameters.Default, lp), RejectionReason.PoolAlreadyOpen);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(0.0000001)]
    public void Zero_negative_or_too_precise_deposits_are_rejected(double amount)
    {
        var v = PoolVault.Open();
        v.Rejected(new RequestLpDeposit(Carol, "junior", (decimal)amount), RejectionReason.InvalidInput);
    }

    [Fact]
    public void Unknown_tranches_small_amounts_and_missing_shares_are_rejected()
    {
        var v = PoolVault.Open();
        v.Rejected(new RequestLpDeposit(Carol, "mezzanine", 100m), RejectionReason.UnknownTranche);
        v.Rejected(new RequestLpDeposit(Carol, "junior", 0.5m), RejectionReason.BelowMinimum);
        v.Rejected(new RequestLpWithdrawal(Carol, "junior", 1m), RejectionReason.InsufficientShares);
        // Nobody withdraws another LP's shares: Carol holds none of the seed owner's 10M.
        v.Rejected(new RequestLpWithdrawal(Carol, "junior", 10_000_000m), RejectionReason.InsufficientShares);
        v.Rejected(new RequestLpWithdrawal(Lp("lp"), "junior", 10_000_000.5m), RejectionReason.InsufficientShares);
        v.Rejected(new CancelLpRequest(Carol, 999), RejectionReason.UnknownRequest);
        v.Rejected(new RequestLpDeposit(Carol, "junior", 100m, Instant: true), RejectionReason.InstantModeDisabled);
    }

    [Fact]
    public void Each_lp_command_requires_its_role()
    {
        var v = PoolVault.Open();
        v.Rejected(new RequestLpDeposit(TestVault.Alice, "junior", 100m), RejectionReason.Unauthorized);
        v.Rejected(new RequestLpWithdrawal(TestVault.Admin, "junior", 1m), RejectionReason.Unauthorized);
        v.Rejected(new ProcessLpQueues(Carol), RejectionReason.Unauthorized);
        v.Rejected(new ProcessLpQueues(TestVault.Oracle), RejectionReason.Unauthorized);
        v.Rejected(new UpdateCircuitBreakers(TestVault.Alice), RejectionReason.Unauthorized);
        v.Rejected(new ProcessLpQueues(Keeper, Limit: 0), RejectionReason.InvalidInput);
    }
}
