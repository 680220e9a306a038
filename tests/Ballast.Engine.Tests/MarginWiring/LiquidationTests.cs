using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Tests.Support;
using static Ballast.Engine.Tests.MarginWiring.MarginModeTests;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests.MarginWiring;

public class LiquidationTests
{
    private static readonly Principal Carol = new(new AccountId("carol"), Role.Trader);
    internal static readonly Principal Keeper = new(new AccountId("keeper"), Role.Keeper);

    /// <summary>Carol, in standard margin with 1000 USDC, short 2 puts struck 2750, then spot moves to <paramref name="spot"/>.</summary>
    private static TestVault ShortPutsAfterMove(double spot)
    {
        var v = MarginBook(AccountMarginMode.Standard, 1000m, Carol);
        v.Sell(Put(2750), 2, Carol);
        v.Tick(60, spot);
        return v;
    }

    [Fact]
    public void An_account_cannot_be_liquidated_while_its_maintenance_margin_is_not_negative()
    {
        var v = ShortPutsAfterMove(3000);
        Assert.True(MarginOf(v, Carol.Account).MaintenanceMargin >= 0m);
        v.Rejected(new Liquidate(Keeper, Carol.Account), RejectionReason.NotLiquidatable);
    }

    [Fact]
    public void A_full_collateral_account_is_never_liquidatable()
    {
        var v = Open();
        v.Sell(Put(2750), 2);
        v.Tick(60, 1800);
        v.Rejected(new Liquidate(Keeper, Alice.Account), RejectionReason.NotLiquidatable);
    }

    [Fact]
    public void Only_a_keeper_or_an_admin_may_liquidate()
    {
        var v = ShortPutsAfterMove(2400);
        v.Rejected(new Liquidate(new Principal(new AccountId("bob"), Role.Trader), Carol.Account), RejectionReason.Unauthorized);
        v.Ok(new Liquidate(Admin, Carol.Account));
    }

    [Fact]
    public void A_liquidation_step_closes_the_minimal_fraction_and_restores_maintenance_margin()
    {
        var v = ShortPutsAfterMove(2400);
        var before = MarginOf(v, Carol.Account);
        Assert.True(before.MaintenanceMargin < 0m && before.Equity > 0m, $"precondition: under maintenance but solvent ({before.MaintenanceMargin}, {before.Equity})");
        decimal fundBefore = v.State.InsuranceFund, capitalBefore = v.State.Capital(Asset.Quote);

        var step = (AccountLiquidated)v.Ok(new Liquidate(Keeper, Carol.Account)).Event;

        Assert.InRange(step.Fraction, 0.000001m, 0.999999m);
        // Sizes keep 8 decimals and round away from zero: the close is f of the position, never less, at most 1e-8 more.
        Assert.InRange(step.Closed.Single().TraderChange - 2m * step.Fraction, 0m, 0.00000001m);
        Assert.True(MarginOf(v, Carol.Account).MaintenanceMargin >= 0m);
        Assert.True(step.Penalty > 0m);
        Assert.Equal(step.Penalty, step.PenaltyToLiquidator + step.PenaltyToInsuranceFund + step.PenaltyToLps);
        Assert.Equal(step.PenaltyToLiquidator, v.State.Accounts[Keeper.Account].Free(Asset.Quote));
        Assert.Equal(fundBefore + step.PenaltyToInsuranceFund, v.State.InsuranceFund);
        Assert.Equal(capitalBefore - step.CloseCash + step.PenaltyToLps, v.State.Capital(Asset.Quote));
        Assert.Equal(v.MoneyIn(Asset.Quote), v.TotalMoney(Asset.Quote));
        v.Rejected(new Liquidate(Keeper, Carol.Account), RejectionReason.NotLiquidatable);
    }

    [Fact]
    public void An_insolvent_account_is_closed_and_its_shortfall_is_paid_by_the_insurance_fund_then_socialised()
    {
        var v = ShortPutsAfterMove(3000);
        v.Ok(new DepositInsuranceFund(Admin, 100m));
        v.Tick(60, 1800);
        Assert.True(MarginOf(v, Carol.Account).Equity < 0m);
        decimal capitalBefore = v.State.Capital(Asset.Quote);

        var decision = v.Ok(new Liquidate(Keeper, Carol.Account));

        var step = (AccountLiquidated)decision[0];
        var cover = (InsolvencyCovered)decision[1];
        Assert.Equal(1m, step.Fraction);
        Assert.Equal(0m, step.Penalty);
        Assert.Empty(v.State.Accounts[Carol.Account].Positions);
        Assert.Equal(100m, cover.InsurancePayout);
        Assert.Equal(cover.Shortfall, cover.InsurancePayout + cover.SocialisedLoss);
        Assert.True(cover.SocialisedLoss > 0m);
        Assert.Equal(0m, v.State.Accounts[Carol.Account].Free(Asset.Quote));
        Assert.Equal(0m, v.State.InsuranceFund);
        Assert.Equal(capitalBefore - step.CloseCash - cover.SocialisedLoss, v.State.Capital(Asset.Quote));
        Assert.Equal(v.MoneyIn(Asset.Quote), v.TotalMoney(Asset.Quote));
    }

    [Fact]
    public void An_insolvent_account_holding_base_has_its_base_seized_before_the_insurance_fund_pays()
    {
        var v = MarginBook(AccountMarginMode.Standard, 1000m, Carol);
        v.Ok(new DepositCollateral(Carol, Asset.Base, 0.1m));
        v.Ok(new DepositInsuranceFund(Admin, 50m));
        v.Sell(Put(2750), 2, Carol);
        v.Tick(60, 1800);
        decimal vaultBaseBefore = v.State.Capital(Asset.Base);

        var decision = v.Ok(new Liquidate(Keeper, Carol.Account));

        Assert.Equal(2, decision.EventCount);
        var cover = (InsolvencyCovered)decision[1];
        // The deficit (≈ 2·(2750 − 1800) − 1000 − premium) is far above the base's value, so all 0.1 ETH is taken at spot.
        Assert.Equal(0.1m, cover.BaseSeized);
        Assert.Equal(180m, cover.BaseSeizedValue);
        Assert.Equal(50m, cover.InsurancePayout);
        Assert.Equal(cover.Shortfall, cover.BaseSeizedValue + cover.InsurancePayout + cover.SocialisedLoss);
        var carol = v.State.Accounts[Carol.Account];
        Assert.Empty(carol.Positions);
        Assert.Equal(0m, carol.Free(Asset.Quote));
        Assert.Equal(0m, carol.Free(Asset.Base));
        Assert.Equal(vaultBaseBefore + 0.1m, v.State.Capital(Asset.Base));
        Assert.Equal(v.MoneyIn(Asset.Quote), v.TotalMoney(Asset.Quote));
        Assert.Equal(v.MoneyIn(Asset.Base), v.TotalMoney(Asset.Base));
    }

    [Fact]
    public void Liquidation_events_survive_json_and_replay_to_the_same_hash()
    {
        var v = ShortPutsAfterMove(3000);
        v.Ok(new DepositInsuranceFund(Admin, 100m));
        v.Tick(60, 1800);
        v.Ok(new Liquidate(Keeper, Carol.Account));
        var replayed = new State.VaultState();
        foreach (var e in v.Events)
            replayed.Apply(System.Text.Json.JsonSerializer.Deserialize<Event>(System.Text.Json.JsonSerializer.Serialize(e))!);
        Assert.Equal(v.State.StateHash(), replayed.StateHash());
        Assert.Equal(v.State.InsuranceFund, replayed.InsuranceFund);
    }
}
