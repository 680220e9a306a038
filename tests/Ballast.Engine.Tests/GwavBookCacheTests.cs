using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.State;
using Ballast.Engine.Tests.Support;
using Ballast.Engine.Volatility;
using Ballast.Pricing;
using FsCheck.Xunit;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

/// <summary>
/// The Greek cache keeps the option book's value at GWAV vols as state (Lyra v1 Avalon OptionGreekCache netOptionValue):
/// a trade reprices its own strike, a refresh its board, and the vega-utilisation fee reads the sum in O(1).
/// </summary>
public class GwavBookCacheTests
{
    private static readonly long SecondExpiry = Expiry + 14 * Day;
    private static readonly decimal[] SecondStrikes = [2800m, 3000m, 3200m];

    [Property(MaxTest = 25)]
    public bool After_any_flow_of_trades_spot_vol_and_parameter_changes_each_strike_holds_its_gwav_value_as_of_its_last_update(int seed)
    {
        // By induction over steps, exactly: a strike updated in this step (CachedAt = now) holds bit for bit its value
        // recomputed from the state now; any other strike holds bit for bit the value it held before the step. So each
        // strike's term is its value at GWAV vol as of its last update. The audit adds the sums and the later recomputation.
        var r = new Random(seed);
        var v = TwoBoards();
        double spot = 3000;
        int trades = 0;
        var before = new Dictionary<StrikeKey, (long CachedAt, double Value)>();
        for (int step = 0; step < 50; step++)
        {
            before.Clear();
            foreach (var (key, k) in v.State.Strikes) before[key] = (k.CachedAt, k.CachedGwavValue);
            var decision = v.Run(NextCommand(r, v, ref spot));
            if (decision.IsAccepted && decision[decision.EventCount - 1] is Events.TradeExecuted) trades++;
            foreach (var (key, k) in v.State.Strikes)
            {
                if (k.CachedAt == v.Now)
                    Assert.True(SameBits(GwavBookAudit.StrikeTerm(v.State, k), k.CachedGwavValue),
                        $"step {step}, strike {key}: updated now, {k.CachedGwavValue:R} vs {GwavBookAudit.StrikeTerm(v.State, k):R}");
                else
                    Assert.True(before[key].CachedAt == k.CachedAt && SameBits(before[key].Value, k.CachedGwavValue),
                        $"step {step}, strike {key}: not updated, yet its GWAV value moved from {before[key].Value:R} to {k.CachedGwavValue:R}");
            }

            string? problem = GwavBookAudit.Problem(v.State);
            Assert.True(problem is null, $"step {step}: {problem}");
        }

        Assert.True(trades >= 10, $"the flow should mostly trade ({trades} trades)");
        return true;
    }

    [Fact]
    public void A_trade_reprices_only_its_own_strike_and_moves_the_sums_by_the_difference()
    {
        var v = TwoBoards();
        v.Buy(Call(3000), 5);
        v.Sell(Put(2750), 3);
        v.Tick(600, 3010);
        v.Now += 90; // within the spot's oracle age; the GWAVs moved on since the refresh
        var other = v.State.Strikes[Put(2750).StrikeKey];
        double otherBefore = other.CachedGwavValue;
        long otherCachedAt = other.CachedAt;
        double boardBefore = v.State.Boards[Expiry].CachedGwavBookValue;
        double globalBefore = v.State.CachedGwavBookValue;
        var traded = v.State.Strikes[Call(3000).StrikeKey];
        double tradedBefore = traded.CachedGwavValue;

        v.Buy(Call(3000), 2);

        Assert.Equal(otherBefore, other.CachedGwavValue);
        Assert.Equal(otherCachedAt, other.CachedAt);
        Assert.Equal(v.Now, traded.CachedAt);
        Assert.Equal(GwavBookAudit.StrikeTerm(v.State, traded), traded.CachedGwavValue);
        double change = traded.CachedGwavValue - tradedBefore;
        Assert.Equal(boardBefore + change, v.State.Boards[Expiry].CachedGwavBookValue, 9);
        Assert.Equal(globalBefore + change, v.State.CachedGwavBookValue, 9);
        Assert.Null(GwavBookAudit.Problem(v.State));
    }

    [Fact]
    public void Right_after_a_spot_update_the_cached_gwav_book_is_the_exact_repricing_the_pool_nav_uses()
    {
        var v = TestVault.Open();
        v.Buy(Call(3000), 5);
        v.Sell(Put(2750), 3);
        v.Now += 90;
        v.Buy(Call(3250), 1);
        Assert.NotEqual(v.State.BookValueAtGwav(v.Now + 3_600, v.State.Parameters), v.State.CachedGwavBookValue);

        v.Tick(3_600, 2990);

        // One board: the cached sum adds the same terms in the same order as the repricing, so they agree bit for bit.
        Assert.Equal(v.State.BookValueAtGwav(v.Now, v.State.Parameters), v.State.CachedGwavBookValue);
        // And the quoting NAV is the pool's NAV, but for the pool's rounding of the book to the quote decimals (1e-6).
        Assert.Equal((double)v.State.PoolNav(v.Now, v.State.Parameters).Nav, v.State.QuotingNav(), 1e-6 + 1e-12 * v.State.QuotingNav());
    }

    [Fact]
    public void Activating_a_new_gwav_period_or_rate_revalues_every_strike()
    {
        var v = TestVault.Open();
        v.Buy(Call(3000), 5);
        v.Now += Day;
        v.Ok(new UpdateVol(Oracle, Expiry, 1.1, [], v.Now));
        v.Now += 6 * 3_600;
        var strike = v.State.Strikes[Call(3000).StrikeKey];
        double volBefore = strike.CachedGwavVol;

        v.Ok(new SetParameter(Governor, "optionValueIvGwavPeriod", 3_600, 0));

        Assert.Equal(v.Now, strike.CachedAt);
        Assert.Equal(strike.Board.BaseIvGwav.AverageOverLast(3_600, v.Now) * strike.SkewGwav.AverageOverLast((long)v.State.Parameters.OptionValueSkewGwavPeriod, v.Now),
            strike.CachedGwavVol);
        Assert.True(strike.CachedGwavVol > volBefore + 0.05, $"GWAV vol {volBefore} → {strike.CachedGwavVol}: the shorter period sees the new 1.1 base IV");
        Assert.Null(GwavBookAudit.Problem(v.State));

        double valueBefore = strike.CachedGwavValue;
        v.Ok(new SetParameter(Governor, "rateAndCarry", 0.10, 0));
        Assert.NotEqual(valueBefore, strike.CachedGwavValue);
        Assert.Null(GwavBookAudit.Problem(v.State));
    }

    [Fact]
    public void Settling_a_board_removes_its_value_from_the_global_sum()
    {
        var v = TwoBoards();
        v.Buy(Call(3000), 5);
        v.Ok(new Trade(Alice, new SeriesId(SecondExpiry, 3000m, OptionType.Put), TradeDirection.Sell, 2, 0m));
        double second = v.State.Boards[SecondExpiry].CachedGwavBookValue;
        Assert.NotEqual(0.0, second);
        v.Now = Expiry;
        v.Ok(new UpdateSpot(Oracle, 3100, v.Now));
        second = v.State.Boards[SecondExpiry].CachedGwavBookValue;
        v.Ok(new SettleBoard(Oracle, Expiry));
        Assert.Equal(second, v.State.CachedGwavBookValue);
        Assert.Null(GwavBookAudit.Problem(v.State));
    }

    [Fact]
    public void Quote_and_nav_reads_never_change_what_later_decisions_compute()
    {
        var quiet = TwoBoards();
        var reader = TwoBoards();
        var r = new Random(11);
        double spot = 3000;
        for (int step = 0; step < 40; step++)
        {
            var command = NextCommand(r, quiet, ref spot);
            reader.Now = quiet.Now;
            // The reader looks at everything a client or the pool could look at, at several times, before each decision.
            foreach (long at in (ReadOnlySpan<long>)[reader.Now, reader.Now + 60])
            {
                Vault.Quote(reader.State, Call(3000), TradeDirection.Buy, 3, at);
                Vault.Quote(reader.State, Put(2750), TradeDirection.Sell, 1, at);
                reader.State.PoolNav(at, reader.State.Parameters);
                reader.State.QuotingNav();
            }

            var expected = quiet.Run(command);
            var actual = reader.Run(command);
            Assert.Equal(expected.IsAccepted, actual.IsAccepted);
            Assert.Equal(quiet.State.StateHash(), reader.State.StateHash());
        }

        Assert.Equal(quiet.State.StateHash(), quiet.Replay().StateHash());
    }

    private static bool SameBits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    /// <summary>The default test book plus a second board two weeks later, both traders funded.</summary>
    private static TestVault TwoBoards()
    {
        var v = RandomFlow.Book();
        v.Ok(new ListBoard(Governor, SecondExpiry, 0.7));
        foreach (decimal k in SecondStrikes) v.Ok(new ListStrike(Governor, SecondExpiry, k, 1.0));
        v.Tick(1, 3000);
        return v;
    }

    private static Command NextCommand(Random r, TestVault v, ref double spot)
    {
        int kind = r.Next(14);
        switch (kind)
        {
            case 0 or 4:
                v.Now += kind == 0 ? r.Next(1, 7_200) : r.Next(1, 30);
                spot *= 1 + (r.NextDouble() - 0.5) * 0.04;
                return new UpdateSpot(Oracle, Math.Round(spot, 2), v.Now);
            case 1:
            {
                bool first = r.Next(2) == 0;
                decimal strike = first ? RandomFlow.Strikes[r.Next(RandomFlow.Strikes.Length)] : SecondStrikes[r.Next(SecondStrikes.Length)];
                return new UpdateVol(Oracle, first ? Expiry : SecondExpiry, 0.6 + r.NextDouble() * 0.4,
                    [new StrikeSkew(strike, 0.9 + r.NextDouble() * 0.2)], v.Now);
            }
            case 2:
            {
                // Governance: a new GWAV period or rate takes effect now (activation refreshes every board).
                string name = r.Next(3) switch { 0 => "optionValueIvGwavPeriod", 1 => "optionValueSkewGwavPeriod", _ => "rateAndCarry" };
                double value = name == "rateAndCarry" ? Math.Round(r.NextDouble() * 0.1, 3) : r.Next(600, 2 * 86_400);
                return new SetParameter(Governor, name, value, 0);
            }
            case 3:
                // One board refreshed a little later than the other (within the spot's 120 s oracle age).
                v.Now += r.Next(1, 20);
                return new UpdateVol(Oracle, r.Next(2) == 0 ? Expiry : SecondExpiry, 0.6 + r.NextDouble() * 0.4, [], v.Now);
            default:
            {
                v.Now += r.Next(0, 4); // trades value their strike later than the last refresh
                var trader = r.Next(2) == 0 ? Alice : Bob;
                var series = r.Next(3) == 0
                    ? new SeriesId(SecondExpiry, SecondStrikes[r.Next(SecondStrikes.Length)], r.Next(2) == 0 ? OptionType.Call : OptionType.Put)
                    : RandomFlow.RandomSeries(r);
                double size = Math.Round(0.1 + r.NextDouble() * 4, 2);
                var side = r.Next(2) == 0 ? TradeDirection.Buy : TradeDirection.Sell;
                return new Trade(trader, series, side, size, side == TradeDirection.Buy ? decimal.MaxValue : 0m);
            }
        }
    }
}
