using Ballast.Engine.Margin;
using FsCheck;
using FsCheck.Xunit;

namespace Ballast.Engine.Tests.Margin;

public class InsolvencyResolutionTests
{
    [Fact]
    public void Base_worth_more_than_the_deficit_is_seized_only_as_far_as_the_deficit_needs()
    {
        // 500 / 1800 = 0.2777…, rounded up at 18 base decimals; its value at spot is ≥ 500, so the credit is the deficit.
        var r = InsolvencyResolution.Resolve(500m, 10m, 1800m, 100m, 18, 6);
        Assert.Equal(0.277777777777777778m, r.BaseSeized);
        Assert.Equal(500m, r.BaseSeizedValue);
        Assert.Equal(0m, r.Waterfall.InsurancePayout);
        Assert.Equal(0m, r.Waterfall.SocialisedLoss);
    }

    [Fact]
    public void Base_worth_less_than_the_deficit_is_taken_in_full_then_the_fund_then_the_lps_pay()
    {
        var r = InsolvencyResolution.Resolve(1000m, 0.1m, 1800m, 300m, 18, 6);
        Assert.Equal(0.1m, r.BaseSeized);
        Assert.Equal(180m, r.BaseSeizedValue);
        Assert.Equal(300m, r.Waterfall.InsurancePayout);
        Assert.Equal(520m, r.Waterfall.SocialisedLoss);
    }

    [Fact]
    public void An_account_without_base_goes_straight_to_the_waterfall()
    {
        var r = InsolvencyResolution.Resolve(70m, 0m, 1800m, 100m, 18, 6);
        Assert.Equal((0m, 0m, 70m, 0m), (r.BaseSeized, r.BaseSeizedValue, r.Waterfall.InsurancePayout, r.Waterfall.SocialisedLoss));
    }

    [Property(MaxTest = 300)]
    public void Seized_value_plus_insurance_plus_socialised_loss_is_the_shortfall(PositiveInt cents, NonNegativeInt baseMilli, PositiveInt spot, NonNegativeInt fundCents)
    {
        decimal shortfall = cents.Get / 100m, baseHeld = baseMilli.Get / 1000m, price = spot.Get % 100_000 + 1, fund = fundCents.Get / 100m;
        var r = InsolvencyResolution.Resolve(shortfall, baseHeld, price, fund, 18, 6);
        Assert.Equal(shortfall, r.BaseSeizedValue + r.Waterfall.InsurancePayout + r.Waterfall.SocialisedLoss);
        Assert.InRange(r.BaseSeized, 0m, baseHeld);
        Assert.True(r.BaseSeizedValue <= r.BaseSeized * price, "the account is never credited more than its base is worth");
        Assert.InRange(r.Waterfall.InsurancePayout, 0m, fund);
        Assert.True(r.Waterfall.SocialisedLoss >= 0m);
    }
}
