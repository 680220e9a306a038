using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Margin;
using Ballast.Engine.Markets;
using Ballast.Engine.Quoting;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Pricing;

namespace Ballast.Engine;

/// <summary>
/// The vault's rules, as pure functions of (state, input, now): <see cref="Decide"/> turns a command into events
/// or a typed rejection and never changes the state; <see cref="Quote"/> prices a trade without committing it.
/// Hosts (simulation, server, cluster grain, tests) apply accepted events with <see cref="VaultState.Apply(Event)"/>.
/// Start reading here.
/// </summary>
public static partial class Vault
{
    /// <summary>Decides a command at <paramref name="now"/> (Unix seconds, supplied by the host's clock).</summary>
    public static Decision Decide(VaultState state, Command command, long now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.By.Account.Value) || !Enum.IsDefined(command.By.Role))
            return Decision.Reject(RejectionReason.Unauthorized, "the principal needs a non-empty account and a known role");
        // Events are stamped with `now`; GWAVs and the cache assume time never runs backwards.
        if (now < state.LastEventTime)
            return Decision.Reject(RejectionReason.InvalidInput, $"now {now} is before the last event at {state.LastEventTime}; the host clock went backwards");
        if (command is OpenVault open) return DecideOpen(state, open, now);
        if (state.Market is null) return Decision.Reject(RejectionReason.VaultNotOpen, "the vault is not open; the first command must be OpenVault");

        var p = state.ParametersAt(now, out bool due);
        Event? activation = due ? new ParametersActivated(now) : null;
        return command switch
        {
            Trade t => DecideTrade(state, t, now, p, activation),
            UpdateSpot u => DecideSpot(state, u, now, activation),
            UpdateVol v => DecideVol(state, v, now, activation),
            ListBoard b => DecideListBoard(state, b, now, activation),
            ListStrike k => DecideListStrike(state, k, now, activation),
            DelistBoard d => DecideDelistBoard(state, d, now, activation),
            DelistStrike d => DecideDelistStrike(state, d, now, activation),
            SetParameter sp => DecideSetParameter(state, sp, now, p, due),
            SettleBoard sb => DecideSettle(state, sb, now, activation),
            DepositCollateral dc => DecideDeposit(state, dc, now, activation),
            WithdrawCollateral wc => DecideWithdraw(state, wc, now, activation),
            DepositCapital cap => DecideCapital(state, cap, now, activation),
            ImportPosition ip => DecideImport(state, ip, now, activation),
            SetMarginMode mm => DecideMarginMode(state, mm, now, activation),
            Liquidate l => DecideLiquidate(state, l, now, p, activation),
            DepositInsuranceFund f => DecideInsuranceDeposit(state, f, now, activation),
            StartLiquidationAuction or BidLiquidationAuction or EndLiquidationAuction => DecideAuction(state, command, now, p, activation),
            PoolCommand pc => DecidePool(state, pc, now, p, activation),
            BookHedgeFill or BookHedgeFunding or ReportHedgeHealth => DecideHedge(state, command, now, activation),
            _ => Decision.Reject(RejectionReason.InvalidInput, $"unknown command {command.GetType().Name}"),
        };
    }

    /// <summary>
    /// Quotes <paramref name="size"/> options of <paramref name="series"/> for a trader on <paramref name="direction"/>
    /// at <paramref name="now"/>. With <paramref name="account"/> given, a trade that only closes that account's
    /// position is priced as a force close when a limit would block new risk.
    /// </summary>
    public static QuoteResult Quote(VaultState state, SeriesId series, TradeDirection direction, double size, long now, AccountId? account = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Market is null) return QuoteResult.Rejected(new Rejection(RejectionReason.VaultNotOpen, "the vault is not open"));
        if (!Enum.IsDefined(direction)) return QuoteResult.Rejected(new Rejection(RejectionReason.InvalidInput, $"unknown direction {direction}"));
        if (Quoter.TryRoundSize(size, out decimal rounded) is { } badSize) return QuoteResult.Rejected(badSize);
        if (!state.TryGetStrike(series, out var strike) || !Enum.IsDefined(series.Type)) return QuoteResult.Rejected(UnknownSeries(state, series));
        var p = state.ParametersAt(now, out _);
        decimal position = account is { } id && state.AccountOrNull(id) is { } a ? a.PositionIn(series) : 0m;
        var rejection = Quoter.TryQuote(state, p, strike, series, direction, rounded, position, now, out var quote);
        return rejection is null ? QuoteResult.Of(quote) : QuoteResult.Rejected(rejection);
    }

    private static Rejection UnknownSeries(VaultState state, in SeriesId series) =>
        new(RejectionReason.UnknownSeries, $"series {series.Name(state.Market!.Underlying)} is not listed");

    private static Decision Unauthorized(Principal by, string what) =>
        Decision.Reject(RejectionReason.Unauthorized, $"{by.Account} acting as {by.Role} may not {what}");

    private static Decision DecideOpen(VaultState state, OpenVault c, long now)
    {
        if (c.By.Role != Role.Admin) return Unauthorized(c.By, "open the vault");
        if (state.Market is not null) return Decision.Reject(RejectionReason.VaultAlreadyOpen, "the vault is already open");
        if (c.Market?.Problem() is { } problem) return Decision.Reject(RejectionReason.InvalidInput, problem);
        if (c.Market is null || c.Parameters is null) return Decision.Reject(RejectionReason.InvalidInput, "market and parameters are required");
        if (c.Parameters.Validate() is { IsValid: false } bad) return Decision.Reject(RejectionReason.InvalidParameter, bad.Message ?? "invalid parameters");
        return Decision.Accept(new VaultOpened(now, c.Market, c.Parameters));
    }

    private static Decision DecideTrade(VaultState state, Trade c, long now, Parameters.VaultParameters p, Event? activation)
    {
        if (c.By.Role != Role.Trader) return Unauthorized(c.By, "trade");
        if (state.IsInAuction(c.By.Account)) return Decision.Reject(RejectionReason.AuctionInProgress, $"{c.By.Account} is being auctioned and may not trade");
        if (!Enum.IsDefined(c.Direction)) return Decision.Reject(RejectionReason.InvalidInput, $"unknown direction {c.Direction}");
        if (Quoter.TryRoundSize(c.Size, out decimal size) is { } badSize) return Decision.Reject(badSize);
        if (c.LimitPrice < 0) return Decision.Reject(RejectionReason.InvalidInput, $"limit price {c.LimitPrice} is negative");
        if (!state.TryGetStrike(c.Series, out var strike) || !Enum.IsDefined(c.Series.Type)) return Decision.Reject(UnknownSeries(state, c.Series));
        if (c.Ticket is { } ticket && (now > ticket.ExpiresAt || ticket.StateVersion > state.Version))
            return Decision.Reject(RejectionReason.QuoteExpired, $"quote of version {ticket.StateVersion} expired at {ticket.ExpiresAt}");

        var account = state.AccountOrNull(c.By.Account);
        decimal position = account?.PositionIn(c.Series) ?? 0m;
        if (Quoter.TryQuote(state, p, strike, c.Series, c.Direction, size, position, now, out var q) is { } rejection) return Decision.Reject(rejection);

        bool buy = c.Direction == TradeDirection.Buy;
        if (buy ? q.Payment > c.LimitPrice : q.Payment < c.LimitPrice)
            return Decision.Reject(RejectionReason.SlippageExceeded,
                $"{(buy ? "cost" : "proceeds")} {q.Payment} {q.PaymentAsset} is {(buy ? "above max cost" : "below min proceeds")} {c.LimitPrice}");

        // The trader's free balances after payment and collateral change must stay ≥ 0.
        decimal after = position + (buy ? size : -size);
        if (PoolHaltsTrade(state, position, after, now) is { } halted) return halted;
        var collateralAsset = CollateralRequirement.AssetFor(c.Series.Type);
        bool margined = account?.UsesMargin ?? false;
        decimal lockChange = margined ? 0m : CollateralRequirement.For(c.Series, after) - CollateralRequirement.For(c.Series, position);
        decimal freeQuote = account?.Free(Asset.Quote) ?? 0m, freeBase = account?.Free(Asset.Base) ?? 0m;
        decimal paid = buy ? -q.Payment : q.Payment;
        if (q.PaymentAsset == Asset.Quote) freeQuote += paid; else freeBase += paid;
        if (collateralAsset == Asset.Quote) freeQuote -= lockChange; else freeBase -= lockChange;
        if (freeQuote < 0m || freeBase < 0m)
            return Decision.Reject(RejectionReason.InsufficientFunds,
                $"{c.By.Account} lacks funds: free quote would be {freeQuote}, free base {freeBase} (payment {q.Payment} {q.PaymentAsset}, collateral {lockChange} {collateralAsset})");
        if (margined && CheckTradeMargin(state, account!, c.Series, after, freeQuote, freeBase, now) is { } marginRejection)
            return Decision.Reject(marginRejection);

        return Decision.Accept(new TradeExecuted(now, c.By.Account, c.Series, c.Direction, size, q.Payment, q.FeesPayment, q.NewBaseIv, q.NewSkew, q.IsForceClose), activation);
    }

    private static Decision DecideSpot(VaultState state, UpdateSpot c, long now, Event? activation)
    {
        if (c.By.Role != Role.Oracle) return Unauthorized(c.By, "update spot");
        if (!double.IsFinite(c.Spot) || c.Spot <= 0 || c.Spot > 1e12) return Decision.Reject(RejectionReason.InvalidInput, $"spot {c.Spot} must be finite and in (0, 1e12]");
        if (!double.IsFinite(c.Confidence) || c.Confidence < 0 || c.Confidence > 1) return Decision.Reject(RejectionReason.InvalidInput, $"confidence {c.Confidence} must be in [0, 1]");
        if (c.ReferencePrice is double r && (!double.IsFinite(r) || r <= 0)) return Decision.Reject(RejectionReason.InvalidInput, $"reference price {r} must be finite and > 0");
        if (c.ObservedAt > now) return Decision.Reject(RejectionReason.InvalidInput, $"observation time {c.ObservedAt} is in the future (now {now})");
        if (state.HasSpot && c.ObservedAt < state.SpotObservedAt)
            return Decision.Reject(RejectionReason.OracleStale, $"observation at {c.ObservedAt} is older than the recorded one at {state.SpotObservedAt}");
        return Decision.Accept(new SpotUpdated(now, c.Spot, c.ObservedAt, c.Confidence, c.ReferencePrice), activation);
    }

    private static Decision DecideVol(VaultState state, UpdateVol c, long now, Event? activation)
    {
        if (c.By.Role != Role.Oracle) return Unauthorized(c.By, "update vol");
        if (!state.Boards.TryGetValue(c.Expiry, out var board)) return Decision.Reject(RejectionReason.UnknownBoard, $"board {c.Expiry} is not listed");
        if (!double.IsFinite(c.BaseIv) || c.BaseIv <= 0 || c.BaseIv > 100) return Decision.Reject(RejectionReason.InvalidInput, $"base IV {c.BaseIv} must be finite and in (0, 100]");
        if (!double.IsFinite(c.Confidence) || c.Confidence < 0 || c.Confidence > 1) return Decision.Reject(RejectionReason.InvalidInput, $"confidence {c.Confidence} must be in [0, 1]");
        if (c.ObservedAt > now) return Decision.Reject(RejectionReason.InvalidInput, $"observation time {c.ObservedAt} is in the future (now {now})");
        if (c.ObservedAt < board.VolObservedAt) return Decision.Reject(RejectionReason.OracleStale, $"observation at {c.ObservedAt} is older than the recorded one at {board.VolObservedAt}");
        var skews = new StrikeSkew[c.Skews?.Count ?? 0];
        for (int i = 0; i < skews.Length; i++)
        {
            var s = c.Skews![i];
            if (!state.Strikes.ContainsKey(new StrikeKey(c.Expiry, s.Strike))) return Decision.Reject(RejectionReason.UnknownSeries, $"strike {s.Strike} is not listed on board {c.Expiry}");
            if (!double.IsFinite(s.Skew) || s.Skew <= 0 || s.Skew > 100) return Decision.Reject(RejectionReason.InvalidInput, $"skew {s.Skew} of strike {s.Strike} must be finite and in (0, 100]");
            skews[i] = s;
        }

        return Decision.Accept(new VolUpdated(now, c.Expiry, c.BaseIv, skews, c.ObservedAt, c.Confidence), activation);
    }

    private static Decision DecideListBoard(VaultState state, ListBoard c, long now, Event? activation)
    {
        if (c.By.Role != Role.Governor) return Unauthorized(c.By, "list boards");
        if (c.Expiry <= now) return Decision.Reject(RejectionReason.InvalidInput, $"expiry {c.Expiry} is not after now {now}");
        if (!double.IsFinite(c.BaseIv) || c.BaseIv <= 0 || c.BaseIv > 100) return Decision.Reject(RejectionReason.InvalidInput, $"base IV {c.BaseIv} must be finite and in (0, 100]");
        if (state.Boards.ContainsKey(c.Expiry)) return Decision.Reject(RejectionReason.AlreadyListed, $"board {c.Expiry} is already listed");
        return Decision.Accept(new BoardListed(now, c.Expiry, c.BaseIv), activation);
    }

    private static Decision DecideListStrike(VaultState state, ListStrike c, long now, Event? activation)
    {
        if (c.By.Role != Role.Governor) return Unauthorized(c.By, "list strikes");
        if (!state.Boards.ContainsKey(c.Expiry)) return Decision.Reject(RejectionReason.UnknownBoard, $"board {c.Expiry} is not listed");
        if (c.Strike <= 0 || !Money.FitsDecimals(c.Strike, state.Market!.QuoteDecimals)) return Decision.Reject(RejectionReason.InvalidInput, $"strike {c.Strike} must be > 0 with at most {state.Market!.QuoteDecimals} decimals");
        if (!double.IsFinite(c.Skew) || c.Skew <= 0 || c.Skew > 100) return Decision.Reject(RejectionReason.InvalidInput, $"skew {c.Skew} must be finite and in (0, 100]");
        if (state.Strikes.ContainsKey(new StrikeKey(c.Expiry, c.Strike))) return Decision.Reject(RejectionReason.AlreadyListed, $"strike {c.Strike} is already listed on board {c.Expiry}");
        return Decision.Accept(new StrikeListed(now, c.Expiry, c.Strike, c.Skew), activation);
    }

    private static Decision DecideDelistBoard(VaultState state, DelistBoard c, long now, Event? activation)
    {
        if (c.By.Role != Role.Governor) return Unauthorized(c.By, "delist boards");
        if (!state.Boards.TryGetValue(c.Expiry, out var board)) return Decision.Reject(RejectionReason.UnknownBoard, $"board {c.Expiry} is not listed");
        foreach (var s in board.Strikes)
        {
            if (!s.IsFlat) return Decision.Reject(RejectionReason.OpenInterestRemaining, $"strike {s.Strike} of board {c.Expiry} has open positions; settle the board instead");
        }

        if (AccountHolding(state, c.Expiry, null) is { } holder)
            return Decision.Reject(RejectionReason.OpenInterestRemaining, $"{holder} holds a position on board {c.Expiry}; settle the board instead");

        return Decision.Accept(new BoardDelisted(now, c.Expiry), activation);
    }

    private static Decision DecideDelistStrike(VaultState state, DelistStrike c, long now, Event? activation)
    {
        if (c.By.Role != Role.Governor) return Unauthorized(c.By, "delist strikes");
        if (!state.Strikes.TryGetValue(new StrikeKey(c.Expiry, c.Strike), out var strike)) return Decision.Reject(RejectionReason.UnknownSeries, $"strike {c.Strike} is not listed on board {c.Expiry}");
        if (!strike.IsFlat) return Decision.Reject(RejectionReason.OpenInterestRemaining, $"strike {c.Strike} of board {c.Expiry} has open positions");
        if (AccountHolding(state, c.Expiry, c.Strike) is { } holder)
            return Decision.Reject(RejectionReason.OpenInterestRemaining, $"{holder} holds a position on strike {c.Strike} of board {c.Expiry}");
        return Decision.Accept(new StrikeDelisted(now, c.Expiry, c.Strike), activation);
    }

    /// <summary>
    /// A trader holding a series on the board (or strike), if any. The vault can be flat while traders are not (one sold
    /// what another bought, auction bids and imports move positions between traders); delisting would orphan their
    /// positions, which margin, liquidation and settlement look up by strike. O(accounts × positions): delisting is rare.
    /// </summary>
    private static AccountId? AccountHolding(VaultState state, long expiry, decimal? strike)
    {
        foreach (var account in state.Accounts.Values)
        {
            foreach (var series in account.Positions.Keys)
            {
                if (series.Expiry == expiry && (strike is null || series.Strike == strike)) return account.Id;
            }
        }

        return null;
    }

    private static Decision DecideSetParameter(VaultState state, SetParameter c, long now, Parameters.VaultParameters p, bool due)
    {
        if (c.By.Role != Role.Governor) return Unauthorized(c.By, "change parameters");
        if (string.IsNullOrWhiteSpace(c.Name)) return Decision.Reject(RejectionReason.InvalidParameter, "parameter name is empty");
        // Validated against the parameters in force when it is scheduled; re-checked (and skipped if now invalid) on activation.
        if (!p.TryWith(c.Name, c.Value, out _, out string? error)) return Decision.Reject(RejectionReason.InvalidParameter, error ?? $"invalid value {c.Value} for {c.Name}");
        long effectiveAt = Math.Max(c.EffectiveAt, now);
        var scheduled = new ParameterChangeScheduled(now, c.Name, c.Value, effectiveAt);
        return effectiveAt <= now || due ? Decision.AcceptPair(scheduled, new ParametersActivated(now)) : Decision.Accept(scheduled);
    }

    private static Decision DecideSettle(VaultState state, SettleBoard c, long now, Event? activation)
    {
        if (c.By.Role is not (Role.Oracle or Role.Admin)) return Unauthorized(c.By, "settle boards");
        if (!state.Boards.TryGetValue(c.Expiry, out var board)) return Decision.Reject(RejectionReason.UnknownBoard, $"board {c.Expiry} is not listed");
        if (now < c.Expiry) return Decision.Reject(RejectionReason.NotExpired, $"board {c.Expiry} has not expired (now {now})");
        if (!state.HasSpot || state.SpotObservedAt < c.Expiry)
            return Decision.Reject(RejectionReason.OracleStale, $"no spot observed at or after expiry {c.Expiry}");
        var market = state.Market!;
        decimal price = (decimal)state.Spot;
        var payouts = new List<SettlementPayout>();
        var accounts = new List<AccountState>(state.Accounts.Values);
        accounts.Sort(static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        var rows = new List<(SeriesId Series, decimal Position)>();
        foreach (var account in accounts)
        {
            rows.Clear();
            foreach (var (series, position) in account.Positions)
            {
                if (series.Expiry == c.Expiry) rows.Add((series, position));
            }

            rows.Sort(static (a, b) => SeriesOrder.Compare(a.Series, b.Series));
            foreach (var (series, position) in rows) payouts.Add(Payout(market, account.Id, series, position, price, account.UsesMargin));
        }

        _ = board;
        return Decision.Accept(new BoardSettled(now, c.Expiry, price, payouts), SettlementBreaker(state, now), activation);
    }

    /// <summary>
    /// Payoff of one position at settlement price S. Longs are paid by the vault in the payment asset (linear:
    /// q·max(±(S − K), 0) quote; inverse: that divided by S, base), rounded down. Shorts pay from their collateral
    /// (calls in base: |q|·max(S − K, 0)/S; puts in quote: |q|·max(K − S, 0)), rounded up.
    /// </summary>
    private static SettlementPayout Payout(Markets.MarketDefinition market, AccountId account, SeriesId series, decimal position, decimal price, bool margined)
    {
        decimal intrinsic = series.Type == OptionType.Call ? Math.Max(price - series.Strike, 0m) : Math.Max(series.Strike - price, 0m);
        if (position > 0)
        {
            var asset = market.PaymentAsset;
            decimal owed = asset == Asset.Quote ? position * intrinsic : position * intrinsic / price;
            return new SettlementPayout(account, series, position, asset, Money.RoundInVaultFavour(owed, MoneyFlow.FromVault, market.DecimalsOf(asset)));
        }

        // A margin-mode account (linear markets only) holds its margin in quote, so its shorts settle in quote.
        var collateral = margined ? Asset.Quote : CollateralRequirement.AssetFor(series.Type);
        decimal due = collateral == Asset.Quote ? -position * intrinsic : -position * intrinsic / price;
        return new SettlementPayout(account, series, position, collateral, -Money.RoundInVaultFavour(due, MoneyFlow.ToVault, market.DecimalsOf(collateral)));
    }

    private static Decision DecideDeposit(VaultState state, DepositCollateral c, long now, Event? activation)
    {
        if (c.By.Role != Role.Trader) return Unauthorized(c.By, "deposit collateral");
        if (CheckAmount(state, c.Asset, c.Amount) is { } bad) return bad;
        return Decision.Accept(new CollateralDeposited(now, c.By.Account, c.Asset, c.Amount), activation);
    }

    private static Decision DecideWithdraw(VaultState state, WithdrawCollateral c, long now, Event? activation)
    {
        if (c.By.Role != Role.Trader) return Unauthorized(c.By, "withdraw collateral");
        if (state.IsInAuction(c.By.Account)) return Decision.Reject(RejectionReason.AuctionInProgress, $"{c.By.Account} is being auctioned and may not withdraw");
        if (CheckAmount(state, c.Asset, c.Amount) is { } bad) return bad;
        decimal free = state.AccountOrNull(c.By.Account)?.Free(c.Asset) ?? 0m;
        if (free < c.Amount) return Decision.Reject(RejectionReason.InsufficientFunds, $"{c.By.Account} has {free} free {c.Asset}, less than {c.Amount}");
        // An account with positions, or with a quote debt left by a liquidation, must keep IM ≥ 0.
        if (state.AccountOrNull(c.By.Account) is { UsesMargin: true } account && (account.Positions.Count > 0 || account.Free(Asset.Quote) < 0m))
        {
            decimal quote = account.Free(Asset.Quote) - (c.Asset == Asset.Quote ? c.Amount : 0m);
            decimal baseUnits = account.Free(Asset.Base) - (c.Asset == Asset.Base ? c.Amount : 0m);
            var view = AccountMargin.TryView(state, account.MarginMode, quote, baseUnits, AccountMargin.SortedPositions(account), now, out var rejection);
            if (view is null) return Decision.Reject(rejection!);
            decimal im = AccountMargin.CalculatorAt(state, now).Compute(view, AccountMargin.MarketOf(state)).InitialMargin;
            if (im < 0m) return Decision.Reject(RejectionReason.InsufficientMargin, $"{c.By.Account}'s initial margin after withdrawing {c.Amount} {c.Asset} would be {im}");
        }

        return Decision.Accept(new CollateralWithdrawn(now, c.By.Account, c.Asset, c.Amount), activation);
    }

    private static Decision DecideCapital(VaultState state, DepositCapital c, long now, Event? activation)
    {
        if (c.By.Role != Role.Admin) return Unauthorized(c.By, "deposit capital");
        if (string.IsNullOrEmpty(c.Provider.Value)) return Decision.Reject(RejectionReason.InvalidInput, "provider is empty");
        if (CheckAmount(state, c.Asset, c.Amount) is { } bad) return bad;
        return Decision.Accept(new CapitalDeposited(now, c.Provider, c.Asset, c.Amount), activation);
    }

    private static Decision DecideImport(VaultState state, ImportPosition c, long now, Event? activation)
    {
        if (c.By.Role != Role.Admin) return Unauthorized(c.By, "import positions");
        if (string.IsNullOrEmpty(c.Account.Value)) return Decision.Reject(RejectionReason.InvalidInput, "account is empty");
        if (c.Size == 0m || !Money.FitsDecimals(c.Size, Quoter.SizeDecimals) || Math.Abs(c.Size) > (decimal)Quoter.MaxSize)
            return Decision.Reject(RejectionReason.InvalidSize, $"size {c.Size} must be non-zero with at most {Quoter.SizeDecimals} decimals");
        if (!state.TryGetStrike(c.Series, out var strike) || !Enum.IsDefined(c.Series.Type)) return Decision.Reject(UnknownSeries(state, c.Series));
        if (now >= strike.Board.Expiry) return Decision.Reject(RejectionReason.SeriesExpired, $"series expired at {strike.Board.Expiry}");
        var account = state.AccountOrNull(c.Account);
        decimal before = account?.PositionIn(c.Series) ?? 0m;
        var asset = CollateralRequirement.AssetFor(c.Series.Type);
        decimal lockChange = account?.UsesMargin == true ? 0m : CollateralRequirement.For(c.Series, before + c.Size) - CollateralRequirement.For(c.Series, before);
        decimal free = account?.Free(asset) ?? 0m;
        if (free < lockChange) return Decision.Reject(RejectionReason.InsufficientFunds, $"{c.Account} has {free} free {asset}, needs {lockChange} as collateral");
        return Decision.Accept(new PositionImported(now, c.Account, c.Series, c.Size), activation);
    }

    private static Decision DecideMarginMode(VaultState state, SetMarginMode c, long now, Event? activation)
    {
        if (c.By.Role != Role.Trader) return Unauthorized(c.By, "set a margin mode");
        if (!Enum.IsDefined(c.Mode)) return Decision.Reject(RejectionReason.InvalidInput, $"unknown margin mode {c.Mode}");
        // Margin balances are quote money; an inverse market pays and settles in base.
        if (c.Mode != AccountMarginMode.FullCollateral && state.Market!.PaymentAsset != Asset.Quote)
            return Decision.Reject(RejectionReason.InvalidInput, "margin modes need a linear (quote-settled) market");
        if (state.AccountOrNull(c.By.Account) is { Positions.Count: > 0 } account)
            return Decision.Reject(RejectionReason.PositionsOpen, $"{account.Id} holds {account.Positions.Count} positions; close them before changing the margin mode");
        return Decision.Accept(new MarginModeSet(now, c.By.Account, c.Mode), activation);
    }

    /// <summary>
    /// Issue 7's trade gate, inside the same decision as the trade: a trade that adds risk needs IM ≥ 0 after it; a
    /// risk-reducing one (<see cref="TradeRiskCheck"/>) always passes. Both sides are marked at the pre-trade Greek cache.
    /// </summary>
    private static Rejection? CheckTradeMargin(VaultState state, AccountState account, in SeriesId series, decimal positionAfter,
        decimal freeQuoteAfter, decimal freeBaseAfter, long now)
    {
        var rowsBefore = AccountMargin.SortedPositions(account);
        var before = AccountMargin.TryView(state, account.MarginMode, account.Free(Asset.Quote), account.Free(Asset.Base), rowsBefore, now, out var rejection);
        if (before is null) return rejection;
        var rowsAfter = new List<(SeriesId Series, decimal Position)>(rowsBefore.Count + 1);
        bool found = false;
        foreach (var row in rowsBefore)
        {
            if (row.Series != series) { rowsAfter.Add(row); continue; }
            found = true;
            if (positionAfter != 0m) rowsAfter.Add((series, positionAfter));
        }

        if (!found && positionAfter != 0m) rowsAfter.Add((series, positionAfter));
        var after = AccountMargin.TryView(state, account.MarginMode, freeQuoteAfter, freeBaseAfter, rowsAfter, now, out rejection);
        if (after is null) return rejection;
        var decision = TradeRiskCheck.Evaluate(before, after, AccountMargin.MarketOf(state), AccountMargin.CalculatorAt(state, now));
        return decision.Rejection == TradeRiskRejection.None ? null
            : new Rejection(RejectionReason.InsufficientMargin, $"{account.Id}'s initial margin after the trade would be {decision.InitialMarginAfter} and the trade adds risk");
    }

    private static Decision DecideInsuranceDeposit(VaultState state, DepositInsuranceFund c, long now, Event? activation)
    {
        if (c.By.Role != Role.Admin) return Unauthorized(c.By, "fund the insurance fund");
        if (CheckAmount(state, Asset.Quote, c.Amount) is { } bad) return bad;
        return Decision.Accept(new InsuranceFundDeposited(now, c.Amount), activation);
    }

    private static Decision? CheckAmount(VaultState state, Asset asset, decimal amount)
    {
        if (!Enum.IsDefined(asset)) return Decision.Reject(RejectionReason.InvalidInput, $"unknown asset {asset}");
        int decimals = state.Market!.DecimalsOf(asset);
        if (amount <= 0m || amount > 1_000_000_000_000m || !Money.FitsDecimals(amount, decimals))
            return Decision.Reject(RejectionReason.InvalidInput, $"amount {amount} must be in (0, 1e12] with at most {decimals} decimals");
        return null;
    }
}
