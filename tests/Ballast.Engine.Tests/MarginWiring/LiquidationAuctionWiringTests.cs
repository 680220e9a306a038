using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Margin;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Tests.Support;
using Ballast.Engine.Volatility;
using static Ballast.Engine.Tests.MarginWiring.MarginModeTests;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests.MarginWiring;

public class LiquidationAuctionWiringTests
{
    private static readonly Principal Carol = new(new AccountId("carol"), Role.Trader);
    private static readonly Principal Dave = new(new AccountId("dave"), Role.Trader);
    private static readonly Principal Keeper = LiquidationTests.Keeper;

    /// <summary>Carol (standard margin, 1000 USDC) short 2 puts at 2750, Dave a well-funded portfolio-margin bidder; spot then moves.</summary>
    private static TestVault Book(double spot, VaultParameters? parameters = null)
    {
        var v = Open(parameters);
        v.Ok(new DepositCollateral(Carol, Asset.Quote, 1000m));
        v.Ok(new SetMarginMode(Carol, AccountMarginMode.Standard));
        v.Ok(new DepositCollateral(Dave, Asset.Quote, 100_000m));
        v.Ok(new SetMarginMode(Dave, AccountMarginMode.Portfolio));
        v.Sell(Put(2750), 2, Carol);
        v.Tick(60, spot);
        return v;
    }

    private static void MoneyIsConserved(TestVault v)
    {
        Assert.Equal(v.MoneyIn(Asset.Quote), v.TotalMoney(Asset.Quote));
        Assert.Equal(v.MoneyIn(Asset.Base), v.TotalMoney(Asset.Base));
    }

    [Fact]
    public void An_auction_cannot_start_while_maintenance_margin_is_not_negative()
    {
        var v = Book(3000);
        v.Rejected(new StartLiquidationAuction(Keeper, Carol.Account), RejectionReason.NotLiquidatable);
    }

    [Fact]
    public void Only_keepers_and_admins_start_auctions_and_only_traders_bid()
    {
        var v = Book(2400);
        v.Rejected(new StartLiquidationAuction(Dave, Carol.Account), RejectionReason.Unauthorized);
        v.Ok(new StartLiquidationAuction(Keeper, Carol.Account));
        v.Rejected(new BidLiquidationAuction(Keeper, Carol.Account, 1m, decimal.MaxValue), RejectionReason.Unauthorized);
    }

    [Fact]
    public void An_account_under_auction_cannot_trade_withdraw_be_closed_incrementally_or_be_auctioned_twice()
    {
        var v = Book(2400);
        v.Ok(new StartLiquidationAuction(Keeper, Carol.Account));
        Assert.True(v.State.IsInAuction(Carol.Account));
        v.Rejected(new Trade(Carol, Put(2750), TradeDirection.Buy, 0.1, decimal.MaxValue), RejectionReason.AuctionInProgress);
        v.Rejected(new WithdrawCollateral(Carol, Asset.Quote, 1m), RejectionReason.AuctionInProgress);
        v.Rejected(new Liquidate(Keeper, Carol.Account), RejectionReason.AuctionInProgress);
        v.Rejected(new StartLiquidationAuction(Keeper, Carol.Account), RejectionReason.AuctionInProgress);
    }

    [Fact]
    public void A_bid_takes_at_most_the_fraction_that_restores_the_buffer_at_the_schedules_price()
    {
        var v = Book(2400);
        v.Ok(new StartLiquidationAuction(Keeper, Carol.Account));
        var margin = MarginOf(v, Carol.Account);
        var liquidation = LiquidationParameters.Default;
        decimal max = LiquidationAuction.MaxFraction(LiquidationAuction.BufferMargin(margin, liquidation), margin.Equity, 0.95m);
        Assert.InRange(max, 0.000001m, 0.999999m);
        decimal vaultPutsBefore = v.State.Strikes[Put(2750).StrikeKey].VaultPutPosition;
        decimal carolQuote = v.State.Accounts[Carol.Account].Free(Asset.Quote);

        var bid = (AuctionBidFilled)v.Ok(new BidLiquidationAuction(Dave, Carol.Account, 1m, decimal.MaxValue)).Event;

        Assert.Equal(max, bid.Fraction);
        Assert.Equal(0.95m, bid.PriceFraction);
        Assert.Equal(MarginMoney.Ceiling(max * 0.95m * margin.Equity), bid.Payment);
        var moved = Assert.Single(bid.Transferred);
        Assert.True(moved.TraderChange <= 2m * max, "never more than the allowed fraction of a position");
        Assert.Equal(-2m + moved.TraderChange, v.State.Accounts[Carol.Account].PositionIn(Put(2750)));
        Assert.Equal(-moved.TraderChange, v.State.Accounts[Dave.Account].PositionIn(Put(2750)));
        Assert.Equal(vaultPutsBefore, v.State.Strikes[Put(2750).StrikeKey].VaultPutPosition);
        Assert.Equal(carolQuote - bid.TakenQuote + bid.Payment, v.State.Accounts[Carol.Account].Free(Asset.Quote));
        Assert.True(MarginOf(v, Carol.Account).MaintenanceMargin >= 0m, "the bid restores maintenance margin");
        Assert.Equal(!bid.EndsAuction, v.State.IsInAuction(Carol.Account));
        MoneyIsConserved(v);
    }

    [Fact]
    public void The_auction_price_falls_from_095_to_070_over_the_fast_phase()
    {
        var v = Book(2400);
        v.Ok(new StartLiquidationAuction(Keeper, Carol.Account));
        v.Tick(15 * 60, 2400);
        var bid = (AuctionBidFilled)v.Ok(new BidLiquidationAuction(Dave, Carol.Account, 0.01m, decimal.MaxValue)).Event;
        Assert.Equal(0.70m, bid.PriceFraction);
        Assert.Equal(0.01m, bid.Fraction);
        Assert.False(bid.EndsAuction);
    }

    [Fact]
    public void A_bid_is_refused_above_its_max_payment_or_when_the_bidder_cannot_carry_the_positions()
    {
        var v = Book(2400);
        v.Ok(new StartLiquidationAuction(Keeper, Carol.Account));
        v.Rejected(new BidLiquidationAuction(Dave, Carol.Account, 1m, 0m), RejectionReason.SlippageExceeded);
        v.Rejected(new BidLiquidationAuction(Alice, Carol.Account, 1m, decimal.MaxValue), RejectionReason.InvalidInput); // full collateral
        v.Rejected(new BidLiquidationAuction(Carol, Carol.Account, 1m, decimal.MaxValue), RejectionReason.InvalidInput);
        var poor = new Principal(new AccountId("erin"), Role.Trader);
        v.Ok(new DepositCollateral(poor, Asset.Quote, 10m));
        v.Ok(new SetMarginMode(poor, AccountMarginMode.Standard));
        v.Rejected(new BidLiquidationAuction(poor, Carol.Account, 1m, decimal.MaxValue), RejectionReason.InsufficientFunds);
        // Enough cash for the payment, but not the initial margin of the short puts taken over.
        decimal payment = ((AuctionBidFilled)v.Decide(new BidLiquidationAuction(Dave, Carol.Account, 1m, decimal.MaxValue)).Event).Payment;
        v.Ok(new DepositCollateral(poor, Asset.Quote, decimal.Ceiling(payment)));
        v.Rejected(new BidLiquidationAuction(poor, Carol.Account, 1m, decimal.MaxValue), RejectionReason.InsufficientMargin);
        v.Rejected(new BidLiquidationAuction(Dave, Bob.Account, 1m, decimal.MaxValue), RejectionReason.NoAuction);
    }

    [Fact]
    public void An_insolvent_auction_pays_the_bidder_from_the_insurance_fund_then_the_lps_for_taking_the_whole_account()
    {
        var v = Book(3000);
        v.Ok(new DepositInsuranceFund(Admin, 100m));
        v.Tick(60, 1800);
        var margin = MarginOf(v, Carol.Account);
        Assert.True(margin.Equity < 0m);
        var started = (LiquidationAuctionStarted)v.Ok(new StartLiquidationAuction(Keeper, Carol.Account)).Event;
        Assert.True(started.Insolvent);
        v.Rejected(new BidLiquidationAuction(Dave, Carol.Account, 0.5m, decimal.MaxValue), RejectionReason.InvalidInput);
        v.Tick(30 * 60, 1800);
        margin = MarginOf(v, Carol.Account);
        decimal capitalBefore = v.State.Capital(Asset.Quote);

        var bid = (AuctionBidFilled)v.Ok(new BidLiquidationAuction(Dave, Carol.Account, 1m, 0m)).Event;

        // Half of the 60-minute insolvent auction: half the maintenance deficit, rounded down.
        decimal cover = MarginMoney.Floor(-margin.MaintenanceMargin * 0.5m);
        Assert.Equal(cover, bid.InsurancePayout + bid.SocialisedLoss);
        Assert.Equal(100m, bid.InsurancePayout);
        Assert.Equal(capitalBefore - bid.SocialisedLoss, v.State.Capital(Asset.Quote));
        Assert.True(bid.EndsAuction);
        Assert.Empty(v.State.Accounts[Carol.Account].Positions);
        Assert.Equal(0m, v.State.Accounts[Carol.Account].Free(Asset.Quote));
        Assert.Equal(-2m, v.State.Accounts[Dave.Account].PositionIn(Put(2750)));
        Assert.False(v.State.IsInAuction(Carol.Account));
        MoneyIsConserved(v);
    }

    [Fact]
    public void A_keeper_ends_an_auction_once_a_deposit_restores_maintenance_margin()
    {
        var v = Book(2400);
        v.Ok(new StartLiquidationAuction(Keeper, Carol.Account));
        v.Rejected(new EndLiquidationAuction(Keeper, Carol.Account), RejectionReason.AuctionInProgress);
        v.Ok(new DepositCollateral(Carol, Asset.Quote, 5000m));
        var ended = (LiquidationAuctionEnded)v.Ok(new EndLiquidationAuction(Keeper, Carol.Account)).Event;
        Assert.True(ended.MaintenanceMargin >= 0m);
        Assert.False(v.State.IsInAuction(Carol.Account));
        v.Ok(new WithdrawCollateral(Carol, Asset.Quote, 1m));
        v.Rejected(new EndLiquidationAuction(Keeper, Carol.Account), RejectionReason.NoAuction);
    }

    [Fact]
    public void An_account_above_the_incremental_threshold_is_sent_to_auction()
    {
        var v = Book(2400, VaultParameters.Default with { LiquidationAuctionThreshold = 100 });
        v.Rejected(new Liquidate(Keeper, Carol.Account), RejectionReason.LiquidationByAuction);
        v.Ok(new StartLiquidationAuction(Keeper, Carol.Account));
    }

    [Fact]
    public void Auction_events_survive_json_and_replay_to_the_same_hash()
    {
        var v = Book(2400);
        v.Ok(new StartLiquidationAuction(Keeper, Carol.Account));
        v.Ok(new BidLiquidationAuction(Dave, Carol.Account, 0.01m, decimal.MaxValue));
        var replayed = new State.VaultState();
        foreach (var e in v.Events)
            replayed.Apply(System.Text.Json.JsonSerializer.Deserialize<Event>(System.Text.Json.JsonSerializer.Serialize(e))!);
        Assert.True(replayed.IsInAuction(Carol.Account));
        Assert.Equal(v.State.StateHash(), replayed.StateHash());
    }
}
