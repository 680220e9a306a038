using Ballast.Engine.Pool;
using static Ballast.Engine.Tests.Pool.PoolTestKit;

namespace Ballast.Engine.Tests.Pool;

public class BadInputTests
{
    private static (TranchePool Pool, Ledger Ledger, long Now) Funded(PoolParameters? parameters = null)
    {
        var pool = NewPool(parameters);
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("alice", "junior", 1_000m), ("bob", "senior", 1_000m));
        ledger.Apply(pool.Ok(pool.RequestDeposit("alice", "junior", 50m, now)));
        return (pool, ledger, now);
    }

    private static void Refused(TranchePool pool, Func<TranchePool, PoolDecision> decide, PoolRejectionReason expected)
    {
        string before = Snapshot(pool);
        var d = decide(pool);
        Assert.False(d.IsAccepted);
        Assert.Equal(expected, d.Rejection!.Reason);
        Assert.False(string.IsNullOrWhiteSpace(d.Rejection.Message));
        Assert.Empty(d.Events);
        Assert.Equal(before, Snapshot(pool));
    }

    [Theory]
    [InlineData(true, "0", PoolRejectionReason.InvalidAmount)]
    [InlineData(true, "-5", PoolRejectionReason.InvalidAmount)]
    [InlineData(true, "1.0000001", PoolRejectionReason.InvalidAmount)] // more than 6 quote decimals
    [InlineData(true, "0.5", PoolRejectionReason.BelowMinimum)]
    [InlineData(false, "0", PoolRejectionReason.InvalidAmount)]
    [InlineData(false, "-1", PoolRejectionReason.InvalidAmount)]
    [InlineData(false, "1.0000000000001", PoolRejectionReason.InvalidAmount)] // more than 12 share decimals
    [InlineData(false, "0.5", PoolRejectionReason.BelowMinimum)] // below the minimum and not the whole balance
    [InlineData(false, "1000.000001", PoolRejectionReason.InsufficientShares)]
    public void Bad_deposit_and_withdrawal_amounts_are_refused_and_change_nothing(bool deposit, string text, PoolRejectionReason expected)
    {
        var (pool, _, now) = Funded();
        decimal amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Refused(pool, p => deposit ? p.RequestDeposit("alice", "junior", amount, now) : p.RequestWithdrawal("alice", "junior", amount, now), expected);
    }

    [Fact]
    public void Unknown_tranches_empty_accounts_and_time_going_backwards_are_refused()
    {
        var (pool, ledger, now) = Funded();
        Refused(pool, p => p.RequestDeposit("alice", "mezzanine", 10m, now), PoolRejectionReason.UnknownTranche);
        Refused(pool, p => p.RequestWithdrawal("alice", "Junior", 10m, now), PoolRejectionReason.UnknownTranche);
        Refused(pool, p => p.RequestDeposit("", "junior", 10m, now), PoolRejectionReason.InvalidAccount);
        Refused(pool, p => p.RequestDeposit("alice", "junior", 10m, now - 1), PoolRejectionReason.TimeWentBackwards);
        Refused(pool, p => p.ProcessQueues(ledger.Market(pool), now - 1), PoolRejectionReason.TimeWentBackwards);
        Refused(pool, p => p.Cancel("alice", 999, now), PoolRejectionReason.UnknownRequest);
    }

    [Fact]
    public void Withdrawing_shares_of_another_tranche_or_another_LP_is_refused()
    {
        var (pool, _, now) = Funded();
        Refused(pool, p => p.RequestWithdrawal("alice", "senior", 1m, now), PoolRejectionReason.InsufficientShares);
        Refused(pool, p => p.RequestWithdrawal("mallory", "junior", 1m, now), PoolRejectionReason.InsufficientShares);
    }

    [Fact]
    public void Cancelling_someone_elses_request_is_refused()
    {
        var (pool, _, now) = Funded();
        long id = pool.DepositQueue("junior")[0].Id;
        Refused(pool, p => p.Cancel("mallory", id, now), PoolRejectionReason.NotRequestOwner);
        Refused(pool, p => p.Cancel("", id, now), PoolRejectionReason.InvalidAccount);
    }

    [Fact]
    public void Shares_already_queued_for_withdrawal_cannot_be_queued_twice()
    {
        var (pool, _, now) = Funded();
        pool.Ok(pool.RequestWithdrawal("alice", "junior", 800m, now));
        Refused(pool, p => p.RequestWithdrawal("alice", "junior", 201m, now), PoolRejectionReason.InsufficientShares);
        pool.Ok(pool.RequestWithdrawal("alice", "junior", 200m, now));
    }

    [Fact]
    public void Invalid_market_inputs_are_refused()
    {
        var (pool, ledger, now) = Funded();
        var market = ledger.Market(pool);
        Refused(pool, p => p.ProcessQueues(market with { MaxIvVariance = double.NaN }, now), PoolRejectionReason.InvalidMarket);
        Refused(pool, p => p.ProcessQueues(market with { MaxSkewVariance = -1 }, now), PoolRejectionReason.InvalidMarket);
        Refused(pool, p => p.ProcessQueues(market with { Nav = NavCalculator.Compute(new NavInputs(-1, 0, 1, 0, 0, 0, 0)) }, now), PoolRejectionReason.InvalidMarket);
        Refused(pool, p => p.ProcessQueues(market with { Liquidity = market.Liquidity with { Error = LiquidityInputError.NonPositiveSpot } }, now), PoolRejectionReason.InvalidMarket);
        Refused(pool, p => p.UpdateCircuitBreakers(market with { MaxIvVariance = double.PositiveInfinity }, now), PoolRejectionReason.InvalidMarket);
        Refused(pool, p => p.ProcessQueues(market, now, limit: 0), PoolRejectionReason.InvalidAmount);
        Refused(pool, p => p.Mark(NavCalculator.Compute(new NavInputs(1, 1, 0, 0, 0, 0, 0)), default, now), PoolRejectionReason.InvalidMarket);
    }

    [Fact]
    public void Instant_operations_are_refused_unless_instant_mode_is_on()
    {
        var (pool, ledger, now) = Funded();
        Refused(pool, p => p.InstantDeposit("alice", "junior", 10m, ledger.Market(pool), now), PoolRejectionReason.InstantModeDisabled);
        Refused(pool, p => p.InstantWithdrawal("alice", "junior", 10m, ledger.Market(pool), now), PoolRejectionReason.InstantModeDisabled);
    }
}
