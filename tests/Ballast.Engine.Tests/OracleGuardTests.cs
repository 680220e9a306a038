using Ballast.Engine.Commands;
using Ballast.Engine.Tests.Support;
using Ballast.Engine.Volatility;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class OracleGuardTests
{
    private static RejectionReason? QuoteProblem(TestVault v) => Vault.Quote(v.State, Call(3000), TradeDirection.Buy, 1, v.Now).Rejection?.Reason;

    [Fact]
    public void Without_a_spot_nothing_is_quoted()
    {
        var v = Open(book: false);
        v.Ok(new ListBoard(Governor, Expiry, 0.8));
        v.Ok(new ListStrike(Governor, Expiry, 3000, 1));
        Assert.Equal(RejectionReason.OracleUnavailable, QuoteProblem(v));
    }

    [Fact]
    public void A_spot_older_than_the_max_age_stops_quotes_and_trades()
    {
        var v = Open();
        v.Now += 121;
        Assert.Equal(RejectionReason.OracleStale, QuoteProblem(v));
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.OracleStale);
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now));
        Assert.Null(QuoteProblem(v));
    }

    [Fact]
    public void A_low_confidence_spot_stops_quotes()
    {
        var v = Open();
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now, Confidence: 0.5));
        Assert.Equal(RejectionReason.OracleLowConfidence, QuoteProblem(v));
    }

    [Fact]
    public void A_low_confidence_vol_stops_quotes_on_that_board()
    {
        var v = Open();
        v.Ok(new UpdateVol(Oracle, Expiry, 0.8, [], v.Now, Confidence: 0.5));
        Assert.Equal(RejectionReason.OracleLowConfidence, QuoteProblem(v));
    }

    [Fact]
    public void A_stale_vol_feed_stops_quotes_and_trades_on_that_board_once_its_max_age_is_set()
    {
        var v = Open();
        v.Ok(new SetParameter(Governor, "maxVolOracleAge", 600, v.Now));
        v.Ok(new UpdateVol(Oracle, Expiry, 0.8, [], v.Now));
        v.Tick(601, 3000);
        Assert.Equal(RejectionReason.OracleStale, QuoteProblem(v));
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.OracleStale);
        v.Ok(new UpdateVol(Oracle, Expiry, 0.8, [], v.Now));
        Assert.Null(QuoteProblem(v));
    }

    [Fact]
    public void Without_a_vol_max_age_a_board_quotes_on_vols_moved_only_by_trades()
    {
        var v = Open();
        for (int i = 0; i < 10; i++) v.Tick(100_000, 3000);
        Assert.Null(QuoteProblem(v));
    }

    [Fact]
    public void A_spot_deviating_from_the_reference_feed_stops_quotes()
    {
        var v = Open();
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now, ReferencePrice: 3100));
        Assert.Equal(RejectionReason.OracleDeviation, QuoteProblem(v));
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now, ReferencePrice: 3030));
        Assert.Null(QuoteProblem(v));
    }

    [Fact]
    public void Out_of_order_or_future_observations_are_rejected()
    {
        var v = Open();
        v.Now += 10;
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now));
        v.Rejected(new UpdateSpot(Oracle, 3000, v.Now - 5), RejectionReason.OracleStale);
        v.Rejected(new UpdateSpot(Oracle, 3000, v.Now + 5), RejectionReason.InvalidInput);
    }

    [Fact]
    public void A_vol_update_resets_base_iv_and_skews()
    {
        var v = Open();
        v.Ok(new UpdateVol(Oracle, Expiry, 0.9, [new StrikeSkew(3000, 1.1)], v.Now));
        v.State.TryGetStrike(Call(3000), out var k);
        Assert.Equal(0.9 * 1.1, k.Vol, 15);
        Assert.Equal(0.9 * 1.1, k.CachedVol, 15);
    }
}
