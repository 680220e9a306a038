using Ballast.Engine.Margin;
using FsCheck;
using FsCheck.Fluent;

namespace Ballast.Engine.Tests.Margin;

public class InsolvencyWaterfallTests
{
    [Fact]
    public void Insurance_fund_pays_first_and_LPs_bear_only_the_remainder()
    {
        Assert.Equal(new InsolvencyWaterfall(100m, 100m, 0m, 150m), InsolvencyWaterfall.Cover(100m, 250m));
        Assert.Equal(new InsolvencyWaterfall(100m, 40m, 60m, 0m), InsolvencyWaterfall.Cover(100m, 40m));
        Assert.Equal(new InsolvencyWaterfall(0m, 0m, 0m, 40m), InsolvencyWaterfall.Cover(0m, 40m));
    }

    [Fact]
    public void Insurance_payout_plus_socialised_loss_equals_the_shortfall()
    {
        var money = from units in Gen.Choose(0, int.MaxValue) from scale in Gen.Choose(0, 8) select units / (decimal)Math.Pow(10, scale);
        Prop.ForAll(Arb.From(money), Arb.From(money), (shortfall, fund) =>
        {
            var w = InsolvencyWaterfall.Cover(shortfall, fund);
            return w.InsurancePayout + w.SocialisedLoss == shortfall
                && w.InsurancePayout + w.InsuranceFundAfter == fund
                && w.InsurancePayout >= 0 && w.SocialisedLoss >= 0
                && (w.SocialisedLoss == 0 || w.InsuranceFundAfter == 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Negative_amounts_are_caller_bugs()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InsolvencyWaterfall.Cover(-1m, 10m));
        Assert.Throws<ArgumentOutOfRangeException>(() => InsolvencyWaterfall.Cover(1m, -10m));
    }
}
