using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Volatility;
using static Ballast.Engine.Tests.MarginWiring.MarginModeTests;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests.MarginWiring;

public class MarginGovernanceTests
{
    private static readonly Principal Carol = new(new AccountId("carol"), Role.Trader);
    private static readonly Principal Keeper = LiquidationTests.Keeper;

    [Fact]
    public void The_default_margin_parameters_are_the_calculators_defaults()
    {
        var p = VaultParameters.Default;
        Assert.Equal(Engine.Margin.StandardMarginParameters.Default, p.ToStandardMargin());
        Assert.Equal(Engine.Margin.PortfolioMarginParameters.Default, p.ToPortfolioMargin());
        Assert.Equal(Engine.Margin.LiquidationParameters.Default, p.ToLiquidation());
    }

    [Theory]
    [InlineData("standardMinSpotRequirement", 0.2)]          // above the max spot requirement: IM could fall below MM
    [InlineData("standardCallMaintenanceSpotRequirement", 0.14)] // above the min spot requirement
    [InlineData("portfolioSpotStep", 0.04)]                  // 0.18 / 0.04 is not a whole number of steps
    [InlineData("portfolioInitialFactor", 0.9)]              // below the maintenance factor
    [InlineData("auctionFastCutoffPriceFraction", 0.96)]     // above the starting price
    [InlineData("liquidatorPenaltyShare", 0.8)]              // with the fund's 0.3, more than the whole penalty
    public void A_margin_parameter_that_breaks_a_cross_constraint_is_rejected(string name, double value)
    {
        var result = VaultParameters.Default.TryWith(name, value, out _);
        Assert.Equal(ParameterError.CrossConstraint, result.Error);
    }

    [Fact]
    public void A_time_locked_margin_change_reaches_the_trade_check_only_at_activation()
    {
        var v = MarginBook(AccountMarginMode.Standard, 1000m, Carol);
        // Derive's maxSpotReq 0.15 → 1.0: a short put near the money then needs about its strike as initial margin.
        v.Ok(new SetParameter(Governor, "standardMaxSpotRequirement", 1.0, v.Now + Day));
        v.Sell(Put(2750), 1, Carol);
        v.Tick(Day - 120, 3000);
        v.Sell(Put(2750), 0.5, Carol);   // a minute before activation the old rule still applies
        Assert.Equal(0.15, v.State.Parameters.StandardMaxSpotRequirement);
        decimal imBefore = MarginOf(v, Carol.Account).InitialMargin;
        Assert.True(imBefore >= 0m);

        v.Tick(240, 3000);               // activation happens with the first command at or after the effective time

        Assert.Equal(1.0, v.State.Parameters.StandardMaxSpotRequirement);
        Assert.Contains(v.Events, e => e is ParametersActivated);
        Assert.True(MarginOf(v, Carol.Account).InitialMargin < imBefore - 3000m, "1.5 puts now need about 1.5 × 2750 more");
        v.Rejected(new Trade(Carol, Put(2750), TradeDirection.Sell, 0.01, 0m), RejectionReason.InsufficientMargin);
        v.Rejected(new WithdrawCollateral(Carol, Asset.Quote, 1m), RejectionReason.InsufficientMargin);
    }

    [Fact]
    public void A_scheduled_penalty_split_is_not_used_before_it_activates_and_is_used_after()
    {
        var v = MarginBook(AccountMarginMode.Standard, 1000m, Carol);
        v.Sell(Put(2750), 2, Carol);
        v.Ok(new SetParameter(Governor, "liquidatorPenaltyShare", 0.5, v.Now + 3600));
        v.Tick(60, 2400);

        var first = (AccountLiquidated)v.Ok(new Liquidate(Keeper, Carol.Account)).Event;
        Assert.Equal(decimal.Floor(first.Penalty * 0.4m * 1e8m) / 1e8m, first.PenaltyToLiquidator);

        v.Tick(3600, 2150);
        Assert.Equal(0.5, v.State.Parameters.LiquidatorPenaltyShare);
        var second = (AccountLiquidated)v.Ok(new Liquidate(Keeper, Carol.Account)).Event;
        Assert.True(second.Penalty > 0m);
        Assert.Equal(decimal.Floor(second.Penalty * 0.5m * 1e8m) / 1e8m, second.PenaltyToLiquidator);
    }

    [Fact]
    public void Margin_parameters_are_part_of_the_state_hash()
    {
        var a = Open();
        var b = Open();
        b.Ok(new SetParameter(Governor, "portfolioVolRangeUp", 0.7, b.Now));
        Assert.NotEqual(a.State.StateHash(), b.State.StateHash());
        Assert.Equal(b.State.StateHash(), b.Replay().StateHash());
    }
}
