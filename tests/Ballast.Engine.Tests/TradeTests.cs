using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Tests.Support;
using Ballast.Engine.Volatility;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class TradeTests
{
    [Fact]
    public void A_buy_fills_at_the_quote_and_the_vault_takes_the_other_side()
    {
        var v = Open();
        var q = v.Quote(Call(3000), TradeDirection.Buy, 2);
        var fill = (TradeExecuted)v.Buy(Call(3000), 2).Event;
        Assert.Equal(q.Payment, fill.Payment);
        Assert.Equal(q.FeesPayment, fill.Fees);
        Assert.Equal(2m, v.State.Accounts[Alice.Account].PositionIn(Call(3000)));
        v.State.TryGetStrike(Call(3000), out var k);
        Assert.Equal(-2m, k.VaultCallPosition);
        Assert.Equal(1_000_000m - q.Payment, v.State.Accounts[Alice.Account].Free(Asset.Quote));
        Assert.Equal(q.FeesPayment, v.State.AccruedFees(Asset.Quote));
    }

    [Fact]
    public void Buying_a_call_raises_base_iv_and_that_strikes_skew()
    {
        var v = Open();
        v.Buy(Call(3000), 5);
        Assert.Equal(0.81, v.State.Boards[Expiry].BaseIv, 12);
        v.State.TryGetStrike(Call(3000), out var k);
        v.State.TryGetStrike(Call(3250), out var other);
        Assert.Equal(1.0075, k.Skew, 12);
        Assert.Equal(1.0, other.Skew);
    }

    [Fact]
    public void Selling_lowers_base_iv_and_skew()
    {
        var v = Open();
        v.Sell(Put(3000), 5);
        Assert.Equal(0.79, v.State.Boards[Expiry].BaseIv, 12);
        v.State.TryGetStrike(Put(3000), out var k);
        Assert.Equal(0.9925, k.Skew, 12);
    }

    [Fact]
    public void A_short_call_locks_one_base_unit_per_option_and_a_short_put_locks_the_strike()
    {
        var v = Open();
        v.Sell(Call(3250), 3);
        v.Sell(Put(2750), 2);
        var alice = v.State.Accounts[Alice.Account];
        Assert.Equal(3m, alice.Locked(Asset.Base));
        Assert.Equal(5500m, alice.Locked(Asset.Quote));
        v.Buy(Call(3250), 3);
        Assert.Equal(0m, alice.Locked(Asset.Base));
    }

    [Fact]
    public void Money_is_conserved_exactly_across_trades()
    {
        var v = Open();
        v.Buy(Call(3000), 2.5);
        v.Sell(Put(2750), 1.25);
        v.Sell(Call(3000), 1);
        v.Buy(Put(2750), 1.25);
        foreach (var asset in new[] { Asset.Quote, Asset.Base }) Assert.Equal(v.MoneyIn(asset), v.TotalMoney(asset));
    }

    [Fact]
    public void A_buy_above_the_max_cost_is_rejected()
    {
        var v = Open();
        var q = v.Quote(Call(3000), TradeDirection.Buy, 1);
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 1, q.Payment - 0.000001m), RejectionReason.SlippageExceeded);
        v.Ok(new Trade(Alice, Call(3000), TradeDirection.Buy, 1, q.Payment, q.Ticket));
    }

    [Fact]
    public void A_sell_below_the_min_proceeds_is_rejected()
    {
        var v = Open();
        var q = v.Quote(Put(2750), TradeDirection.Sell, 1);
        v.Rejected(new Trade(Alice, Put(2750), TradeDirection.Sell, 1, q.Payment + 0.000001m), RejectionReason.SlippageExceeded);
    }

    [Fact]
    public void When_the_state_moves_after_a_quote_the_trade_is_repriced_against_the_limit()
    {
        var v = Open();
        var q = v.Quote(Call(3000), TradeDirection.Buy, 1);
        v.Ok(new DepositCollateral(Bob, Asset.Quote, 100_000m));
        v.Buy(Call(3000), 5, Bob);
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 1, q.Payment, q.Ticket), RejectionReason.SlippageExceeded);
    }

    [Fact]
    public void A_trade_referencing_an_expired_quote_is_rejected()
    {
        var v = Open();
        var q = v.Quote(Call(3000), TradeDirection.Buy, 1);
        v.Now = q.ExpiresAt + 1;
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 1, decimal.MaxValue, q.Ticket), RejectionReason.QuoteExpired);
    }

    [Fact]
    public void A_trader_without_enough_free_money_is_rejected()
    {
        var v = Open();
        v.Rejected(new Trade(Bob, Call(3000), TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.InsufficientFunds);
        v.Ok(new DepositCollateral(Bob, Asset.Quote, 100_000m));
        v.Rejected(new Trade(Bob, Call(3000), TradeDirection.Sell, 1, 0m), RejectionReason.InsufficientFunds); // no base to lock
    }

    [Fact]
    public void Withdrawals_take_only_free_money()
    {
        var v = Open();
        v.Sell(Call(3000), 10);
        v.Rejected(new WithdrawCollateral(Alice, Asset.Base, 91m), RejectionReason.InsufficientFunds);
        v.Ok(new WithdrawCollateral(Alice, Asset.Base, 90m));
        v.Ok(new WithdrawCollateral(Alice, Asset.Quote, 1000m));
        Assert.Equal(v.MoneyIn(Asset.Quote), v.TotalMoney(Asset.Quote));
    }
}
