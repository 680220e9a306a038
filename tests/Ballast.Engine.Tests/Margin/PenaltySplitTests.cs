using Ballast.Engine.Margin;
using FsCheck;
using FsCheck.Fluent;

namespace Ballast.Engine.Tests.Margin;

public class PenaltySplitTests
{
    [Fact]
    public void Lyra_default_split_is_40_percent_liquidator_30_percent_security_fund_and_the_rest_to_LPs()
    {
        var split = PenaltySplit.Split(100m, LiquidationParameters.Default);
        Assert.Equal(new PenaltySplit(40m, 30m, 30m), split);
    }

    [Fact]
    public void Rounding_dust_goes_to_the_LPs_so_the_parts_still_sum_exactly()
    {
        // 0.00000001 × 0.4 and × 0.3 round down to 0: the LPs receive the whole 1e-8.
        Assert.Equal(new PenaltySplit(0m, 0m, 0.00000001m), PenaltySplit.Split(0.00000001m, LiquidationParameters.Default));
        // 1/3 (28 digits): liquidator floor(0.1333…) = 0.13333333; fund: 0.333…3 × 0.3 = 0.0999…9 needs 29 digits, so decimal
        // rounds the product to 0.1 before the floor; LPs take 0.333…3 − both. The sum is exact either way.
        decimal third = 1m / 3m;
        var split = PenaltySplit.Split(third, LiquidationParameters.Default);
        Assert.Equal(0.13333333m, split.Liquidator);
        Assert.Equal(0.1m, split.SecurityFund);
        Assert.Equal(third, split.Total);
    }

    [Fact]
    public void Penalty_parts_always_sum_to_the_penalty()
    {
        var gen = from units in Gen.Choose(0, int.MaxValue)
                  from scale in Gen.Choose(0, 12)
                  from liq in Gen.Choose(0, 100)
                  from fund in Gen.Choose(0, 100)
                  select (Penalty: units / (decimal)Math.Pow(10, scale), Liquidator: liq / 100m, Fund: Math.Min(fund / 100m, 1m - liq / 100m));
        Prop.ForAll(Arb.From(gen), x =>
        {
            var p = LiquidationParameters.Default with { LiquidatorShare = x.Liquidator, SecurityFundShare = x.Fund };
            var split = PenaltySplit.Split(x.Penalty, p);
            return split.Total == x.Penalty && split.Liquidator >= 0 && split.SecurityFund >= 0 && split.LiquidityProviders >= 0;
        }).QuickCheckThrowOnFailure();
    }
}
