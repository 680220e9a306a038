using Xunit.Abstractions;

namespace Ballast.Pricing.Tests;

/// <summary>
/// Analytic Greeks against central finite differences of the price, on the grid of issue 2:
/// K ∈ {50, 99.5, 100, 100.5, 150}, S = 100, q ∈ {.04,.05,.06}, r ∈ {.01,.05,.15}, T ∈ {1,2}, σ ∈ {.11,.5,1.2},
/// calls and puts (Black-76 uses the forward F = S·e^((r−q)T) of the same grid point).
/// </summary>
/// <remarks>
/// Differences are five-point central stencils (error O(h⁴)): f' ≈ [−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)]/(12h),
/// f'' ≈ [−f(x+2h) + 16f(x+h) − 30f(x) + 16f(x−h) − f(x−2h)]/(12h²). Bumps: spot/forward h = 1e-3·S (0.1),
/// vol h = 1e-3·σ (relative: vega of a deep in-the-money low-vol option varies on the scale σ/(d₁d₂)),
/// rate and yield h = 1e-3 (absolute), time h = 1e-3 years. With these steps the truncation error is
/// below 1e-8 relative on the whole grid, while the round-off of the difference quotient is about
/// 2ε·|V|/h: ≈ 1e-13 for delta, ≈ 1e-10 for vega (h ≈ 1e-4), ≈ 1e-11 for theta/rho, and 5·2ε·|V|/h² ≈ 6e-12
/// for gamma, with |V| ≤ 50 on this grid.
/// Tolerance rule: |analytic − fd| ≤ 1e-5 · max(|analytic|, floor). The floor exists because relative error is
/// meaningless for a Greek that is itself near the round-off level (e.g. gamma ≈ 1e-11 or vega ≈ 3e-7 of a deep
/// in-the-money call with σ = 0.11): there the quotient measures only noise. Each floor makes the implied
/// absolute tolerance (1e-5 · floor) at least 10× the round-off above: 1e-6 for delta, 1e-5 for gamma,
/// 1e-3 price units per 1.00 for vega, theta, rho and dividend rho (i.e. 1e-8 absolute — 1e-10 per vol point).
/// Every Greek above its floor is checked to 1e-5 relative; below it, to an absolute error no quote could show.
/// </remarks>
public class GreekFiniteDifferenceTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 1e-5;
    private const double SpotBump = 0.1;
    private const double ParameterBump = 1e-3;
    private const double DeltaFloor = 1e-6;
    private const double GammaFloor = 1e-5;
    private const double SensitivityFloor = 1e-3;

    private static readonly double[] Strikes = [50, 99.5, 100, 100.5, 150];
    private static readonly double[] Dividends = [0.04, 0.05, 0.06];
    private static readonly double[] Rates = [0.01, 0.05, 0.15];
    private static readonly double[] Times = [1, 2];
    private static readonly double[] Vols = [0.11, 0.5, 1.2];
    private const double Spot = 100;

    [Fact]
    public void Black_Scholes_Merton_Greeks_agree_with_central_differences_to_1e_5_relative_on_the_issue_grid()
    {
        var worst = new Worst();
        foreach (var (type, k, q, r, t, v) in Grid())
        {
            double P(double s, double rr, double qq, double tt, double vv) => BlackScholesMerton.Price(type, s, k, rr, qq, tt, vv);
            var g = BlackScholesMerton.Greeks(type, Spot, k, r, q, t, v);
            string c = $"{type} K={k} q={q} r={r} T={t} σ={v}";
            Assert.Equal(P(Spot, r, q, t, v), g.Price, 1e-13 * Spot);
            worst.Check("delta", c, g.Delta, First(x => P(x, r, q, t, v), Spot, SpotBump), DeltaFloor);
            worst.Check("gamma", c, g.Gamma, Second(x => P(x, r, q, t, v), Spot, SpotBump), GammaFloor);
            worst.Check("vega", c, g.Vega, First(x => P(Spot, r, q, t, x), v, ParameterBump * v), SensitivityFloor);
            worst.Check("theta", c, g.Theta, -First(x => P(Spot, r, q, x, v), t, ParameterBump), SensitivityFloor);
            worst.Check("rho", c, g.Rho, First(x => P(Spot, x, q, t, v), r, ParameterBump), SensitivityFloor);
            worst.Check("dividendRho", c, g.DividendRho, First(x => P(Spot, r, x, t, v), q, ParameterBump), SensitivityFloor);
        }

        output.WriteLine(worst.Report());
        Assert.Equal(540 * 6, worst.Count);
    }

    [Fact]
    public void Black76_Greeks_agree_with_central_differences_to_1e_5_relative_on_the_issue_grid()
    {
        var worst = new Worst();
        foreach (var (type, k, q, r, t, v) in Grid())
        {
            double forward = Spot * Math.Exp((r - q) * t);
            double P(double f, double rr, double tt, double vv) => Black76.Price(type, f, k, rr, tt, vv);
            var g = Black76.Greeks(type, forward, k, r, t, v);
            string c = $"{type} F={forward} K={k} r={r} T={t} σ={v}";
            Assert.Equal(P(forward, r, t, v), g.Price, 1e-13 * Spot);
            double fBump = SpotBump * forward / Spot;
            worst.Check("delta", c, g.Delta, First(x => P(x, r, t, v), forward, fBump), DeltaFloor);
            worst.Check("gamma", c, g.Gamma, Second(x => P(x, r, t, v), forward, fBump), GammaFloor);
            worst.Check("vega", c, g.Vega, First(x => P(forward, r, t, x), v, ParameterBump * v), SensitivityFloor);
            worst.Check("theta", c, g.Theta, -First(x => P(forward, r, x, v), t, ParameterBump), SensitivityFloor);
            worst.Check("rho", c, g.Rho, First(x => P(forward, x, t, v), r, ParameterBump), SensitivityFloor);
            Assert.Equal(0.0, g.DividendRho);
        }

        output.WriteLine(worst.Report());
        Assert.Equal(540 * 5, worst.Count);
    }

    [Fact]
    public void Black76_and_Black_Scholes_Merton_agree_when_the_forward_is_the_carry_forward()
    {
        // Same option two ways: BSM on spot with yield q, Black-76 on F = S·e^((r−q)T). Prices and vega coincide;
        // BSM delta = Black-76 delta · ∂F/∂S = Black-76 delta · e^((r−q)T).
        foreach (var (type, k, q, r, t, v) in Grid())
        {
            double forward = Spot * Math.Exp((r - q) * t);
            var bsm = BlackScholesMerton.Greeks(type, Spot, k, r, q, t, v);
            var b76 = Black76.Greeks(type, forward, k, r, t, v);
            Assert.Equal(bsm.Price, b76.Price, 1e-12 * Spot);
            Assert.Equal(bsm.Vega, b76.Vega, 1e-12 * Spot);
            Assert.Equal(bsm.Delta, b76.Delta * forward / Spot, 1e-12);
        }
    }

    private static double First(Func<double, double> f, double x, double h)
        => (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);

    private static double Second(Func<double, double> f, double x, double h)
        => (-f(x + 2 * h) + 16 * f(x + h) - 30 * f(x) + 16 * f(x - h) - f(x - 2 * h)) / (12 * h * h);

    private static IEnumerable<(OptionType, double, double, double, double, double)> Grid()
    {
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
        foreach (double k in Strikes)
        foreach (double q in Dividends)
        foreach (double r in Rates)
        foreach (double t in Times)
        foreach (double v in Vols)
            yield return (type, k, q, r, t, v);
    }

    // Asserts each comparison and keeps the worst scaled error per Greek for the test output.
    private sealed class Worst
    {
        private readonly SortedDictionary<string, (double Error, string Case)> _worst = new(StringComparer.Ordinal);
        public int Count { get; private set; }

        public void Check(string greek, string context, double analytic, double finiteDifference, double floor)
        {
            double scaled = Math.Abs(analytic - finiteDifference) / Math.Max(Math.Abs(analytic), floor);
            Assert.True(scaled <= RelativeTolerance, $"{greek} {context}: analytic {analytic:R}, finite difference {finiteDifference:R}, scaled error {scaled:E2}");
            if (!_worst.TryGetValue(greek, out var w) || scaled > w.Error) _worst[greek] = (scaled, context);
            Count++;
        }

        public string Report() => string.Join(Environment.NewLine, _worst.Select(p => $"{p.Key}: worst scaled error {p.Value.Error:E2} at {p.Value.Case}"));
    }
}
