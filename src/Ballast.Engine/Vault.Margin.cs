using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Margin;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Quoting;
using Ballast.Engine.State;

namespace Ballast.Engine;

/// <summary>Liquidation rules (issue 7): incremental close against the vault, Dutch auctions, and insolvency resolution.</summary>
public static partial class Vault
{
    /// <summary>
    /// Issue 7 liquidation, Deribit-style incremental close against the vault: the fraction f and the penalty come from
    /// <see cref="IncrementalLiquidation.Plan"/> at the Greek-cache marks, the penalty is split by <see cref="PenaltySplit"/>
    /// (Lyra v1 40/30/rest), and a fully closed account left with negative quote is resolved by
    /// <see cref="InsolvencyResolution"/> (its base seized, then the insurance fund, then the LPs) in an explicit
    /// <see cref="InsolvencyCovered"/> event. A solvent account whose maintenance requirement is above
    /// <see cref="VaultParameters.LiquidationAuctionThreshold"/> is too large to push onto the vault at mark: it is refused
    /// with <see cref="RejectionReason.LiquidationByAuction"/> and goes to a Dutch auction instead.
    /// </summary>
    private static Decision DecideLiquidate(VaultState state, Liquidate c, long now, VaultParameters p, Event? activation)
    {
        if (c.By.Role is not (Role.Keeper or Role.Admin)) return Unauthorized(c.By, "liquidate accounts");
        if (LiquidatableMargin(state, c.Account, now, p, out var account, out var rows, out var margin) is { } refused) return Decision.Reject(refused);
        if (state.IsInAuction(c.Account)) return Decision.Reject(RejectionReason.AuctionInProgress, $"{c.Account} is being auctioned; bid in the auction instead");
        if (margin.Equity > 0m && margin.MaintenanceRequirement > (decimal)p.LiquidationAuctionThreshold)
            return Decision.Reject(RejectionReason.LiquidationByAuction,
                $"{c.Account}'s maintenance requirement {margin.MaintenanceRequirement} is above the incremental-close threshold {p.LiquidationAuctionThreshold}; start a liquidation auction");

        var liquidation = p.ToLiquidation();
        // An account with no equity left is closed in full and pays no penalty: a partial close cannot restore it.
        var step = margin.Equity <= 0m
            ? new IncrementalClose(LiquidationRejection.None, 1m, margin.PositionValue, 0m)
            : IncrementalLiquidation.Plan(margin, liquidation);
        var closed = new List<LiquidatedPosition>(rows.Count);
        foreach (var (series, position) in rows)
        {
            // Sizes keep the engine's 8 decimals; a partial close rounds away from zero so at least f is closed.
            decimal change = step.ClosesEverything ? -position
                : -Math.Sign(position) * Math.Round(Math.Abs(position) * step.Fraction, Quoter.SizeDecimals, MidpointRounding.ToPositiveInfinity);
            if (Math.Abs(change) > Math.Abs(position)) change = -position;
            if (change != 0m) closed.Add(new LiquidatedPosition(series, change));
        }

        var split = PenaltySplit.Split(step.Penalty, liquidation);
        var liquidated = new AccountLiquidated(now, c.Account, c.By.Account, step.Fraction, closed, step.CloseCashToAccount, step.Penalty,
            split.Liquidator, split.SecurityFund, split.LiquidityProviders);
        decimal quoteAfter = account.Free(Asset.Quote) + step.CloseCashToAccount - step.Penalty;
        bool fullyClosed = closed.Count == rows.Count && closed.TrueForAll(x => x.TraderChange == -account.PositionIn(x.Series));
        InsolvencyCovered? cover = null;
        if (fullyClosed && quoteAfter < 0m)
        {
            var market = state.Market!;
            var resolution = InsolvencyResolution.Resolve(-quoteAfter, account.Free(Asset.Base), (decimal)state.Spot,
                state.InsuranceFund + split.SecurityFund, market.BaseDecimals, market.QuoteDecimals);
            cover = new InsolvencyCovered(now, c.Account, resolution.Shortfall, resolution.Waterfall.InsurancePayout,
                resolution.Waterfall.SocialisedLoss, resolution.BaseSeized, resolution.BaseSeizedValue);
        }

        return Decision.Accept(liquidated, cover, activation);
    }

    /// <summary>Start, bid in, or end a Derive-style Dutch liquidation auction (<see cref="LiquidationAuction"/>).</summary>
    private static Decision DecideAuction(VaultState state, Command command, long now, VaultParameters p, Event? activation) => command switch
    {
        StartLiquidationAuction s => DecideStartAuction(state, s, now, p, activation),
        BidLiquidationAuction b => DecideBid(state, b, now, p, activation),
        EndLiquidationAuction e => DecideEndAuction(state, e, now, p, activation),
        _ => throw new ArgumentException($"not an auction command: {command.GetType().Name}", nameof(command)),
    };

    private static Decision DecideStartAuction(VaultState state, StartLiquidationAuction c, long now, VaultParameters p, Event? activation)
    {
        if (c.By.Role is not (Role.Keeper or Role.Admin)) return Unauthorized(c.By, "start liquidation auctions");
        if (state.IsInAuction(c.Account)) return Decision.Reject(RejectionReason.AuctionInProgress, $"{c.Account} is already being auctioned");
        if (LiquidatableMargin(state, c.Account, now, p, out _, out _, out var margin) is { } refused) return Decision.Reject(refused);
        return Decision.Accept(new LiquidationAuctionStarted(now, c.Account, c.By.Account, margin.Equity <= 0m), activation);
    }

    private static Decision DecideEndAuction(VaultState state, EndLiquidationAuction c, long now, VaultParameters p, Event? activation)
    {
        if (c.By.Role is not (Role.Keeper or Role.Admin)) return Unauthorized(c.By, "end liquidation auctions");
        if (!state.IsInAuction(c.Account)) return Decision.Reject(RejectionReason.NoAuction, $"no liquidation auction is running for {c.Account}");
        var account = state.Accounts[c.Account];
        if (account.Positions.Count == 0) return Decision.Accept(new LiquidationAuctionEnded(now, c.Account, 0m), activation);
        if (CheckMarks(state, AccountMargin.SortedPositions(account), now, p) is { } stale) return Decision.Reject(stale);
        var margin = AccountMargin.TryCompute(state, account, now, out var rejection);
        if (margin is null) return Decision.Reject(rejection!);
        if (margin.MaintenanceMargin < 0m)
            return Decision.Reject(RejectionReason.AuctionInProgress, $"{c.Account}'s maintenance margin balance is still {margin.MaintenanceMargin} < 0");
        return Decision.Accept(new LiquidationAuctionEnded(now, c.Account, margin.MaintenanceMargin), activation);
    }

    /// <summary>
    /// A bid (Derive <c>DutchAuction.bid</c>). Solvent account: <see cref="LiquidationAuction.Bid"/> caps the fraction at the one
    /// restoring a zero buffer margin and prices it at the schedule's fraction of equity; the bidder pays the account. Insolvent
    /// account (equity ≤ 0): the bidder takes everything and is paid <see cref="LiquidationAuction.InsolventPayment"/>, funded by
    /// the <see cref="InsolvencyWaterfall"/>. Either way the bidder's own initial margin must stay ≥ 0.
    /// </summary>
    private static Decision DecideBid(VaultState state, BidLiquidationAuction c, long now, VaultParameters p, Event? activation)
    {
        if (c.By.Role != Role.Trader) return Unauthorized(c.By, "bid in liquidation auctions");
        if (c.By.Account == c.Account) return Decision.Reject(RejectionReason.InvalidInput, "an account cannot bid for itself");
        if (c.Fraction <= 0m || c.Fraction > 1m) return Decision.Reject(RejectionReason.InvalidInput, $"fraction {c.Fraction} must be in (0, 1]");
        if (c.MaxPayment < 0m) return Decision.Reject(RejectionReason.InvalidInput, $"max payment {c.MaxPayment} is negative");
        if (!state.Auctions.TryGetValue(c.Account, out var auction)) return Decision.Reject(RejectionReason.NoAuction, $"no liquidation auction is running for {c.Account}");
        if (state.AccountOrNull(c.By.Account) is not { UsesMargin: true } bidder)
            return Decision.Reject(RejectionReason.InvalidInput, $"{c.By.Account} must use a margin mode to take over positions");
        if (state.IsInAuction(c.By.Account)) return Decision.Reject(RejectionReason.AuctionInProgress, $"{c.By.Account} is itself being auctioned");
        var account = state.Accounts[c.Account];
        var rows = AccountMargin.SortedPositions(account);
        if (rows.Count == 0) return Decision.Reject(RejectionReason.NotLiquidatable, $"{c.Account} holds no positions; end the auction");
        if (CheckMarks(state, rows, now, p) is { } stale) return Decision.Reject(stale);
        var margin = AccountMargin.TryCompute(state, account, now, out var rejection);
        if (margin is null) return Decision.Reject(rejection!);

        var liquidation = p.ToLiquidation();
        long elapsed = now - auction.StartedAt;
        decimal fraction, priceFraction = 0m, payment = 0m;
        InsolvencyWaterfall cover = default;
        if (margin.Equity <= 0m)
        {
            if (c.Fraction != 1m) return Decision.Reject(RejectionReason.InvalidInput, $"{c.Account} is insolvent: a bid must take the whole account (fraction 1)");
            fraction = 1m;
            cover = InsolvencyWaterfall.Cover(LiquidationAuction.InsolventPayment(margin, elapsed, liquidation), state.InsuranceFund);
        }
        else
        {
            var bid = LiquidationAuction.Bid(margin, elapsed, c.Fraction, liquidation);
            if (!bid.Accepted || bid.Fraction <= 0m)
                return Decision.Reject(RejectionReason.NotLiquidatable, $"{c.Account}'s buffer margin is restored ({bid.Rejection}); end the auction");
            if (bid.Payment > c.MaxPayment)
                return Decision.Reject(RejectionReason.SlippageExceeded, $"payment {bid.Payment} is above max payment {c.MaxPayment}");
            (fraction, priceFraction, payment) = (bid.Fraction, bid.PriceFraction, bid.Payment);
        }

        int quoteDecimals = state.Market!.QuoteDecimals, baseDecimals = state.Market.BaseDecimals;
        var transferred = new List<LiquidatedPosition>(rows.Count);
        var accountAfter = new List<(SeriesId Series, decimal Position)>(rows.Count);
        foreach (var (series, position) in rows)
        {
            // The bidder never takes more than f: sizes round toward zero at the engine's 8 decimals.
            decimal change = fraction == 1m ? -position
                : -Math.Sign(position) * Math.Round(Math.Abs(position) * fraction, Quoter.SizeDecimals, MidpointRounding.ToZero);
            if (change != 0m) transferred.Add(new LiquidatedPosition(series, change));
            if (position + change != 0m) accountAfter.Add((series, position + change));
        }

        decimal quote = account.Free(Asset.Quote), baseUnits = account.Free(Asset.Base);
        decimal takenQuote = fraction == 1m ? quote : Math.Round(quote * fraction, quoteDecimals, MidpointRounding.ToZero);
        decimal takenBase = fraction == 1m ? baseUnits : Math.Round(baseUnits * fraction, baseDecimals, MidpointRounding.ToZero);
        decimal bidderQuote = bidder.Free(Asset.Quote) + takenQuote - payment + cover.Shortfall;
        if (bidder.Free(Asset.Quote) < payment)
            return Decision.Reject(RejectionReason.InsufficientFunds, $"{c.By.Account} has {bidder.Free(Asset.Quote)} free quote, less than the payment {payment}");
        var bidderRows = MergedPositions(AccountMargin.SortedPositions(bidder), transferred);
        var bidderView = AccountMargin.TryView(state, bidder.MarginMode, bidderQuote, bidder.Free(Asset.Base) + takenBase, bidderRows, now, out rejection);
        if (bidderView is null) return Decision.Reject(rejection!);
        decimal bidderIm = AccountMargin.CalculatorAt(state, now).Compute(bidderView, AccountMargin.MarketOf(state)).InitialMargin;
        if (bidderIm < 0m)
            return Decision.Reject(RejectionReason.InsufficientMargin, $"{c.By.Account}'s initial margin after taking the positions would be {bidderIm}");

        bool ends = accountAfter.Count == 0;
        if (!ends)
        {
            var view = AccountMargin.TryView(state, account.MarginMode, quote - takenQuote + payment, baseUnits - takenBase, accountAfter, now, out rejection);
            if (view is null) return Decision.Reject(rejection!);
            ends = LiquidationAuction.BufferMargin(AccountMargin.CalculatorAt(state, now).Compute(view, AccountMargin.MarketOf(state)), liquidation) >= 0m;
        }

        return Decision.Accept(new AuctionBidFilled(now, c.Account, c.By.Account, fraction, priceFraction, transferred, takenQuote, takenBase, payment,
            cover.InsurancePayout, cover.SocialisedLoss, ends), activation);
    }

    /// <summary>
    /// The shared gate of liquidation: the account exists, is margined, holds positions, its boards' marks are fresh and its
    /// maintenance margin balance is negative. Returns null with the account, its sorted positions and margin when liquidatable.
    /// </summary>
    private static Rejection? LiquidatableMargin(VaultState state, AccountId id, long now, VaultParameters p,
        out AccountState account, out List<(SeriesId Series, decimal Position)> rows, out MarginResult margin)
    {
        account = null!;
        rows = [];
        margin = null!;
        if (string.IsNullOrEmpty(id.Value)) return new Rejection(RejectionReason.InvalidInput, "account is empty");
        if (state.AccountOrNull(id) is not { UsesMargin: true, Positions.Count: > 0 } found)
            return new Rejection(RejectionReason.NotLiquidatable, $"{id} holds no margined positions");
        account = found;
        rows = AccountMargin.SortedPositions(found);
        if (CheckMarks(state, rows, now, p) is { } stale) return stale;
        var computed = AccountMargin.TryCompute(state, found, now, out var rejection);
        if (computed is null) return rejection;
        margin = computed;
        return computed.MaintenanceMargin >= 0m
            ? new Rejection(RejectionReason.NotLiquidatable, $"{id}'s maintenance margin balance is {computed.MaintenanceMargin} ≥ 0")
            : null;
    }

    /// <summary>Liquidations use the Greek cache's marks: a live board whose cache is stale must be refreshed first.</summary>
    private static Rejection? CheckMarks(VaultState state, List<(SeriesId Series, decimal Position)> rows, long now, VaultParameters p)
    {
        foreach (var (series, _) in rows)
        {
            var board = state.Strikes[series.StrikeKey].Board;
            if (now < board.Expiry && state.IsBoardCacheStale(board, now, p))
                return new Rejection(RejectionReason.GreekCacheStale, $"board {board.Expiry}'s marks are stale; refresh spot before liquidating");
        }

        return null;
    }

    /// <summary>The bidder's positions after receiving the negatives of <paramref name="transferred"/>, canonical order.</summary>
    private static List<(SeriesId Series, decimal Position)> MergedPositions(List<(SeriesId Series, decimal Position)> own, List<LiquidatedPosition> transferred)
    {
        var merged = new Dictionary<SeriesId, decimal>(own.Count + transferred.Count);
        foreach (var (series, position) in own) merged[series] = position;
        foreach (var t in transferred) merged[t.Series] = merged.GetValueOrDefault(t.Series) - t.TraderChange;
        var rows = new List<(SeriesId Series, decimal Position)>(merged.Count);
        foreach (var (series, position) in merged)
        {
            if (position != 0m) rows.Add((series, position));
        }

        rows.Sort(static (a, b) => SeriesOrder.Compare(a.Series, b.Series));
        return rows;
    }
}
