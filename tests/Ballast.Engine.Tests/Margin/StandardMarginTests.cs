using Ballast.Engine.Margin;
using static Ballast.Engine.Tests.Margin.MarginTestData;

namespace Ballast.Engine.Tests.Margin;

public class StandardMarginTests
{
    private static readonly StandardMarginParameters Defaults = StandardMarginParameters.Default;

    private static MarginResult Compute(decimal quote, params MarginPosition[] positions)
        => StandardMargin.Compute(Account(quote, MarginMode.Standard, positions), Market3000, Defaults);

    [Fact]
    public void Derive_mainnet_defaults_are_the_documented_values_and_valid()
    {
        Assert.Equal((0.15, 0.13, 0.09, 0.09, 0.09, 1.05, 0.8),
            (Defaults.MaxSpotRequirement, Defaults.MinSpotRequirement, Defaults.MaintenanceCallSpotRequirement,
             Defaults.MaintenancePutSpotRequirement, Defaults.MaintenancePutMarkRequirement, Defaults.MaintenanceOffsetScale, Defaults.BaseCollateralFactor));
        Assert.True(Defaults.Validate().IsValid);
        Assert.False((Defaults with { MaintenanceCallSpotRequirement = 0.14 }).Validate().IsValid); // would break IM ≥ MM
    }

    [Fact]
    public void Short_otm_call_uses_the_min_spot_floor_for_IM_and_9_percent_of_spot_for_MM()
    {
        // S = 3000, K = 3300, 2 short at mark 40. OTM = (3300 − 3000)/3000 = 0.10; IM fraction = max(0.15 − 0.10, 0.13) = 0.13.
        // IM = 2 × (40 + 0.13 × 3000) = 2 × 430 = 860; MM = 2 × (40 + 0.09 × 3000) = 2 × 310 = 620.
        var r = Compute(1000m, Call(3300, -2, 40));
        Assert.Equal(860m, r.InitialRequirement);
        Assert.Equal(620m, r.MaintenanceRequirement);
        Assert.Equal(1000m - 860m, r.InitialMargin);
        Assert.Equal(1000m - 620m, r.MaintenanceMargin);
    }

    [Fact]
    public void Slightly_otm_call_IM_fraction_is_15_percent_minus_the_otm_ratio()
    {
        // K = 3030: OTM = 30/3000 = 0.01 → fraction 0.14. IM = 55 + 0.14 × 3000 = 475; MM = 55 + 270 = 325.
        var (im, mm) = StandardMargin.IsolatedRequirement(Call(3030, -1, 55), 3000, Defaults);
        Assert.Equal(475.0, im, 9);
        Assert.Equal(325.0, mm, 9);
    }

    [Fact]
    public void Short_itm_call_IM_uses_the_full_15_percent()
    {
        // K = 2700 (ITM → OTM ratio 0): IM = 350 + 0.15 × 3000 = 800; MM = 350 + 270 = 620.
        var (im, mm) = StandardMargin.IsolatedRequirement(Call(2700, -1, 350), 3000, Defaults);
        Assert.Equal(800.0, im, 9);
        Assert.Equal(620.0, mm, 9);
    }

    [Fact]
    public void Short_otm_put_MM_is_mark_plus_9_percent_of_spot_and_IM_the_spot_formula()
    {
        // K = 2900, mark 60: OTM = 100/3000 = 0.0333 → 0.15 − 0.0333 = 0.1167 < 0.13 → 0.13.
        // MM = 60 + max(0.09 × 3000, 0.09 × 60) = 60 + 270 = 330. IM = max(60 + 390, 1.05 × 330 = 346.5) = 450.
        var (im, mm) = StandardMargin.IsolatedRequirement(Put(2900, -1, 60), 3000, Defaults);
        Assert.Equal(450.0, im, 9);
        Assert.Equal(330.0, mm, 9);
    }

    [Fact]
    public void Deep_itm_put_MM_uses_9_percent_of_mark_and_IM_is_floored_at_105_percent_of_MM()
    {
        // K = 7000, mark 3990 > S: MM = 3990 + max(270, 0.09 × 3990 = 359.1) = 4349.1.
        // IM = max(3990 + 0.15 × 3000 = 4440, 1.05 × 4349.1 = 4566.555) = 4566.555.
        var (im, mm) = StandardMargin.IsolatedRequirement(Put(7000, -1, 3990), 3000, Defaults);
        Assert.Equal(4349.1, mm, 9);
        Assert.Equal(4566.555, im, 9);
    }

    [Fact]
    public void Longs_require_nothing_and_are_not_credited()
    {
        var r = Compute(100m, Call(3000, 5, 200), Put(3000, 1, 150));
        Assert.Equal(0m, r.InitialRequirement);
        Assert.Equal(0m, r.MaintenanceRequirement);
        Assert.Equal(100m, r.MaintenanceMargin); // the longs' 1150 of value does not count
    }

    [Fact]
    public void Put_spread_is_capped_at_its_max_settlement_loss()
    {
        // Short put 2900 (mark 60) + long put 2800 (mark 40). Isolated: MM 330, IM 450.
        // Settlement payoff at P ∈ {0, 2800, 2900}: −2900 + 2800 = −100, −100, 0 → max loss 100 (first at P = 0).
        // Requirement = min(isolated, 100) = 100 for both IM and MM.
        var r = Compute(500m, Put(2900, -1, 60), Put(2800, 1, 40));
        Assert.Equal(100m, r.MaintenanceRequirement);
        Assert.Equal(100m, r.InitialRequirement);
        Assert.Contains("max settlement loss 100.00 at price 0", r.WorstScenario);
        Assert.Equal(-2900.0, r.Contributions[0].WorstScenarioPnl, 9);
        Assert.Equal(2800.0, r.Contributions[1].WorstScenarioPnl, 9);
    }

    [Fact]
    public void Call_spread_with_no_net_short_calls_is_capped_at_the_strike_width()
    {
        // Short call 3300 (mark 40) + long call 3400 (mark 25): net calls 0 so the upside is bounded.
        // Payoff at {0, 3300, 3400}: 0, 0, −100 → max loss 100 < isolated MM 310.
        var r = Compute(500m, Call(3300, -1, 40), Call(3400, 1, 25));
        Assert.Equal(100m, r.MaintenanceRequirement);
        Assert.Equal(100m, r.InitialRequirement);
    }

    [Fact]
    public void Net_short_calls_make_the_max_loss_unbounded_so_the_isolated_sum_applies()
    {
        // 2 short 3300 calls, 1 long 3400: net calls −1 → isolated sum: MM 2 × 310 = 620, IM 2 × 430 = 860.
        var r = Compute(1000m, Call(3300, -2, 40), Call(3400, 1, 25));
        Assert.Equal(620m, r.MaintenanceRequirement);
        Assert.Equal(860m, r.InitialRequirement);
        Assert.Contains("unbounded", r.WorstScenario);
    }

    [Fact]
    public void Expiries_are_margined_separately_and_summed()
    {
        // A 30-day short put 2900 (MM 330) and a 90-day long put 2800 do not offset: different expiries.
        var r = Compute(1000m, Put(2900, -1, 60), Put(2800, 1, 70, t: 90 / 365.0));
        Assert.Equal(330m, r.MaintenanceRequirement);
    }

    [Fact]
    public void Base_collateral_counts_at_spot_times_the_haircut()
    {
        // 1000 quote + 2 base × 3000 × 0.8 = 5800; MM balance = 5800 − 620.
        var account = new TraderAccount(1000m, 2m, [Call(3300, -2, 40)], MarginMode.Standard);
        var r = StandardMargin.Compute(account, Market3000, Defaults);
        Assert.Equal(5800m, r.MarginCollateral);
        Assert.Equal(5180m, r.MaintenanceMargin);
    }

    [Fact]
    public void Requirements_are_rounded_up_to_1e_8()
    {
        // MM = 1/3 + 0.09 × 3000 = 270.333… → 270.33333334 (up).
        var r = Compute(0m, Call(3300, -1, 1.0 / 3.0));
        Assert.Equal(270.33333334m, r.MaintenanceRequirement);
    }

    [Fact]
    public void Invalid_input_is_a_typed_rejection()
    {
        var bad = Account(0m, MarginMode.Standard, Call(-5, -1, 10));
        var v = MarginInputs.Validate(bad, Market3000);
        Assert.Equal(MarginInputError.InvalidStrike, v.Error);
        Assert.Equal(0, v.PositionIndex);
        Assert.Equal(MarginInputError.InvalidSpot, MarginInputs.Validate(Account(0m, MarginMode.Standard), new MarginMarket(double.NaN, 0)).Error);
        Assert.Throws<ArgumentException>(() => StandardMargin.Compute(bad, Market3000, Defaults));
        Assert.False(MarginCalculator.Default.TryCompute(bad, Market3000, out var result).IsValid);
        Assert.Null(result);
    }
}
