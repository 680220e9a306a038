using Ballast.Engine.Margin;
using Ballast.Pricing;
using FsCheck;
using FsCheck.Fluent;
using static Ballast.Engine.Tests.Margin.MarginTestData;

namespace Ballast.Engine.Tests.Margin;

public class PortfolioMarginTests
{
    private static readonly PortfolioMarginParameters Defaults = PortfolioMarginParameters.Default;

    [Fact]
    public void Default_grid_is_18_percent_in_4_5_percent_steps_times_three_vols_plus_four_dampened_tails()
    {
        var s = Defaults.BuildScenarios();
        Assert.Equal(31, s.Length);
        Assert.Equal(27, s.Count(x => x.Weight == 1.0));
        Assert.Equal([-0.18, -0.135, -0.09, -0.045, 0.0, 0.045, 0.09, 0.135, 0.18],
            s.Where(x => x.Weight == 1.0).Select(x => Math.Round(x.SpotMove, 12)).Distinct().ToArray());
        Assert.Contains(new MarginScenario(-0.36, VolShockDirection.None, 0.5), s);
        Assert.Contains(new MarginScenario(0.54, VolShockDirection.None, 0.35), s);
        Assert.True(Defaults.Validate().IsValid);
    }

    [Theory]
    // T = 30 d: (30/30)^0.3 = 1 → up 1 + 0.6 = 1.6, down 1 − 0.3 = 0.7.
    [InlineData(30.0, 1.6, 0.7)]
    // T = 7 d: (30/7)^0.3 = 1.54741557721; up 1 + 0.6 × that = 1.92844934633, down 1 − 0.3 × that = 0.535775326837.
    [InlineData(7.0, 1.92844934633, 0.535775326837)]
    // T = 0.25 d is floored at 1 d: (30/1)^0.3 = 2.77419111467 → up 2.6645146688, down 0.167742665598.
    [InlineData(0.25, 2.6645146688, 0.167742665598)]
    // T = 90 d uses p = 0.13: (30/90)^0.13 = 0.866910447578 → up 1.52014626855, down 0.739926865727.
    [InlineData(90.0, 1.52014626855, 0.739926865727)]
    public void Vol_shock_multipliers_follow_the_PMRM_term_structure(double days, double up, double down)
    {
        Assert.Equal(up, Defaults.VolMultiplier(VolShockDirection.Up, days / 365.0), 8);
        Assert.Equal(down, Defaults.VolMultiplier(VolShockDirection.Down, days / 365.0), 8);
        Assert.Equal(1.0, Defaults.VolMultiplier(VolShockDirection.None, days / 365.0));
    }

    [Fact]
    public void Naked_short_put_is_bound_by_the_dampened_extreme_tail()
    {
        // Short 1 put K = 3000, T = 30 d, σ = 0.5, S = 3000, r = q = 0. Reference values from mpmath (30 digits):
        // base BSM put = 171.413025272998. Ranked scenario PnLs (weighted):
        //   −54 % tail × 0.35: 0.35 × −(P(1380) − 171.413) = −507.005441690091   ← worst
        //   −36 % tail × 0.5 :                                −454.337185036125
        //   −18 %, vol up (σ 0.8):                             −434.981808781272
        // MM = 1.0 × 507.005441690091 + 0.005 × 3000 × 1 naked put = 522.005441690091 → 522.00544170 (rounded up)
        // IM = 1.25 × 507.005441690091 + 0.02 × 3000 × 1 = 693.756802112614 → 693.75680212
        var put = Priced(OptionType.Put, 3000, Days30, -1, 0.5, Market3000);
        var r = PortfolioMargin.Compute(Account(1000m, MarginMode.Portfolio, put), Market3000, Defaults);
        Assert.Equal(new MarginScenario(-0.54, VolShockDirection.None, 0.35), r.WorstPortfolioScenario);
        Assert.Equal(522.00544170m, r.MaintenanceRequirement);
        Assert.Equal(693.75680212m, r.InitialRequirement);
        // Margin collateral credits the position at mark: 1000 − 171.41302528 (value rounded down).
        Assert.Equal(828.58697472m, r.MarginCollateral);
        Assert.Equal(828.58697472m - 522.00544170m, r.MaintenanceMargin);
        Assert.Equal(-507.005441690091, r.Contributions[0].WorstScenarioPnl, 8);
    }

    [Fact]
    public void Put_spread_is_bound_by_the_core_grid_edge_with_vol_down()
    {
        // Short put 3000 + long put 2700, T = 30 d, σ = 0.5 (base prices 171.413025272998 and 54.8308006297125).
        // Worst: −18 %, vol down (σ × 0.7): −161.212854858284; next −18 % vol unchanged −140.793122476365.
        // No naked shorts (net puts 0): MM = 161.212854858284 → 161.21285486; IM = 1.25× = 201.516068572855 → 201.51606858.
        var r = PortfolioMargin.Compute(Account(1000m, MarginMode.Portfolio,
            Priced(OptionType.Put, 3000, Days30, -1, 0.5, Market3000),
            Priced(OptionType.Put, 2700, Days30, 1, 0.5, Market3000)), Market3000, Defaults);
        Assert.Equal(VolShockDirection.Down, r.WorstPortfolioScenario!.Value.Vol);
        Assert.Equal(-0.18, r.WorstPortfolioScenario!.Value.SpotMove, 12);
        Assert.Equal(161.21285486m, r.MaintenanceRequirement);
        Assert.Equal(201.51606858m, r.InitialRequirement);
        Assert.Equal(-161.212854858284, r.Contributions.Sum(c => c.WorstScenarioPnl), 8);
    }

    [Fact]
    public void Scenario_kernel_matches_the_pricing_library_BSM_for_calls_puts_and_mixed_series()
    {
        // The kernel prices calls with the batch pricer and puts by parity; compare with BlackScholesMerton.Price per option.
        var market = new MarginMarket(3000, 0.04, 0.01);
        var scenarios = Defaults.BuildScenarios();
        var spots = scenarios.Select(s => 3000 * (1 + s.SpotMove)).ToArray();
        double t = 12 / 365.0;
        foreach (double k in new[] { 1500.0, 2900.0, 3000.0, 4200.0 })
        {
            foreach (var (calls, puts) in new[] { (-3.0, 0.0), (0.0, -3.0), (2.0, -5.0), (1.0, -1.0) })
            {
                var pnl = new double[scenarios.Length];
                PortfolioMargin.AccumulateSeriesPnl([new SeriesExposure(k, t, 0.7, calls, puts)], market, Defaults, scenarios, spots, pnl);
                for (int s = 0; s < scenarios.Length; s++)
                {
                    double vol = 0.7 * Defaults.VolMultiplier(scenarios[s].Vol, t);
                    double Move(OptionType type) => BlackScholesMerton.Price(type, spots[s], k, 0.04, 0.01, t, vol) - BlackScholesMerton.Price(type, 3000, k, 0.04, 0.01, t, 0.7);
                    double expected = calls * Move(OptionType.Call) + puts * Move(OptionType.Put);
                    Assert.True(Math.Abs(pnl[s] - expected) <= 1e-11 * k, $"K {k} ({calls}, {puts}) scenario {s}: {pnl[s]} vs {expected}");
                }
            }
        }
    }

    [Fact]
    public void A_hundred_series_book_spanning_many_batch_blocks_matches_a_scalar_BSM_reference()
    {
        var rng = new Random(17);
        var market = new MarginMarket(3000, 0.05);
        var positions = Enumerable.Range(0, 100).Select(i => Priced(i % 2 == 0 ? OptionType.Call : OptionType.Put,
            2000 + 20 * i, (3 + i) / 365.0, Math.Round((rng.NextDouble() - 0.6) * 20, 1), 0.4 + 0.5 * rng.NextDouble(), market)).ToArray();
        var r = PortfolioMargin.Compute(Account(0m, MarginMode.Portfolio, positions), market, Defaults);

        var scenarios = Defaults.BuildScenarios();
        double worst = double.MaxValue;
        foreach (var sc in scenarios)
        {
            double pnl = positions.Sum(p => p.Quantity * (BlackScholesMerton.Price(p.Type, 3000 * (1 + sc.SpotMove), p.Strike, 0.05, 0, p.TimeToExpiryYears,
                p.Vol * Defaults.VolMultiplier(sc.Vol, p.TimeToExpiryYears)) - BlackScholesMerton.Price(p.Type, 3000, p.Strike, 0.05, 0, p.TimeToExpiryYears, p.Vol)));
            worst = Math.Min(worst, sc.Weight * pnl);
        }

        double naked = Math.Max(0, -positions.Where(p => p.Type == OptionType.Call).Sum(p => p.Quantity))
                     + Math.Max(0, -positions.Where(p => p.Type == OptionType.Put).Sum(p => p.Quantity));
        double expected = -worst + 0.005 * 3000 * naked;
        Assert.True(Math.Abs((double)r.MaintenanceRequirement - expected) < 1e-6, $"{r.MaintenanceRequirement} vs {expected}");
    }

    [Fact]
    public void Splitting_a_series_across_positions_or_reordering_positions_does_not_change_the_margin()
    {
        var rng = new Random(5);
        for (int trial = 0; trial < 30; trial++)
        {
            var account = RandomAccount(rng, Market3000, MarginMode.Portfolio);
            var split = account with { Positions = account.Positions.SelectMany(p => new[] { p.Scaled(0.5), p.Scaled(0.5) }).Reverse().ToArray() };
            var a = PortfolioMargin.Compute(account, Market3000, Defaults);
            var b = PortfolioMargin.Compute(split, Market3000, Defaults);
            Assert.Equal(a.WorstPortfolioScenario, b.WorstPortfolioScenario);
            Assert.True(Math.Abs(a.MaintenanceRequirement - b.MaintenanceRequirement) <= 0.00000002m, $"{a.MaintenanceRequirement} vs {b.MaintenanceRequirement}");
        }
    }

    [Fact]
    public void Worst_scenario_is_independent_of_scenario_order()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var rng = new Random(seed);
            var account = RandomAccount(rng, Market3000, MarginMode.Portfolio);
            var scenarios = Defaults.BuildScenarios();
            var reference = PortfolioMargin.Compute(account, Market3000, Defaults, scenarios);
            rng.Shuffle(scenarios);
            var shuffled = PortfolioMargin.Compute(account, Market3000, Defaults, scenarios);
            return reference.MaintenanceRequirement == shuffled.MaintenanceRequirement
                && reference.InitialRequirement == shuffled.InitialRequirement
                && reference.WorstPortfolioScenario == shuffled.WorstPortfolioScenario;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Margin_is_the_exact_worst_of_every_single_scenario()
    {
        // The grid result equals the max over one-scenario evaluations: no scenario is skipped or sampled.
        var rng = new Random(11);
        for (int trial = 0; trial < 20; trial++)
        {
            var account = RandomAccount(rng, Market3000, MarginMode.Portfolio);
            var scenarios = Defaults.BuildScenarios();
            var full = PortfolioMargin.Compute(account, Market3000, Defaults, scenarios);
            decimal worstSingle = scenarios.Max(s => PortfolioMargin.Compute(account, Market3000, Defaults, [s]).MaintenanceRequirement);
            Assert.Equal(worstSingle, full.MaintenanceRequirement);
        }
    }

    [Fact]
    public void A_long_only_book_can_lose_at_most_its_value_so_its_balance_never_falls_below_its_cash()
    {
        // Long options are credited at mark in portfolio mode; the worst scenario can take at most that value away
        // (there are no naked shorts, so no charge): MM balance ≥ quote collateral.
        var longs = PortfolioMargin.Compute(Account(100m, MarginMode.Portfolio,
            Priced(OptionType.Call, 3600, 7 / 365.0, 2, 0.6, Market3000),
            Priced(OptionType.Put, 2500, 7 / 365.0, 1, 0.6, Market3000)), Market3000, Defaults);
        Assert.True(longs.MaintenanceRequirement > 0m);
        Assert.True(longs.MaintenanceMargin >= 100m - 0.00000002m, $"{longs.MaintenanceMargin}");
    }
}
