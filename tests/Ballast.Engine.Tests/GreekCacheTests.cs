using Ballast.Engine.Commands;
using Ballast.Engine.Greeks;
using Ballast.Engine.Tests.Support;
using Ballast.Engine.Volatility;
using Ballast.Pricing;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class GreekCacheTests
{
    [Fact]
    public void A_trade_updates_the_strike_board_and_global_exposure_from_the_vaults_side()
    {
        var v = Open();
        v.Buy(Call(3000), 2);
        v.State.TryGetStrike(Call(3000), out var k);
        var g = BlackScholesMerton.Greeks(OptionType.Call, 3000, 3000, 0.05, 0, 28.0 / 365, k.Vol);
        Assert.Equal(-2 * g.Delta, k.Exposure.Delta, 12);
        Assert.Equal(-2 * g.Price, k.Exposure.Value, 9);
        Assert.Equal(-2 * g.Vega * Math.Sqrt(30.0 / 28.0) / 100, k.Exposure.StandardVega, 12);
        Assert.Equal(k.Exposure, v.State.Boards[Expiry].Exposure);
        Assert.Equal(k.Exposure, v.State.Exposure);
        Assert.Null(CacheAudit.Problem(v.State));
        // Lyra semantics: only the traded strike is repriced; its neighbours keep the pre-trade base IV until a refresh.
        v.State.TryGetStrike(Call(3250), out var neighbour);
        Assert.Equal(0.8, neighbour.CachedVol);
    }

    [Fact]
    public void Standard_vega_uses_a_seven_day_floor()
    {
        GreekCalculator.Pair(3000, 3000, 0, 2.0 / 365, 0.8, out var call, out _);
        Assert.Equal(call.Vega * Math.Sqrt(30.0 / 7.0) / 100, call.StandardVega, 15);
    }

    [Fact]
    public void Put_Greeks_follow_from_put_call_parity()
    {
        GreekCalculator.Pair(3000, 2750, 0.05, 0.1, 0.7, out var call, out var put);
        var p = BlackScholesMerton.Greeks(OptionType.Put, 3000, 2750, 0.05, 0, 0.1, 0.7);
        Assert.Equal(p.Price, put.Price, 9);
        Assert.Equal(p.Delta, put.Delta, 12);
        Assert.Equal(p.Theta, put.Theta, 8);
        Assert.Equal(call.Gamma, put.Gamma);
    }

    [Fact]
    public void A_spot_update_refreshes_every_board()
    {
        var v = Open();
        v.Buy(Call(3000), 2);
        v.Sell(Put(2750), 1);
        v.Tick(60, 3100);
        var board = v.State.Boards[Expiry];
        Assert.Equal(v.Now, board.RefreshedAt);
        Assert.Equal(3100, board.RefreshSpot);
        foreach (var k in board.Strikes) Assert.Equal(v.Now, k.CachedAt);
        Assert.Null(CacheAudit.Problem(v.State));
        Assert.Null(CacheAudit.StaleVolProblem(v.State));
    }

    [Fact]
    public void The_cache_is_stale_after_three_hours_without_refresh()
    {
        var v = Open();
        var p = v.State.Parameters;
        Assert.False(v.State.IsBoardCacheStale(v.State.Boards[Expiry], v.Now + 3 * 3600, p));
        Assert.True(v.State.IsBoardCacheStale(v.State.Boards[Expiry], v.Now + 3 * 3600 + 1, p));
        Assert.True(v.State.IsGlobalCacheStale(v.Now + 3 * 3600 + 1, p));
    }

    [Fact]
    public void A_stale_cache_blocks_new_risk_but_not_closing_trades()
    {
        var v = Open(Parameters.VaultParameters.Default with { StaleUpdateDuration = 60, MaxOracleAge = 300 });
        v.Buy(Call(3000), 1);
        v.Now += 61;
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.GreekCacheStale);
        v.Sell(Call(3000), 1);
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now));
        v.Buy(Call(3000), 1);
    }
}
