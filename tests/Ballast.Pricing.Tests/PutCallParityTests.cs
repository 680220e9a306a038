using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ballast.Pricing.Tests;

/// <summary>
/// Put-call parity, a model-free identity: C − P = S e^(−qT) − K e^(−rT) (BSM) and C − P = e^(−rT)(F − K)
/// (Black-76). It must hold to 1e-12 relative to the discounted spot/forward-plus-strike scale, the size of
/// the two legs being subtracted — round-off of the legs is all that may remain.
/// </summary>
public class PutCallParityTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Black_Scholes_Merton_satisfies_put_call_parity_to_1e_12_on_a_broad_grid()
    {
        int n = 0;
        foreach (var (spot, strike, r, q, t, vol) in Grid())
        {
            double call = BlackScholesMerton.Price(OptionType.Call, spot, strike, r, q, t, vol);
            double put = BlackScholesMerton.Price(OptionType.Put, spot, strike, r, q, t, vol);
            double spotLeg = spot * Math.Exp(-q * t), strikeLeg = strike * Math.Exp(-r * t);
            double scale = spotLeg + strikeLeg;
            // Message built only on failure: formatting it for each of the 87,360 cases would dominate the run time.
            if (!(Math.Abs(call - put - (spotLeg - strikeLeg)) <= Tolerance * scale))
                Assert.Fail($"S={spot} K={strike} r={r} q={q} T={t} σ={vol}: C−P={call - put:R}, forward leg {spotLeg - strikeLeg:R}");

            // The Greeks path computes its own prices; parity holds there too, and for delta: Δc − Δp = e^(−qT).
            var gc = BlackScholesMerton.Greeks(OptionType.Call, spot, strike, r, q, t, vol);
            var gp = BlackScholesMerton.Greeks(OptionType.Put, spot, strike, r, q, t, vol);
            Assert.True(Math.Abs(gc.Price - gp.Price - (spotLeg - strikeLeg)) <= Tolerance * scale);
            Assert.True(Math.Abs(gc.Delta - gp.Delta - Math.Exp(-q * t)) <= Tolerance);
            n++;
        }

        Assert.True(n > 10_000);
    }

    [Fact]
    public void Black76_satisfies_put_call_parity_to_1e_12_on_a_broad_grid()
    {
        foreach (var (forward, strike, r, _, t, vol) in Grid())
        {
            double call = Black76.Price(OptionType.Call, forward, strike, r, t, vol);
            double put = Black76.Price(OptionType.Put, forward, strike, r, t, vol);
            double df = Math.Exp(-r * t);
            if (!(Math.Abs(call - put - df * (forward - strike)) <= Tolerance * df * (forward + strike)))
                Assert.Fail($"F={forward} K={strike} r={r} T={t} σ={vol}: C−P={call - put:R}");
        }
    }

    [Theory]
    // Found by a scan: both terms of the far out-of-the-money price are subnormal and their difference used to
    // round to −5e-324. A price below the intrinsic value is an arbitrage, however small.
    [InlineData(OptionType.Put, 100, 14.822854104693745, 0.0027397260273972603, 0.95)]
    [InlineData(OptionType.Call, 100, 280.3868301533656, 0.2876712328767123, 0.05)]
    [InlineData(OptionType.Call, 100, 470.6761067358193, 0.0027397260273972603, 0.77)]
    public void Far_out_of_the_money_prices_are_never_negative(OptionType type, double forward, double strike, double t, double vol)
    {
        Assert.True(Black76.UndiscountedPrice(type, forward, strike, t, vol) >= 0);
        Assert.True(Black76.Price(type, forward, strike, 0.03, t, vol) >= 0);
        Assert.True(Black76.Greeks(type, forward, strike, 0.03, t, vol).Price >= 0);
        Assert.True(BlackScholesMerton.Price(type, forward, strike, 0.03, 0.03, t, vol) >= 0);
        Assert.True(BlackScholesMerton.Greeks(type, forward, strike, 0.03, 0.03, t, vol).Price >= 0);
    }

    [Property(MaxTest = 1000)]
    public Property Put_call_parity_holds_for_random_inputs()
    {
        var gen = from logMoneyness in Gen.Choose(-3000, 3000)
                  from volBp in Gen.Choose(10, 50000)
                  from days in Gen.Choose(1, 30 * 365)
                  from rBp in Gen.Choose(-500, 3000)
                  from qBp in Gen.Choose(-500, 3000)
                  from spotCents in Gen.Choose(1, 10_000_000)
                  select (spot: spotCents / 100.0, strike: spotCents / 100.0 * Math.Exp(logMoneyness / 1000.0),
                          vol: volBp / 1e4, t: days / 365.0, r: rBp / 1e4, q: qBp / 1e4);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            double call = BlackScholesMerton.Price(OptionType.Call, x.spot, x.strike, x.r, x.q, x.t, x.vol);
            double put = BlackScholesMerton.Price(OptionType.Put, x.spot, x.strike, x.r, x.q, x.t, x.vol);
            double spotLeg = x.spot * Math.Exp(-x.q * x.t), strikeLeg = x.strike * Math.Exp(-x.r * x.t);
            return Math.Abs(call - put - (spotLeg - strikeLeg)) <= Tolerance * (spotLeg + strikeLeg);
        });
    }

    // Moneyness ln(K/S) ∈ [−3, 3], σ ∈ [0.01, 5], T ∈ [1 day, 30 years], rates and yields of both signs,
    // spot levels from 0.01 to 1e6: 5·13·8·7·5·6·4 = 87,360 cases.
    private static IEnumerable<(double, double, double, double, double, double)> Grid()
    {
        foreach (double spot in new[] { 0.01, 1.0, 100.0, 30_000.0, 1e6 })
        foreach (double m in new[] { -3.0, -2.0, -1.0, -0.5, -0.1, -0.01, 0.0, 0.01, 0.1, 0.5, 1.0, 2.0, 3.0 })
        foreach (double vol in new[] { 0.01, 0.05, 0.2, 0.5, 1.0, 2.0, 3.5, 5.0 })
        foreach (double t in new[] { 1.0 / 365, 7.0 / 365, 0.25, 1.0, 2.0, 10.0, 30.0 })
        foreach (double r in new[] { -0.01, 0.0, 0.03, 0.1, 0.2 })
        foreach (double q in new[] { -0.02, 0.0, 0.01, 0.05, 0.15, 0.3 })
        foreach (double scale in new[] { 1.0, 1.0 + 1e-9, 1.5, 0.7 })
            yield return (spot * scale, spot * Math.Exp(m), r, q, t, vol);
    }
}
