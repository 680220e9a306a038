using Ballast.Engine.Margin;
using FsCheck;
using FsCheck.Fluent;
using static Ballast.Engine.Tests.Margin.MarginTestData;

namespace Ballast.Engine.Tests.Margin;

public class IncrementalLiquidationTests
{
    private static readonly LiquidationParameters Defaults = LiquidationParameters.Default;

    [Fact]
    public void Closes_the_fraction_given_by_the_closed_form_for_a_naked_short_put()
    {
        // Standard: 2 short puts K 2900 mark 60, quote 500. R = 660, MM = −160, V = −120, V_in = 0, π = 0.1, b = 0.15.
        // f* = (0.15 × 660 + 160) / (−120 + (1 − 0.1 + 0.15) × 660) = 259 / 573 = 0.452006980802792322… → up to 18 places.
        var account = Account(500m, MarginMode.Standard, Put(2900, -2, 60));
        var margin = StandardMargin.Compute(account, Market3000, StandardMarginParameters.Default);
        var step = IncrementalLiquidation.Plan(margin, Defaults);
        Assert.Equal(LiquidationRejection.None, step.Rejection);
        Assert.Equal(Math.Round(259m / 573m, 18, MidpointRounding.ToPositiveInfinity), step.Fraction);
        Assert.Equal(MarginMoney.Floor(step.Fraction * -120m), step.CloseCashToAccount);
        Assert.Equal(MarginMoney.Ceiling(0.1m * step.Fraction * 660m), step.Penalty);

        // After the step the maintenance balance is back at 15 % of the remaining requirement (up to 1e-8 roundings).
        var after = StandardMargin.Compute(IncrementalLiquidation.Apply(account, step), Market3000, StandardMarginParameters.Default);
        Assert.True(after.MaintenanceMargin >= 0.15m * after.MaintenanceRequirement - 0.0000001m, $"{after.MaintenanceMargin} vs {after.MaintenanceRequirement}");
        Assert.True(after.MaintenanceMargin <= 0.15m * after.MaintenanceRequirement + 0.000001m); // not more than needed
    }

    [Fact]
    public void Every_partial_step_restores_a_non_negative_maintenance_margin()
    {
        int partial = 0;
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var rng = new Random(seed);
            var account = RandomAccount(rng, Market3000, rng.Next(2) == 0 ? MarginMode.Standard : MarginMode.Portfolio);
            var margin = MarginCalculator.Default.Compute(account, Market3000);
            var step = IncrementalLiquidation.Plan(margin, Defaults);
            if (margin.MaintenanceMargin >= 0) return step.Rejection == LiquidationRejection.NotLiquidatable;
            if (step.Fraction <= 0m || step.Fraction > 1m || step.Penalty < 0m || step.Penalty > Math.Max(0m, margin.Equity)) return false;
            if (step.ClosesEverything) return true;
            partial++;
            var after = MarginCalculator.Default.Compute(IncrementalLiquidation.Apply(account, step), Market3000);
            return after.MaintenanceMargin >= 0m;
        }).QuickCheckThrowOnFailure();
        Assert.True(partial > 0);
    }
}
