using Ballast.Engine.Margin;
using static Ballast.Engine.Tests.Margin.MarginTestData;

namespace Ballast.Engine.Tests.Margin;

public class TradeRiskCheckTests
{
    private static TradeRiskDecision Check(TraderAccount before, TraderAccount after)
        => TradeRiskCheck.Evaluate(before, after, Market3000, MarginCalculator.Default);

    [Fact]
    public void Opening_a_short_with_enough_collateral_is_allowed_and_adds_risk()
    {
        // Short put 2900 at 60: IM requirement 450 (see StandardMarginTests); 500 of collateral covers it.
        var d = Check(Account(500m, MarginMode.Standard), Account(500m, MarginMode.Standard, Put(2900, -1, 60)));
        Assert.True(d.Allowed);
        Assert.False(d.RiskReducing);
        Assert.Equal(50m, d.InitialMarginAfter);
    }

    [Fact]
    public void Opening_a_short_without_enough_initial_margin_is_rejected()
    {
        var d = Check(Account(400m, MarginMode.Standard), Account(400m, MarginMode.Standard, Put(2900, -1, 60)));
        Assert.False(d.Allowed);
        Assert.Equal(TradeRiskRejection.InsufficientInitialMargin, d.Rejection);
        Assert.Equal(-50m, d.InitialMarginAfter);
    }

    [Fact]
    public void Buying_back_part_of_a_short_is_risk_reducing_and_allowed_even_below_initial_margin()
    {
        // 3 short puts 2900 at 60: IM 3 × 450 = 1350, MM 3 × 330 = 990; collateral 800 → MM balance −190.
        // Buying one back at mark costs 60: collateral 740, IM 900, MM 660 → IM balance −160 < 0, MM balance 80 ≥ −190.
        var before = Account(800m, MarginMode.Standard, Put(2900, -3, 60));
        var after = Account(740m, MarginMode.Standard, Put(2900, -2, 60));
        var d = Check(before, after);
        Assert.True(d.RiskReducing);
        Assert.True(d.Allowed);
        Assert.Equal(-160m, d.InitialMarginAfter);
        Assert.Equal(80m, d.MaintenanceMarginAfter);
    }

    [Fact]
    public void Selling_the_long_leg_of_a_spread_shrinks_positions_but_adds_risk()
    {
        // Put spread margin 100 (max loss); without the long leg the short put alone needs MM 330.
        var before = Account(200m, MarginMode.Standard, Put(2900, -1, 60), Put(2800, 1, 40));
        var after = Account(200m, MarginMode.Standard, Put(2900, -1, 60));
        var d = Check(before, after);
        Assert.False(d.RiskReducing);
        Assert.False(d.Allowed); // IM after = 200 − 450 < 0
    }

    [Fact]
    public void Flipping_a_short_into_a_long_or_opening_a_new_series_is_not_risk_reducing()
    {
        Assert.False(TradeRiskCheck.OnlyShrinksPositions([Put(2900, -1, 60)], [Put(2900, 1, 60)]));
        Assert.False(TradeRiskCheck.OnlyShrinksPositions([Put(2900, -1, 60)], [Put(2900, -1, 60), Call(3300, 1, 40)]));
        Assert.True(TradeRiskCheck.OnlyShrinksPositions([Put(2900, -1, 60), Call(3300, 2, 40)], [Call(3300, 1, 40)]));
    }

    [Fact]
    public void Withdrawing_collateral_is_never_risk_reducing()
    {
        var before = Account(1000m, MarginMode.Standard, Put(2900, -1, 60));
        var d = Check(before, before with { QuoteCollateral = 100m });
        Assert.False(d.RiskReducing);
        Assert.False(d.Allowed);
    }
}
