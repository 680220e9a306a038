using BenchmarkDotNet.Attributes;
using Ballast.Engine.Margin;
using Ballast.Pricing;

namespace Ballast.Bench;

/// <summary>
/// Portfolio margin of one account with 100 positions (5 expiries × 10 strikes × call/put, mixed long/short) over the
/// full default grid (27 core + 4 tail scenarios = 31 × 100 scenario prices + 100 base prices). Target ≤ 50 µs (issue 7).
/// Baseline: the same worst-loss search calling <see cref="BlackScholesMerton.Price"/> once per (position, scenario).
/// </summary>
[MemoryDiagnoser]
public class MarginBenchmarks
{
    private TraderAccount _account = null!;
    private MarginScenario[] _scenarios = null!;
    private readonly MarginMarket _market = new(3000, 0.05);
    private readonly PortfolioMarginParameters _parameters = PortfolioMarginParameters.Default;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var positions = new List<MarginPosition>();
        foreach (int days in new[] { 7, 14, 30, 60, 90 })
        {
            for (int k = 0; k < 10; k++)
            {
                double strike = 2400 + 120 * k;
                foreach (var type in new[] { OptionType.Call, OptionType.Put })
                {
                    double t = days / 365.0, vol = 0.5 + 0.3 * rng.NextDouble();
                    double quantity = Math.Round((rng.NextDouble() - 0.6) * 20, 1);
                    positions.Add(new MarginPosition(type, strike, t, quantity, BlackScholesMerton.Price(type, 3000, strike, 0.05, 0, t, vol), vol));
                }
            }
        }

        _account = new TraderAccount(1_000_000m, 0m, positions, MarginMode.Portfolio);
        _scenarios = _parameters.BuildScenarios();
    }

    [Benchmark(Baseline = true, Description = "worst loss, BSM.Price per scenario")]
    public double NaiveWorstLoss()
    {
        Span<double> pnl = stackalloc double[_scenarios.Length];
        pnl.Clear();
        foreach (var p in _account.Positions)
        {
            double basePrice = BlackScholesMerton.Price(p.Type, _market.Spot, p.Strike, _market.Rate, 0, p.TimeToExpiryYears, p.Vol);
            for (int s = 0; s < _scenarios.Length; s++)
            {
                double vol = p.Vol * _parameters.VolMultiplier(_scenarios[s].Vol, p.TimeToExpiryYears);
                double price = BlackScholesMerton.Price(p.Type, _market.Spot * (1 + _scenarios[s].SpotMove), p.Strike, _market.Rate, 0, p.TimeToExpiryYears, vol);
                pnl[s] += p.Quantity * (price - basePrice);
            }
        }

        double worst = double.MaxValue;
        for (int s = 0; s < pnl.Length; s++) worst = Math.Min(worst, pnl[s] * _scenarios[s].Weight);
        return worst;
    }

    [Benchmark(Description = "PortfolioMargin.Compute, 100 positions")]
    public decimal PortfolioMargin100() => PortfolioMargin.Compute(_account, _market, _parameters).MaintenanceRequirement;
}
