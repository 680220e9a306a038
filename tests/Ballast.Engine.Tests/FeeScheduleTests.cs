using Ballast.Engine.Parameters;
using Ballast.Engine.Quoting;
using Ballast.Pricing;
using FsCheck.Xunit;

namespace Ballast.Engine.Tests;

/// <summary>Lyra v1 fees with Lyra's default parameters (sETH), every value computed by hand in the comments.</summary>
public class FeeScheduleTests
{
    private static readonly VaultParameters Lyra = VaultParameters.Default;
    private const double Tol = 1e-12;

    // 10 options, total premium 1,000 (100 each), spot 2,000, 4 weeks to expiry, vega 250 per option per 1.00 vol,
    // new vol 0.8, new skew 1.2, vault std vega −1,000 → −1,500, NAV 1,000,000, IV variance 0.04.
    private static FeeInputs Trade(double weeksToExpiry = 4) => new(
        Premium: 1_000,
        Spot: 2_000,
        Amount: 10,
        TimeToExpiryYears: weeksToExpiry * 7 / 365,
        OptionVega: 250,
        NewVol: 0.8,
        NewSkew: 1.2,
        PreTradeNetStdVega: -1_000,
        PostTradeNetStdVega: -1_500,
        Nav: 1_000_000,
        IvVariance: 0.04,
        IsForceClose: false);

    [Fact]
    public void Below_the_1x_point_fees_use_the_plain_coefficients()
    {
        // 4 weeks = 2,419,200 s ≤ 6 weeks (3,628,800 s): tw = c = 0.01
        var fees = FeeSchedule.Compute(Trade(4), Lyra);
        Assert.Equal(10.0, fees.OptionPriceFee, Tol);  // 0.01 · 1,000
        Assert.Equal(200.0, fees.SpotPriceFee, Tol);   // 0.01 · 2,000 · 10
    }

    [Fact]
    public void Between_the_points_the_coefficient_rises_linearly()
    {
        // 10 weeks = 6,048,000 s. Option fee: (6,048,000 − 3,628,800)/(9,676,800 − 3,628,800) = 0.4 → tw = 0.014 → 14
        // Spot fee: (6,048,000 − 3,628,800)/(7,257,600 − 3,628,800) = 2/3 → tw = 0.01·5/3 → 0.01·5/3·2,000·10 = 333.33…
        var fees = FeeSchedule.Compute(Trade(10), Lyra);
        Assert.Equal(14.0, fees.OptionPriceFee, Tol);
        Assert.Equal(1_000.0 / 3, fees.SpotPriceFee, Tol);
    }

    [Fact]
    public void Beyond_the_2x_point_the_line_keeps_rising()
    {
        // 20 weeks = 12,096,000 s. Option: (12,096,000 − 3,628,800)/6,048,000 = 1.4 → tw = 0.024 → 24
        // Spot: 8,467,200/3,628,800 = 7/3 → tw = 0.01·10/3 → 0.01·10/3·20,000 = 666.66…
        var fees = FeeSchedule.Compute(Trade(20), Lyra);
        Assert.Equal(24.0, fees.OptionPriceFee, Tol);
        Assert.Equal(2_000.0 / 3, fees.SpotPriceFee, Tol);
    }

    [Theory]
    [InlineData(0.0, 0.01)]
    [InlineData(3_628_800.0, 0.01)]             // at A: still 1x
    [InlineData(6_652_800.0, 0.015)]            // halfway between A and B: 1.5x
    [InlineData(9_676_800.0, 0.02)]             // at B: 2x
    public void Time_weighting_is_flat_to_the_1x_point_and_doubles_at_the_2x_point(double seconds, double expected)
    {
        Assert.Equal(expected, FeeSchedule.TimeWeightedCoefficient(0.01, seconds, 3_628_800, 9_676_800), 1e-15);
    }

    [Fact]
    public void Vega_utilisation_fee_is_charged_when_the_trade_raises_absolute_net_std_vega()
    {
        // vegaUtil = 0.8 · |−1,500| / 1,000,000 = 0.0012; fee = 100 · 0.0012 · 10 = 1.2
        var fees = FeeSchedule.Compute(Trade(), Lyra);
        Assert.Equal(0.0012, FeeSchedule.VegaUtilisation(Trade()), 1e-15);
        Assert.Equal(1.2, fees.VegaUtilFee, Tol);
    }

    [Fact]
    public void Vega_utilisation_fee_is_zero_when_the_trade_reduces_or_keeps_risk()
    {
        Assert.Equal(0, FeeSchedule.Compute(Trade() with { PreTradeNetStdVega = -1_500, PostTradeNetStdVega = -1_000 }, Lyra).VegaUtilFee);
        Assert.Equal(0, FeeSchedule.Compute(Trade() with { PreTradeNetStdVega = 1_500, PostTradeNetStdVega = -1_500 }, Lyra).VegaUtilFee);
    }

    [Fact]
    public void Vega_utilisation_fee_counts_a_sign_flip_that_ends_larger()
    {
        // +1,000 → −1,200: |post| > |pre|; vegaUtil = 0.8·1,200/1e6 = 0.00096; fee = 100·0.00096·10 = 0.96
        var fees = FeeSchedule.Compute(Trade() with { PreTradeNetStdVega = 1_000, PostTradeNetStdVega = -1_200 }, Lyra);
        Assert.Equal(0.96, fees.VegaUtilFee, Tol);
    }

    [Fact]
    public void Vega_utilisation_is_zero_when_NAV_is_not_positive()
    {
        Assert.Equal(0, FeeSchedule.Compute(Trade() with { Nav = 0 }, Lyra).VegaUtilFee);
        Assert.Equal(0, FeeSchedule.Compute(Trade() with { Nav = -5 }, Lyra).VegaUtilFee);
    }

    [Fact]
    public void Variance_fee_multiplies_the_vega_skew_and_iv_variance_terms()
    {
        // vega term 0 + 250·0.01 = 2.5; skew term 1 + |1.2 − 1|·3 = 1.6; IV-variance term 1 + 0.04·1.5 = 1.06
        // fee = 0.25 · 2.5 · 1.6 · 1.06 · 10 = 10.6
        Assert.Equal(10.6, FeeSchedule.Compute(Trade(), Lyra).VarianceFee, Tol);
    }

    [Fact]
    public void Variance_fee_skew_term_uses_the_distance_from_the_reference_skew_on_either_side()
    {
        // skew 0.8: 1 + 0.2·3 = 1.6 as for 1.2 → same fee 10.6
        Assert.Equal(10.6, FeeSchedule.Compute(Trade() with { NewSkew = 0.8 }, Lyra).VarianceFee, Tol);
    }

    [Fact]
    public void Force_closes_use_the_force_close_variance_coefficient()
    {
        var p = Lyra with { ForceCloseVarianceFeeCoefficient = 0.5 };
        // 0.5 · 2.5 · 1.6 · 1.06 · 10 = 21.2 for the force close; the ordinary trade stays 10.6
        Assert.Equal(21.2, FeeSchedule.Compute(Trade() with { IsForceClose = true }, p).VarianceFee, Tol);
        Assert.Equal(10.6, FeeSchedule.Compute(Trade(), p).VarianceFee, Tol);
        Assert.Equal(0, FeeSchedule.Compute(Trade() with { IsForceClose = true }, p with { ForceCloseVarianceFeeCoefficient = 0 }).VarianceFee);
    }

    [Fact]
    public void Minimum_static_terms_keep_a_fee_on_a_zero_vega_trade()
    {
        var p = Lyra with { MinimumStaticVega = 0.5 };
        // vega 0: (0.5 + 0)·(1.6)·(1.06)·0.25·10 = 2.12
        Assert.Equal(2.12, FeeSchedule.Compute(Trade() with { OptionVega = 0 }, p).VarianceFee, Tol);
        Assert.Equal(0, FeeSchedule.Compute(Trade() with { OptionVega = 0 }, Lyra).VarianceFee);
    }

    [Fact]
    public void Total_is_the_sum_of_the_components()
    {
        // 10 + 200 + 1.2 + 10.6 = 221.8
        Assert.Equal(221.8, FeeSchedule.Compute(Trade(), Lyra).Total, Tol);
        var sum = new FeeBreakdown(1, 2, 3, 4) + new FeeBreakdown(10, 20, 30, 40);
        Assert.Equal(new FeeBreakdown(11, 22, 33, 44), sum);
        Assert.Equal(110, sum.Total);
    }

    [Fact]
    public void Fees_of_a_Lyra_default_board_trade_follow_from_Black_Scholes_inputs()
    {
        // Lyra's default test board: spot 1742.01337, strike 2000, 30 days, baseIv 1, skew 1, rate 0.05.
        // Buying 5 calls moves base IV to 1.01 and skew to 1.0075 → vol 1.017575.
        double t = 30.0 / 365, vol = 1.01 * 1.0075;
        var g = BlackScholesMerton.Greeks(OptionType.Call, 1742.01337, 2000, 0.05, 0, t, vol);
        var inputs = new FeeInputs(g.Price * 5, 1742.01337, 5, t, g.Vega, vol, 1.0075, 0, -5 * StandardVega.Of(g.Vega, 30),
            1_000_000, 0, false);
        var fees = FeeSchedule.Compute(inputs, Lyra);
        Assert.Equal(0.01 * g.Price * 5, fees.OptionPriceFee, Tol);
        Assert.Equal(0.01 * 1742.01337 * 5, fees.SpotPriceFee, Tol);
        Assert.Equal(100 * (vol * 5 * g.Vega / 100 / 1_000_000) * 5, fees.VegaUtilFee, Tol);
        Assert.Equal(0.25 * (g.Vega * 0.01) * (1 + 0.0075 * 3) * 1 * 5, fees.VarianceFee, Tol);
    }

    [Property(MaxTest = 300)]
    public void Every_fee_is_non_negative_and_scales_with_the_trade_size(ushort amountTenths, ushort premiumPerOption,
        ushort days, short preVega, short postVega, byte skewHundredths, byte ivVarianceThousandths, bool forceClose)
    {
        double amount = 0.1 + amountTenths / 10.0;
        var one = Trade() with
        {
            Amount = amount,
            Premium = premiumPerOption * amount,
            TimeToExpiryYears = days / 365.0,
            PreTradeNetStdVega = preVega,
            PostTradeNetStdVega = postVega,
            NewSkew = 0.5 + skewHundredths / 100.0,
            IvVariance = ivVarianceThousandths / 1000.0,
            IsForceClose = forceClose,
        };
        var fees = FeeSchedule.Compute(one, Lyra);
        Assert.True(fees.OptionPriceFee >= 0 && fees.SpotPriceFee >= 0 && fees.VegaUtilFee >= 0 && fees.VarianceFee >= 0);

        // Doubling amount and premium (same per-option price, same vault Greeks) doubles every component.
        var doubled = FeeSchedule.Compute(one with { Amount = 2 * amount, Premium = 2 * one.Premium }, Lyra);
        Assert.Equal(2 * fees.Total, doubled.Total, 1e-9 * Math.Max(1, fees.Total));
    }
}
