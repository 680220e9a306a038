using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Tests.Support;
using Ballast.Engine.Volatility;
using FsCheck.Xunit;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class PropertyTests
{
    [Property(MaxTest = 40)]
    public bool Incremental_greek_cache_equals_recomputation_after_any_flow(int seed)
    {
        var v = RandomFlow.Book();
        string? problem = null;
        RandomFlow.Run(v, new Random(seed), 40, () => problem ??= CacheAudit.Problem(v.State));
        Assert.Null(problem);
        Assert.True(v.Events.Count(e => e is Events.TradeExecuted) >= 10, "the flow should mostly trade");
        return true;
    }

    [Property(MaxTest = 40)]
    public bool Replaying_the_events_of_any_accepted_sequence_reproduces_the_state_hash(int seed)
    {
        var v = RandomFlow.Book();
        RandomFlow.Run(v, new Random(seed), 40);
        var replayed = v.Replay();
        return replayed.StateHash() == v.State.StateHash() && replayed.Version == v.State.Version;
    }

    [Property(MaxTest = 40)]
    public bool Money_is_conserved_after_any_flow(int seed)
    {
        var v = RandomFlow.Book();
        RandomFlow.Run(v, new Random(seed), 40);
        return v.TotalMoney(Asset.Quote) == v.MoneyIn(Asset.Quote) && v.TotalMoney(Asset.Base) == v.MoneyIn(Asset.Base);
    }

    [Property(MaxTest = 15)]
    public bool Money_including_the_insurance_fund_is_conserved_through_margin_trades_and_liquidations(int seed)
    {
        var r = new Random(seed);
        var v = TestVault.Open();
        var traders = MarginFlow.Traders(v, r, 8, Math.Round((decimal)r.NextDouble() * 500m, 2));
        v.Tick(60, Math.Round(3000 * (0.6 + r.NextDouble() * 0.8), 2)); // a gap anywhere in ±40 %
        MarginFlow.LiquidateAll(v, traders);
        return v.TotalMoney(Asset.Quote) == v.MoneyIn(Asset.Quote) && v.TotalMoney(Asset.Base) == v.MoneyIn(Asset.Base)
            && v.State.InsuranceFund >= 0m;
    }

    [Property(MaxTest = 15)]
    public bool Liquidation_is_accepted_exactly_when_maintenance_margin_is_negative_and_leaves_it_restored_or_closed(int seed)
    {
        var r = new Random(seed);
        var v = TestVault.Open();
        var traders = MarginFlow.Traders(v, r, 8, 0m);
        v.Tick(60, Math.Round(3000 * (0.6 + r.NextDouble() * 0.8), 2));
        foreach (var t in traders)
        {
            var account = v.State.Accounts[t.Account];
            var margin = Accounting.AccountMargin.TryCompute(v.State, account, v.Now, out _)!;
            bool liquidatable = account.Positions.Count > 0 && margin.MaintenanceMargin < 0m;
            var decision = v.Run(new Liquidate(MarginFlow.Keeper, t.Account));
            Assert.Equal(liquidatable, decision.IsAccepted);
            if (!decision.IsAccepted) continue;
            Assert.True(account.Positions.Count == 0 || Accounting.AccountMargin.TryCompute(v.State, account, v.Now, out _)!.MaintenanceMargin >= 0m,
                $"{t.Account}: one step left MM < 0 with positions open");
        }

        return true;
    }

    [Property(MaxTest = 30)]
    public bool Settlement_conserves_money_closes_every_position_and_its_json_events_replay_to_the_same_hash(int seed)
    {
        var r = new Random(seed);
        var v = RandomFlow.Book();
        RandomFlow.Run(v, r, 40);
        v.Now = Expiry + 60;
        // Settle anywhere from deep below the lowest strike to far above the highest, so both longs and shorts pay.
        v.Ok(new UpdateSpot(Oracle, Math.Round(1500 + r.NextDouble() * 3000, 2), v.Now));
        v.Ok(new SettleBoard(Oracle, Expiry));

        Assert.Equal(v.MoneyIn(Asset.Quote), v.TotalMoney(Asset.Quote));
        Assert.Equal(v.MoneyIn(Asset.Base), v.TotalMoney(Asset.Base));
        foreach (var account in v.State.Accounts.Values)
        {
            Assert.Empty(account.Positions);
            Assert.Equal(0m, account.Locked(Asset.Quote));
            Assert.Equal(0m, account.Locked(Asset.Base));
            Assert.True(account.Free(Asset.Quote) >= 0m && account.Free(Asset.Base) >= 0m, $"{account.Id} went negative");
        }

        Assert.True(v.State.Capital(Asset.Quote) >= 0m && v.State.Capital(Asset.Base) >= 0m, "the vault paid out more than it held");
        var replayed = new State.VaultState();
        foreach (var e in v.Events)
            replayed.Apply(System.Text.Json.JsonSerializer.Deserialize<Events.Event>(System.Text.Json.JsonSerializer.Serialize(e))!);
        return replayed.StateHash() == v.State.StateHash() && replayed.Version == v.State.Version;
    }

    [Property(MaxTest = 40)]
    public bool Buy_total_is_monotone_in_size_and_sell_proceeds_per_option_never_rise(int seed)
    {
        var r = new Random(seed);
        var v = RandomFlow.Book();
        RandomFlow.Run(v, r, 15);
        var series = RandomFlow.RandomSeries(r);
        double small = 0.1 + r.NextDouble() * 5, large = small + 0.01 + r.NextDouble() * 5;
        var b1 = Vault.Quote(v.State, series, TradeDirection.Buy, small, v.Now);
        var b2 = Vault.Quote(v.State, series, TradeDirection.Buy, large, v.Now);
        if (b1.IsQuoted && b2.IsQuoted) Assert.True(b2.Quote.Total >= b1.Quote.Total, $"buy {small}: {b1.Quote.Total}, {large}: {b2.Quote.Total}");
        var s1 = Vault.Quote(v.State, series, TradeDirection.Sell, small, v.Now);
        var s2 = Vault.Quote(v.State, series, TradeDirection.Sell, large, v.Now);
        if (s1.IsQuoted && s2.IsQuoted) Assert.True(s2.Quote.Total / large <= s1.Quote.Total / small + 1e-12);
        return true;
    }

    [Property(MaxTest = 40)]
    public bool A_buy_followed_by_an_equal_sell_never_makes_the_trader_money(int seed, bool inventoryTerm)
    {
        var r = new Random(seed);
        var p = inventoryTerm ? VaultParameters.Default with { DeltaRiskAversion = 1e-3, VegaRiskAversion = 1e-3 } : VaultParameters.Default;
        var v = RandomFlow.Book(p);
        RandomFlow.Run(v, r, 15);
        var series = RandomFlow.RandomSeries(r);
        double size = Math.Round(0.1 + r.NextDouble() * 5, 2);
        var who = Alice;
        decimal before = v.State.Accounts[who.Account].Free(Asset.Quote);
        if (!v.Run(new Trade(who, series, TradeDirection.Buy, size, decimal.MaxValue)).IsAccepted) return true;
        var sell = v.Run(new Trade(who, series, TradeDirection.Sell, size, 0m));
        Assert.True(sell.IsAccepted, $"closing sell rejected: {sell.Rejection}");
        Assert.True(v.State.Accounts[who.Account].Free(Asset.Quote) <= before);
        return true;
    }

    [Property(MaxTest = 40)]
    public bool Bad_input_is_rejected_with_a_type_and_leaves_the_hash_unchanged(int seed, int which)
    {
        var r = new Random(seed);
        var v = RandomFlow.Book();
        RandomFlow.Run(v, r, 10);
        var series = RandomFlow.RandomSeries(r);
        (Command command, RejectionReason reason)[] bad =
        [
            (new Trade(Alice, series with { Strike = 3100 }, TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.UnknownSeries),
            (new Trade(Alice, series, TradeDirection.Buy, -r.NextDouble(), decimal.MaxValue), RejectionReason.InvalidSize),
            (new Trade(Alice, series, TradeDirection.Sell, double.NaN, 0m), RejectionReason.InvalidSize),
            (new Trade(Alice, series, TradeDirection.Buy, 0, decimal.MaxValue), RejectionReason.InvalidSize),
            (new Trade(Oracle, series, TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.Unauthorized),
            (new ListBoard(Alice, Expiry + Day, 0.8), RejectionReason.Unauthorized),
            (new SetParameter(Alice, "minDelta", 0.1, v.Now), RejectionReason.Unauthorized),
            (new Trade(Alice, series with { Expiry = Expiry - Day }, TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.UnknownSeries),
        ];
        var (command, reason) = bad[(which & int.MaxValue) % bad.Length];
        string before = v.State.StateHash();
        var d = v.Decide(command);
        return !d.IsAccepted && d.Rejection!.Reason == reason && v.State.StateHash() == before;
    }

    [Fact]
    public void An_expired_series_is_rejected_and_leaves_the_hash_unchanged()
    {
        var v = RandomFlow.Book();
        RandomFlow.Run(v, new Random(7), 10);
        v.Now = Expiry;
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now));
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 1, decimal.MaxValue), RejectionReason.SeriesExpired);
    }
}
