using Ballast.Simulation.Flow;
using Ballast.Simulation.Randomness;
using FsCheck.Xunit;

namespace Ballast.Simulation.Tests;

public class ArrivalIntensityTests
{
    [Fact]
    public void Intensity_at_zero_edge_is_the_base_rate()
    {
        Assert.Equal(140.0, ArrivalIntensity.Of(140, 1.5, 0.0));
    }

    [Property]
    public bool Intensity_decreases_as_the_quoted_edge_widens(byte a, byte b)
    {
        double lo = Math.Min(a, b) / 100.0, hi = Math.Max(a, b) / 100.0;
        return ArrivalIntensity.Of(4, 8, hi) <= ArrivalIntensity.Of(4, 8, lo);
    }

    [Fact]
    public void Edge_is_positive_when_the_trader_pays_above_mid_or_sells_below_it()
    {
        Assert.Equal(0.1, ArrivalIntensity.Edge(110, 100, traderBuys: true), 12);
        Assert.Equal(0.1, ArrivalIntensity.Edge(90, 100, traderBuys: false), 12);
        Assert.True(ArrivalIntensity.Edge(95, 100, traderBuys: true) < 0);
    }

    [Fact]
    public void Thinning_candidates_at_the_ceiling_rate_gives_arrivals_at_A_exp_minus_k_edge()
    {
        // 200,000 unit intervals at A = 3: the accepted count per interval must average A·e^(−k·edge) = 3·e^(−0.8).
        var rng = new Xoshiro256StarStar(11);
        const double a = 3, k = 8, edge = 0.1;
        long accepted = 0;
        const int intervals = 200_000;
        for (int i = 0; i < intervals; i++)
        {
            for (int n = rng.NextPoisson(a); n > 0; n--)
            {
                if (rng.NextDouble() < ArrivalIntensity.AcceptProbability(k, edge)) accepted++;
            }
        }

        double expected = ArrivalIntensity.Of(a, k, edge);
        double standardError = Math.Sqrt(expected / intervals);
        Assert.InRange(accepted / (double)intervals, expected - 4 * standardError, expected + 4 * standardError);
    }

    [Fact]
    public void A_quote_better_than_mid_is_capped_at_the_ceiling_rate()
    {
        Assert.Equal(1.0, ArrivalIntensity.AcceptProbability(8, -0.5));
    }
}
