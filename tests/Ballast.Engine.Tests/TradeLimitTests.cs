using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Tests.Support;
using Ballast.Engine.Volatility;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class TradeLimitTests
{
    private static TestVault WithWings()
    {
        var v = Open();
        v.Ok(new ListStrike(Governor, Expiry, 5000, 1.0)); // call delta ≈ 0.01: outside [0.15, 0.85]
        return v;
    }

    [Fact]
    public void Opening_a_far_out_of_the_money_call_is_rejected_by_the_delta_range()
    {
        var v = WithWings();
        v.Rejected(new Trade(Alice, Call(5000), TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.DeltaOutOfRange);
    }

    [Fact]
    public void Closing_outside_the_delta_range_is_a_force_close_priced_with_the_shocked_gwav_vol()
    {
        var v = WithWings();
        // Alice is short the wing through an imported position (it could not be opened by trading).
        v.Ok(new ImportPosition(Admin, Alice.Account, Call(5000), -2m));
        var q = v.Quote(Call(5000), TradeDirection.Buy, 2, Alice.Account);
        Assert.True(q.IsForceClose);
        Assert.Equal(0.8, q.NewBaseIv); // base IV is not moved by a force close
        Assert.Equal(Math.Max(0.8 * 1.0, 0.8 * q.NewSkew) * 1.2, q.Vol, 12);
        Assert.True(q.Premium >= 2 * 0.01 * 3000, "a force-close buy pays at least parity + shortSpotMin·spot");
        v.Ok(new Trade(Alice, Call(5000), TradeDirection.Buy, 2, decimal.MaxValue));
        Assert.Equal(0m, v.State.Accounts[Alice.Account].PositionIn(Call(5000)));
    }

    [Fact]
    public void Inside_the_trading_cutoff_new_risk_is_rejected_but_closing_is_force_closed()
    {
        var v = Open();
        v.Buy(Call(3000), 1);
        v.Now = Expiry - 3600;
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now));
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.TradingCutoff);
        var close = v.Quote(Call(3000), TradeDirection.Sell, 1, Alice.Account);
        Assert.True(close.IsForceClose);
        v.Sell(Call(3000), 1);
    }

    [Fact]
    public void A_trade_pushing_vol_above_its_maximum_is_rejected()
    {
        var v = Open(VaultParameters.Default with { MaxSkew = 1.01, AbsMaxSkew = 5 });
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 10, decimal.MaxValue), RejectionReason.VolBoundsBreached);
    }

    [Fact]
    public void Series_delta_cap_blocks_new_exposure_but_not_reductions()
    {
        var v = Open(VaultParameters.Default with { MaxSeriesNetDelta = 5 });
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 20, decimal.MaxValue), RejectionReason.SeriesDeltaCap);
        v.Buy(Call(3000), 8);
        v.Sell(Call(3000), 3);
    }

    [Fact]
    public void Global_vega_cap_blocks_new_exposure()
    {
        var v = Open(VaultParameters.Default with { MaxGlobalNetStdVega = 5 });
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 20, decimal.MaxValue), RejectionReason.GlobalVegaCap);
    }

    [Fact]
    public void A_vault_without_free_liquidity_cannot_sell_more_options()
    {
        var v = Open(book: false);
        v.Ok(new DepositCapital(Admin, new AccountId("lp"), Asset.Quote, 1000m));
        v.Ok(new ListBoard(Governor, Expiry, 0.8));
        v.Ok(new ListStrike(Governor, Expiry, 3000, 1.0));
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now));
        v.Ok(new DepositCollateral(Alice, Asset.Quote, 1_000_000m));
        v.Rejected(new Trade(Alice, Put(3000), TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.InsufficientLiquidity);
    }

    [Fact]
    public void Series_vega_cap_blocks_new_exposure()
    {
        var v = Open(VaultParameters.Default with { MaxSeriesNetStdVega = 5 });
        v.Rejected(new Trade(Alice, Put(3000), TradeDirection.Sell, 20, 0m), RejectionReason.SeriesVegaCap);
    }

    [Fact]
    public void Global_delta_cap_blocks_new_exposure_across_series()
    {
        var v = Open(VaultParameters.Default with { MaxGlobalNetDelta = 6 });
        v.Buy(Call(3000), 5);   // vault delta ≈ −2.7
        v.Buy(Call(2750), 4);   // ≈ −5.6
        v.Rejected(new Trade(Alice, Call(3250), TradeDirection.Buy, 4, decimal.MaxValue), RejectionReason.GlobalDeltaCap);
        v.Buy(Put(3000), 2);    // reduces |delta|: allowed
    }
}
