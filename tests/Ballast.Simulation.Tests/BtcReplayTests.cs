using Ballast.Simulation.Data;
using Ballast.Simulation.Runner;
using Ballast.Simulation.Scenarios;
using Xunit.Abstractions;

namespace Ballast.Simulation.Tests;

public class BtcReplayTests(ITestOutputHelper output)
{
    [Fact]
    public void A_sixty_day_slice_of_real_BTC_replays_through_the_engine()
    {
        if (!SharedData.TryPath("data/btcusd_1h_coinbase_2017-2019.csv", out string path))
        {
            output.WriteLine("SKIPPED: ../shared/data/btcusd_1h_coinbase_2017-2019.csv is absent (shared data not mounted)");
            return;
        }

        var candles = CandleCsvReader.ReadFile(path);
        var settings = ScenarioPresets.Btc20172019(candles.Rows) with { Steps = 24 * 60, Paths = 1 };

        var error = ScenarioRunner.TryRun(settings, [], 1, null, null, out var report, out string message);
        var first = report!.Cells[0];

        Assert.Equal(ScenarioError.None, error);
        Assert.Equal(candles.Rows[0].Open, first.FirstPath.Series!.Spot[0]);
        Assert.Equal(candles.Rows[24 * 60 - 1].Close, first.FirstPath.Series.Spot[24 * 60]);
        Assert.True(first.Summary.TradesMean.Sum() > 0, message);
        Assert.True(first.Summary.BoardsSettledMean >= 4);
    }

    [Fact]
    public void The_replay_vol_oracle_is_trailing_realised_vol()
    {
        double[] spots = [100, 110, 99, 99];
        var market = new ReplayMarket(spots, VolWindowSteps: 2, InitialVolatility: 0.5);
        var s = new double[4];
        var v = new double[4];

        market.Generate(new Randomness.Xoshiro256StarStar(1), 1.0, s, v);

        Assert.Equal(0.5, v[0]);
        Assert.Equal(Math.Abs(Math.Log(1.1)), v[1], 12);
        double r1 = Math.Log(1.1), r2 = Math.Log(99.0 / 110);
        Assert.Equal(Math.Sqrt((r1 * r1 + r2 * r2) / 2), v[2], 12);
        Assert.Equal(Math.Sqrt(r2 * r2 / 2), v[3], 12);
    }
}
