using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class SettlementTests
{
    private static TestVault Traded()
    {
        var v = Open();
        v.Ok(new DepositCollateral(Bob, Asset.Quote, 100_000m));
        v.Ok(new DepositCollateral(Bob, Asset.Base, 10m));
        v.Buy(Call(3000), 2);            // alice long 2 calls
        v.Sell(Put(3250), 1, Bob);       // bob short 1 put, locks 3250 USDC
        v.Sell(Call(3250), 1, Bob);      // bob short 1 call, locks 1 ETH
        return v;
    }

    [Fact]
    public void A_board_cannot_settle_before_expiry_or_without_a_spot_after_it()
    {
        var v = Traded();
        v.Rejected(new SettleBoard(Oracle, Expiry), RejectionReason.NotExpired);
        v.Now = Expiry + 60;
        v.Rejected(new SettleBoard(Oracle, Expiry), RejectionReason.OracleStale);
    }

    [Fact]
    public void Settlement_pays_longs_takes_from_shorts_collateral_and_removes_the_board_in_one_event()
    {
        var v = Traded();
        v.Now = Expiry + 60;
        v.Ok(new UpdateSpot(Oracle, 3400, v.Now));
        decimal aliceBefore = v.State.Accounts[Alice.Account].Free(Asset.Quote);
        var bob = v.State.Accounts[Bob.Account];
        decimal bobQuoteBefore = bob.Free(Asset.Quote), bobBaseBefore = bob.Free(Asset.Base);
        var d = v.Ok(new SettleBoard(Oracle, Expiry));
        var settled = Assert.IsType<BoardSettled>(d.Event);
        Assert.Equal(3, settled.Payouts.Count);
        Assert.Equal(aliceBefore + 2 * 400m, v.State.Accounts[Alice.Account].Free(Asset.Quote));
        // Bob's put expires worthless: all 3250 released. His call costs (3400 − 3250)/3400 ETH, rounded up, from 1 ETH locked.
        Assert.Equal(bobQuoteBefore + 3250m, bob.Free(Asset.Quote));
        Assert.Equal(bobBaseBefore + 1m - 0.04411765m, bob.Free(Asset.Base));
        Assert.Equal(0m, bob.Locked(Asset.Base));
        Assert.Empty(v.State.Boards);
        Assert.Empty(v.State.Accounts[Alice.Account].Positions);
        Assert.Equal(default, v.State.Exposure);
        foreach (var asset in new[] { Asset.Quote, Asset.Base }) Assert.Equal(v.MoneyIn(asset), v.TotalMoney(asset));
    }

    [Fact]
    public void An_inverse_board_pays_longs_in_base_rounded_down()
    {
        var v = Open(settlement: SettlementStyle.Inverse);
        v.Ok(new DepositCapital(Admin, new AccountId("lp"), Asset.Base, 1000m));
        v.Buy(Call(3000), 3);
        v.Now = Expiry + 60;
        v.Ok(new UpdateSpot(Oracle, 3500, v.Now));
        decimal before = v.State.Accounts[Alice.Account].Free(Asset.Base);
        v.Ok(new SettleBoard(Admin, Expiry));
        // 3 · (3500 − 3000) / 3500 = 0.428571428… ETH, rounded down to 8 decimals.
        Assert.Equal(before + 0.42857142m, v.State.Accounts[Alice.Account].Free(Asset.Base));
        foreach (var asset in new[] { Asset.Quote, Asset.Base }) Assert.Equal(v.MoneyIn(asset), v.TotalMoney(asset));
    }
}
