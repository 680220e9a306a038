using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Margin;
using Ballast.Engine.Markets;
using Ballast.Engine.Tests.Support;
using Ballast.Engine.Volatility;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests.MarginWiring;

public class MarginModeTests
{
    private static readonly Principal Carol = new(new AccountId("carol"), Role.Trader);

    /// <summary>The default book plus "carol" with <paramref name="quote"/> USDC in <paramref name="mode"/>.</summary>
    internal static TestVault MarginBook(AccountMarginMode mode, decimal quote, Principal? who = null)
    {
        var v = Open();
        var trader = who ?? Carol;
        v.Ok(new DepositCollateral(trader, Asset.Quote, quote));
        v.Ok(new SetMarginMode(trader, mode));
        return v;
    }

    internal static MarginResult MarginOf(TestVault v, AccountId account)
    {
        var margin = AccountMargin.TryCompute(v.State, v.State.Accounts[account], v.Now, out var rejection);
        Assert.True(margin is not null, $"margin not computable: {rejection}");
        return margin!;
    }

    [Fact]
    public void Accounts_default_to_full_collateral()
    {
        var v = Open();
        Assert.Equal(AccountMarginMode.FullCollateral, v.State.Accounts[Alice.Account].MarginMode);
        v.Sell(Put(2750), 1);
        Assert.Equal(2750m, v.State.Accounts[Alice.Account].Locked(Asset.Quote));
    }

    [Fact]
    public void A_standard_margin_short_put_locks_nothing_and_needs_only_initial_margin()
    {
        // Full collateral would need 2 × 2750 = 5500 USDC; standard IM is about mark + 0.13·S = mark + 390 per put.
        var v = MarginBook(AccountMarginMode.Standard, 1000m);
        v.Sell(Put(2750), 2, Carol);
        var carol = v.State.Accounts[Carol.Account];
        Assert.Equal(0m, carol.Locked(Asset.Quote));
        Assert.Equal(-2m, carol.PositionIn(Put(2750)));
        Assert.True(MarginOf(v, Carol.Account).InitialMargin >= 0m);
    }

    [Fact]
    public void A_risk_adding_trade_is_rejected_when_initial_margin_after_it_would_be_negative()
    {
        var v = MarginBook(AccountMarginMode.Standard, 1000m);
        v.Sell(Put(2750), 2, Carol);
        var rejection = v.Rejected(new Trade(Carol, Put(2750), TradeDirection.Sell, 1, 0m), RejectionReason.InsufficientMargin);
        Assert.Contains("initial margin", rejection.Message);
        // The same trade is fine for a full-collateral account with enough money.
        v.Sell(Put(2750), 1);
    }

    [Fact]
    public void A_risk_reducing_trade_is_accepted_even_when_initial_margin_stays_negative()
    {
        var v = MarginBook(AccountMarginMode.Standard, 1000m);
        v.Sell(Put(2750), 2, Carol);
        v.Tick(60, 2450); // the puts go deep in the money: IM turns negative
        Assert.True(MarginOf(v, Carol.Account).InitialMargin < 0m);
        v.Buy(Put(2750), 0.1, Carol);
        Assert.True(MarginOf(v, Carol.Account).InitialMargin < 0m, "still under initial margin, but the buy-back was accepted");
        Assert.Equal(-1.9m, v.State.Accounts[Carol.Account].PositionIn(Put(2750)));
        v.Rejected(new Trade(Carol, Put(2500), TradeDirection.Sell, 0.5, 0m), RejectionReason.InsufficientMargin);
    }

    [Fact]
    public void A_withdrawal_that_would_leave_negative_initial_margin_is_rejected()
    {
        var v = MarginBook(AccountMarginMode.Standard, 1000m);
        v.Sell(Put(2750), 2, Carol);
        decimal im = MarginOf(v, Carol.Account).InitialMargin;
        Assert.True(im > 10m);
        v.Rejected(new WithdrawCollateral(Carol, Asset.Quote, decimal.Round(im + 1m, 2)), RejectionReason.InsufficientMargin);
        v.Ok(new WithdrawCollateral(Carol, Asset.Quote, decimal.Round(im / 2, 2)));
        Assert.True(MarginOf(v, Carol.Account).InitialMargin >= 0m);
    }

    [Fact]
    public void A_portfolio_margin_account_is_checked_against_its_scenario_grid()
    {
        var v = MarginBook(AccountMarginMode.Portfolio, 1000m);
        v.Sell(Put(2750), 1, Carol);
        var margin = MarginOf(v, Carol.Account);
        Assert.Equal(MarginMode.Portfolio, margin.Mode);
        Assert.NotNull(margin.WorstPortfolioScenario);
        Assert.True(margin.InitialMargin >= 0m);
        // Adding far more short puts than 1000 USDC can carry under the grid's −18 % move is refused.
        v.Rejected(new Trade(Carol, Put(2750), TradeDirection.Sell, 10, 0m), RejectionReason.InsufficientMargin);
    }

    [Fact]
    public void Margin_marks_positions_at_the_greek_cache_model_price()
    {
        var v = MarginBook(AccountMarginMode.Standard, 1000m);
        v.Sell(Put(2750), 2, Carol);
        v.State.TryGetStrike(Put(2750), out var strike);
        var margin = MarginOf(v, Carol.Account);
        Assert.Equal(MarginMoney.RoundDown(-2.0 * strike.PutGreeks.Price), margin.PositionValue);
    }

    [Fact]
    public void The_margin_mode_cannot_change_while_positions_are_open()
    {
        var v = MarginBook(AccountMarginMode.Standard, 1000m);
        v.Sell(Put(2750), 1, Carol);
        v.Rejected(new SetMarginMode(Carol, AccountMarginMode.FullCollateral), RejectionReason.PositionsOpen);
        v.Buy(Put(2750), 1, Carol);
        v.Ok(new SetMarginMode(Carol, AccountMarginMode.FullCollateral));
    }

    [Fact]
    public void Only_the_trader_sets_its_own_margin_mode()
    {
        var v = Open();
        v.Rejected(new SetMarginMode(new Principal(Carol.Account, Role.Admin), AccountMarginMode.Standard), RejectionReason.Unauthorized);
    }

    [Fact]
    public void The_state_hash_covers_the_margin_mode_and_replays()
    {
        var a = Open();
        var b = Open();
        a.Ok(new SetMarginMode(Alice, AccountMarginMode.Standard));
        b.Ok(new SetMarginMode(Alice, AccountMarginMode.Portfolio));
        Assert.NotEqual(a.State.StateHash(), b.State.StateHash());
        Assert.Equal(a.State.StateHash(), a.Replay().StateHash());
    }
}
