using Ballast.Engine.Margin;
using FsCheck;
using FsCheck.Fluent;
using static Ballast.Engine.Tests.Margin.MarginTestData;

namespace Ballast.Engine.Tests.Margin;

public class MarginInvariantTests
{
    private static readonly Gen<(int Seed, double Spot)> SeedAndSpot =
        from seed in Gen.Choose(0, int.MaxValue)
        from spotCents in Gen.Choose(1_000, 10_000_000) // spot 10 … 100,000
        select (seed, spotCents / 100.0);

    [Fact]
    public void Initial_requirement_is_at_least_the_maintenance_requirement_for_every_portfolio_and_spot()
    {
        Prop.ForAll(Arb.From(SeedAndSpot), x =>
        {
            // The book is built at one spot and margined at another (marks stale or fresh both allowed).
            var rng = new Random(x.Seed);
            var account = RandomAccount(rng, new MarginMarket(3000, 0.03), MarginMode.Standard);
            var market = new MarginMarket(x.Spot, 0.03);
            var standard = StandardMargin.Compute(account, market, StandardMarginParameters.Default);
            var portfolio = PortfolioMargin.Compute(account with { Mode = MarginMode.Portfolio }, market, PortfolioMarginParameters.Default);
            return standard.InitialRequirement >= standard.MaintenanceRequirement
                && portfolio.InitialRequirement >= portfolio.MaintenanceRequirement
                && standard.MaintenanceRequirement >= 0 && portfolio.MaintenanceRequirement >= 0
                && standard.InitialMargin <= standard.MaintenanceMargin
                && portfolio.InitialMargin <= portfolio.MaintenanceMargin;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Per_position_isolated_IM_is_at_least_MM_for_any_spot_mark_and_strike()
    {
        Prop.ForAll(Arb.From(Gen.Choose(1, 1_000_000)), Arb.From(Gen.Choose(1, 1_000_000)), Arb.From(Gen.Choose(0, 1_000_000)), (spot, strike, mark) =>
        {
            foreach (var p in new[] { Call(strike, -1.5, mark), Put(strike, -1.5, mark) })
            {
                var (im, mm) = StandardMargin.IsolatedRequirement(p, spot, StandardMarginParameters.Default);
                if (im < mm) return false;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Margin_is_deterministic_and_independent_of_position_order_in_standard_mode()
    {
        var rng = new Random(3);
        for (int i = 0; i < 50; i++)
        {
            var account = RandomAccount(rng, Market3000, MarginMode.Standard);
            var reversed = account with { Positions = account.Positions.Reverse().ToArray() };
            var a = StandardMargin.Compute(account, Market3000, StandardMarginParameters.Default);
            var b = StandardMargin.Compute(reversed, Market3000, StandardMarginParameters.Default);
            // Sums in a different order may differ in the last ulp; requirements are rounded up to 1e-8, so allow one step.
            Assert.True(Math.Abs(a.MaintenanceRequirement - b.MaintenanceRequirement) <= 0.00000001m);
            Assert.Equal(a, StandardMargin.Compute(account, Market3000, StandardMarginParameters.Default) with { Contributions = a.Contributions });
        }
    }
}
