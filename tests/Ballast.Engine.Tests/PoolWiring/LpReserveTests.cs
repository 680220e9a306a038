using Ballast.Engine.Commands;
using Ballast.Engine.Volatility;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.PoolWiring.PoolVault;

namespace Ballast.Engine.Tests.PoolWiring;

/// <summary>Free liquidity is net of queued LP withdrawals (Lyra v1 Newport _getLiquidity): trades cannot spend them.</summary>
public class LpReserveTests
{
    private static readonly Principal Seed = Lp("lp");

    [Fact]
    public void A_trade_that_would_lock_quote_owed_to_queued_withdrawals_is_rejected()
    {
        var v = PoolVault.Open();
        // The seed owner queues all but 1,000 of its 10M junior shares: about 9,999,000 quote is now reserved.
        v.Ok(new RequestLpWithdrawal(Seed, "junior", 9_999_000m));
        Assert.InRange(v.State.QueuedWithdrawalReserve(v.Now), 9_998_000.0, 10_000_000.0);

        // Buying a 3000 put locks 3,000 of strike notional in the vault: more than the 1,000 left free.
        v.Rejected(new Trade(TestVault.Alice, TestVault.Put(3000), TradeDirection.Buy, 1.0, decimal.MaxValue), RejectionReason.InsufficientLiquidity);
    }

    [Fact]
    public void The_same_trade_passes_once_the_withdrawal_is_cancelled()
    {
        var v = PoolVault.Open();
        var queued = v.Ok(new RequestLpWithdrawal(Seed, "junior", 9_999_000m));
        long id = Flatten(queued.Event).OfType<Ballast.Engine.Pool.Events.WithdrawalRequested>().Single().RequestId;
        v.Ok(new CancelLpRequest(Seed, id));
        Assert.Equal(0.0, v.State.QueuedWithdrawalReserve(v.Now));

        v.Buy(TestVault.Put(3000), 1.0);
    }
}
