using Ballast.Engine.Accounting;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Tests.Support;
using Xunit.Abstractions;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests.MarginWiring;

public class LiquidationStressTests(ITestOutputHelper output)
{
    [Fact]
    public void A_40_percent_spot_gap_leaves_every_margin_account_above_maintenance_or_closed_and_conserves_money()
    {
        var v = Open();
        var traders = MarginFlow.Traders(v, new Random(20261125), 50, 5_000m);
        int withPositions = traders.Count(t => v.State.Accounts[t.Account].Positions.Count > 0);
        Assert.True(withPositions >= 40, $"only {withPositions} of 50 traders got positions");

        v.Tick(60, 1800); // spot gaps −40 % in one step
        int underwater = traders.Count(t => v.State.Accounts[t.Account].Positions.Count > 0
            && AccountMargin.TryCompute(v.State, v.State.Accounts[t.Account], v.Now, out _)!.MaintenanceMargin < 0m);
        int steps = MarginFlow.LiquidateAll(v, traders);

        foreach (var t in traders)
        {
            var account = v.State.Accounts[t.Account];
            if (account.Positions.Count == 0) continue;
            var margin = AccountMargin.TryCompute(v.State, account, v.Now, out var rejection);
            Assert.True(margin is not null, $"{t.Account}: {rejection}");
            Assert.True(margin!.MaintenanceMargin >= 0m, $"{t.Account} still under maintenance: {margin.MaintenanceMargin}");
        }

        var liquidations = v.Events.OfType<AccountLiquidated>().ToList();
        var covers = v.Events.OfType<InsolvencyCovered>().ToList();
        Assert.All(liquidations, l => Assert.Equal(l.Penalty, l.PenaltyToLiquidator + l.PenaltyToInsuranceFund + l.PenaltyToLps));
        Assert.All(covers, c => Assert.Equal(c.Shortfall, c.InsurancePayout + c.SocialisedLoss));
        Assert.True(underwater >= 10, $"the gap should put many accounts under maintenance, got {underwater}");
        Assert.NotEmpty(covers);
        Assert.Equal(underwater, steps); // one step per account: each step restored maintenance margin or closed the book
        Assert.Equal(v.MoneyIn(Asset.Quote), v.TotalMoney(Asset.Quote));
        Assert.Equal(v.MoneyIn(Asset.Base), v.TotalMoney(Asset.Base));
        Assert.Equal(v.State.StateHash(), v.Replay().StateHash());
        output.WriteLine($"{withPositions} traders with positions, {underwater} under maintenance after the gap, {steps} liquidation steps, "
            + $"{covers.Count} insolvent: shortfall {covers.Sum(c => c.Shortfall)}, insurance paid {covers.Sum(c => c.InsurancePayout)}, "
            + $"socialised {covers.Sum(c => c.SocialisedLoss)}; insurance fund now {v.State.InsuranceFund}");
    }
}
