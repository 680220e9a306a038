using Ballast.Engine.Accounting;
using Ballast.Engine.Events;
using Ballast.Engine.Greeks;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Volatility;
using Ballast.Pricing;

namespace Ballast.Engine.State;

/// <summary>
/// Everything the vault knows: market, parameters, boards and strikes with the Greek cache, oracle readings,
/// the vault's capital and accrued fees, traders' money and positions. Read it freely; change it only through
/// <see cref="Apply(Event)"/> with events from <see cref="Vault.Decide"/>. Not thread-safe: one writer (the host).
/// </summary>
public sealed partial class VaultState
{
    private readonly Dictionary<long, BoardState> _boards = [];
    private readonly Dictionary<StrikeKey, StrikeState> _strikes = [];
    private readonly Dictionary<AccountId, AccountState> _accounts = [];
    private readonly List<PendingParameterChange> _pending = [];
    private readonly List<(long Expiry, decimal Price)> _settled = [];
    private readonly decimal[] _capital = new decimal[2];
    private readonly decimal[] _fees = new decimal[2];
    private readonly double[] _holdingsValue = new double[2];
    private long _scheduleSequence;

    /// <summary>Number of events applied; a quote carries it so a trade can tell the state moved.</summary>
    public long Version { get; private set; }

    /// <summary>The market, or null before <see cref="VaultOpened"/>.</summary>
    public MarketDefinition? Market { get; private set; }

    /// <summary>Parameters in force (scheduled changes excluded until activated).</summary>
    public VaultParameters Parameters { get; private set; } = VaultParameters.Default;

    /// <summary>Scheduled parameter changes, in schedule order.</summary>
    public IReadOnlyList<PendingParameterChange> PendingParameterChanges => _pending;

    /// <summary>Listed boards by expiry.</summary>
    public IReadOnlyDictionary<long, BoardState> Boards => _boards;

    /// <summary>Listed strikes by (expiry, strike).</summary>
    public IReadOnlyDictionary<StrikeKey, StrikeState> Strikes => _strikes;

    /// <summary>Trader accounts by id.</summary>
    public IReadOnlyDictionary<AccountId, AccountState> Accounts => _accounts;

    /// <summary>Settled boards: expiry and settlement price, in settlement order.</summary>
    public IReadOnlyList<(long Expiry, decimal Price)> SettledBoards => _settled;

    /// <summary>True once a spot price has been recorded.</summary>
    public bool HasSpot { get; private set; }

    /// <summary>Last oracle spot, quote units (0 before the first).</summary>
    public double Spot { get; private set; }

    /// <summary>When the oracle observed <see cref="Spot"/>, Unix seconds.</summary>
    public long SpotObservedAt { get; private set; }

    /// <summary>Oracle confidence of <see cref="Spot"/>, [0, 1].</summary>
    public double SpotConfidence { get; private set; }

    /// <summary>Reference feed's price given with the last spot, if any.</summary>
    public double? ReferencePrice { get; private set; }

    /// <summary>Time of the last applied event, Unix seconds.</summary>
    public long LastEventTime { get; private set; }

    /// <summary>Global net exposure of the vault (sum of boards), the top of the Greek cache.</summary>
    public GreekExposure Exposure { get; private set; }

    /// <summary>
    /// The vault's option book valued at GWAV vols as the Greek cache holds it, quote (positive = the vault is owed): the
    /// sum over boards (expiry order) of <see cref="BoardState.CachedGwavBookValue"/>, each strike's term as of that
    /// strike's last update (trade, liquidation, import, listing) or its board's last full refresh (spot, vol, parameter
    /// activation), whichever was later. Moved by the difference on a strike update (O(1)), recomputed on a refresh —
    /// Lyra v1 Avalon OptionGreekCache <c>globalCache.netGreeks.netOptionValue</c>. Derived from events in
    /// <see cref="Apply(Event)"/> only, so reading it never changes what a later <see cref="Vault.Decide"/> computes.
    /// <see cref="BookValueAtGwav"/> is the exact value now (every strike repriced).
    /// </summary>
    public double CachedGwavBookValue { get; private set; }

    /// <summary>Σ K·|q| over series where the vault is short puts (quote it may have to pay).</summary>
    public decimal VaultShortPutNotional
    {
        get => _shortPutNotional;
        private set { _shortPutNotional = value; _shortPutNotionalValue = (double)value; }
    }

    /// <summary>Σ |q| over series where the vault is short calls (options it may have to pay max(S − K, 0) on).</summary>
    public decimal VaultShortCallContracts
    {
        get => _shortCallContracts;
        private set { _shortCallContracts = value; _shortCallContractsValue = (double)value; }
    }

    private decimal _shortPutNotional, _shortCallContracts;
    private double _shortPutNotionalValue, _shortCallContractsValue;

    /// <summary>Capital plus accrued fees of one asset as a model number (kept in step with the decimals for the hot path).</summary>
    public double HoldingsValue(Asset asset) => _holdingsValue[(int)asset];

    /// <summary>The vault's own money (LP capital plus trading results), per asset. Can go negative only at an insolvent settlement.</summary>
    public decimal Capital(Asset asset) => _capital[(int)asset];

    /// <summary>Insurance (security) fund, quote: fed by its share of liquidation penalties and Admin deposits, it covers
    /// insolvent margin accounts before any loss is socialised to the LPs.</summary>
    public decimal InsuranceFund { get; private set; }

    /// <summary>Fees accrued to the vault, per asset (kept apart from capital for reporting; both belong to the vault).</summary>
    public decimal AccruedFees(Asset asset) => _fees[(int)asset];

    /// <summary>
    /// Free liquidity in quote units: capital and fees valued at spot minus what the vault's short options can
    /// cost at most (puts: strike; calls: one base unit each, valued at spot). Trades that would take it below zero
    /// are rejected unless they reduce the vault's short exposure.
    /// </summary>
    /// <remarks>A risk check in model numbers (double), not a money movement: it never decides who owns what.</remarks>
    public double FreeLiquidity => FreeLiquidityAfter(0, 0, 0, 0);

    internal double FreeLiquidityAfter(double quoteChange, double baseChange, double shortPutNotionalChange, double shortCallChange) =>
        _holdingsValue[0] + quoteChange - _shortPutNotionalValue - shortPutNotionalChange
        + (_holdingsValue[1] + baseChange - _shortCallContractsValue - shortCallChange) * Spot;

    /// <summary>The listed strike of a series, if listed.</summary>
    public bool TryGetStrike(in SeriesId series, out StrikeState strike) => _strikes.TryGetValue(series.StrikeKey, out strike!);

    /// <summary>Finds a listed series by readable name (e.g. <c>ETH-20260626-3000-C</c>).</summary>
    public bool TryResolveSeries(string name, out SeriesId series)
    {
        series = default;
        if (Market is null || !SeriesId.TryParseName(name, out string underlying, out DateOnly date, out decimal strike, out OptionType type)) return false;
        if (!string.Equals(underlying, Market.Underlying, StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var board in _boards.Values)
        {
            if (DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(board.Expiry).UtcDateTime) != date) continue;
            if (!_strikes.ContainsKey(new StrikeKey(board.Expiry, strike))) continue;
            series = new SeriesId(board.Expiry, strike, type);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Parameters in force at <paramref name="now"/>: <see cref="Parameters"/> plus scheduled changes that are due.
    /// <paramref name="activationDue"/> tells Decide to emit <see cref="ParametersActivated"/>.
    /// </summary>
    public VaultParameters ParametersAt(long now, out bool activationDue)
    {
        activationDue = false;
        if (_pending.Count == 0) return Parameters;
        var p = Parameters;
        foreach (var change in _pending)
        {
            if (change.EffectiveAt > now) continue;
            activationDue = true;
            // Validated when scheduled; a later change to a related bound can make it invalid now: it is then skipped.
            if (p.TryWith(change.Name, change.Value, out var updated, out _)) p = updated;
        }

        return p;
    }

    /// <summary>True when a board's Greek cache is too old or spot moved too far since its refresh (Lyra: staleUpdateDuration, acceptableSpotPricePercentMove).</summary>
    public bool IsBoardCacheStale(BoardState board, long now, VaultParameters p)
    {
        if (!HasSpot || board.RefreshSpot <= 0) return true;
        if (now - board.RefreshedAt > p.StaleUpdateDuration) return true;
        return Math.Abs(Spot / board.RefreshSpot - 1.0) > p.AcceptableSpotPricePercentMove;
    }

    /// <summary>True when any board's cache is stale (blocks LP queue processing).</summary>
    public bool IsGlobalCacheStale(long now, VaultParameters p)
    {
        foreach (var b in _boards.Values)
        {
            if (IsBoardCacheStale(b, now, p)) return true;
        }

        return false;
    }

    /// <summary>The account, or null when it never held money or positions.</summary>
    public AccountState? AccountOrNull(AccountId id) => _accounts.GetValueOrDefault(id);

    /// <summary>Canonical SHA-256 of the whole state (hex); equal for states reached by the same events.</summary>
    public string StateHash() => StateHasher.Hash(this);

    /// <summary>Applies every event of an accepted decision, in order.</summary>
    public void Apply(in Decision decision)
    {
        for (int i = 0; i < decision.EventCount; i++) Apply(decision[i]);
    }

    /// <summary>Applies one event. The only way state changes; throws only on a bug (an event Decide would not emit).</summary>
    public void Apply(Event e)
    {
        switch (e)
        {
            case TradeExecuted t: ApplyTrade(t); break;
            case SpotUpdated s: ApplySpot(s); break;
            case VolUpdated v: ApplyVol(v); break;
            case VaultOpened o:
                Market = o.Market;
                Parameters = o.Parameters;
                break;
            case BoardListed b:
                _boards.Add(b.Expiry, new BoardState(b.Expiry, b.BaseIv, b.Time) { RefreshSpot = HasSpot ? Spot : 0.0 });
                break;
            case StrikeListed s:
            {
                var board = _boards[s.Expiry];
                var strike = new StrikeState(board, s.Strike, s.Skew);
                ObserveSkew(strike, s.Time);
                strike.Recompute(HasSpot, Spot, Parameters, s.Time, board.GwavBaseIvAt((long)Parameters.OptionValueIvGwavPeriod, s.Time));
                board.Insert(strike);
                _strikes.Add(new StrikeKey(s.Expiry, s.Strike), strike);
                break;
            }
            case BoardDelisted d:
            {
                var board = _boards[d.Expiry];
                foreach (var s in board.Strikes) _strikes.Remove(new StrikeKey(d.Expiry, s.Strike));
                _boards.Remove(d.Expiry);
                RecomputeGlobal();
                break;
            }
            case StrikeDelisted d:
            {
                var strike = _strikes[new StrikeKey(d.Expiry, d.Strike)];
                strike.Board.Remove(strike);
                _strikes.Remove(new StrikeKey(d.Expiry, d.Strike));
                strike.Board.Exposure -= strike.Exposure;
                strike.Board.CachedGwavBookValue -= strike.CachedGwavValue;
                RecomputeGlobal();
                break;
            }
            case ParameterChangeScheduled c:
                _pending.Add(new PendingParameterChange(c.Name, c.Value, c.EffectiveAt, _scheduleSequence++));
                break;
            case ParametersActivated a: ApplyActivation(a); GovernPool(); break;
            case CollateralDeposited d: GetOrAddAccount(d.Account).AddFree(d.Asset, d.Amount); break;
            case CollateralWithdrawn w: _accounts[w.Account].AddFree(w.Asset, -w.Amount); break;
            case CapitalDeposited c: _capital[(int)c.Asset] += c.Amount; break;
            case PositionImported p: ApplyImport(p); break;
            case BoardSettled s: ApplySettlement(s); break;
            case MarginModeSet m: GetOrAddAccount(m.Account).MarginMode = m.Mode; break;
            case InsuranceFundDeposited f: InsuranceFund += f.Amount; break;
            case AccountLiquidated l: ApplyLiquidation(l); break;
            case InsolvencyCovered or LiquidationAuctionStarted or AuctionBidFilled or LiquidationAuctionEnded: ApplyMarginEvent(e); break;
            case Pool.Events.PoolEvent pe: ApplyPool(pe); break;
            case HedgeFillBooked or HedgeFundingBooked or HedgeHealthReported: ApplyHedge(e); break;
            default: throw new InvalidOperationException($"unknown event {e.GetType().Name}");
        }

        // Keep the model-number shadows of capital + fees in step (converted per money event, never per quote).
        if (e is TradeExecuted or CapitalDeposited or BoardSettled or AccountLiquidated or InsolvencyCovered or AuctionBidFilled)
        {
            _holdingsValue[0] = (double)(_capital[0] + _fees[0]);
            _holdingsValue[1] = (double)(_capital[1] + _fees[1]);
        }
        LastEventTime = e.Time;
        Version++;
    }

    private AccountState GetOrAddAccount(AccountId id)
    {
        if (!_accounts.TryGetValue(id, out var account))
        {
            account = new AccountState(id);
            _accounts.Add(id, account);
        }

        return account;
    }

    /// <summary>Lyra OptionGreekCache: skews are clamped to [gwavSkewFloor, gwavSkewCap] before entering the skew GWAV.</summary>
    private void ObserveSkew(StrikeState strike, long time) =>
        strike.SkewGwav.Observe(VolDynamics.SkewForGwav(strike.Skew, Parameters), time);

    private void ApplyTrade(TradeExecuted t)
    {
        var account = GetOrAddAccount(t.Account);
        var strike = _strikes[t.Series.StrikeKey];
        decimal signed = t.Direction == TradeDirection.Buy ? t.Size : -t.Size;
        ChangePosition(account, strike, t.Series, signed);

        var pay = Market!.PaymentAsset;
        if (t.Direction == TradeDirection.Buy)
        {
            account.AddFree(pay, -t.Payment);
            _capital[(int)pay] += t.Payment - t.Fees;
        }
        else
        {
            account.AddFree(pay, t.Payment);
            _capital[(int)pay] -= t.Payment + t.Fees;
        }

        _fees[(int)pay] += t.Fees;

        var board = strike.Board;
        if (board.BaseIv != t.NewBaseIv)
        {
            board.BaseIv = t.NewBaseIv;
            board.BaseIvGwav.Observe(t.NewBaseIv, t.Time);
        }

        if (strike.Skew != t.NewSkew)
        {
            strike.Skew = t.NewSkew;
            ObserveSkew(strike, t.Time);
        }

        UpdateStrikeCache(strike, t.Time);
    }

    private void ApplyLiquidation(AccountLiquidated l)
    {
        var account = _accounts[l.Account];
        foreach (var change in l.Closed)
        {
            var strike = _strikes[change.Series.StrikeKey];
            ChangePosition(account, strike, change.Series, change.TraderChange);
            UpdateStrikeCache(strike, l.Time);
        }

        account.AddFree(Asset.Quote, l.CloseCash - l.Penalty);
        _capital[(int)Asset.Quote] += l.PenaltyToLps - l.CloseCash;
        GetOrAddAccount(l.Liquidator).AddFree(Asset.Quote, l.PenaltyToLiquidator);
        InsuranceFund += l.PenaltyToInsuranceFund;
    }

    private void ApplyImport(PositionImported p)
    {
        var account = GetOrAddAccount(p.Account);
        var strike = _strikes[p.Series.StrikeKey];
        ChangePosition(account, strike, p.Series, p.Size);
        UpdateStrikeCache(strike, p.Time);
    }

    /// <summary>Moves a trader's position by <paramref name="traderChange"/>, the vault's by its negative, with collateral and reserves.</summary>
    private void ChangePosition(AccountState account, StrikeState strike, in SeriesId series, decimal traderChange)
    {
        decimal before = account.AddToPosition(series, traderChange);
        decimal after = before + traderChange;
        var collateralAsset = CollateralRequirement.AssetFor(series.Type);
        // Margin-mode accounts lock nothing: the margin check in Decide secures their shorts instead.
        decimal lockChange = account.UsesMargin ? 0m : CollateralRequirement.For(series, after) - CollateralRequirement.For(series, before);
        if (lockChange != 0m)
        {
            account.AddLocked(collateralAsset, lockChange);
            account.AddFree(collateralAsset, -lockChange);
        }

        decimal vaultBefore = strike.VaultPosition(series.Type);
        decimal vaultAfter = vaultBefore - traderChange;
        if (series.Type == OptionType.Call)
        {
            strike.VaultCallPosition = vaultAfter;
            VaultShortCallContracts += Math.Max(-vaultAfter, 0m) - Math.Max(-vaultBefore, 0m);
        }
        else
        {
            strike.VaultPutPosition = vaultAfter;
            VaultShortPutNotional += (Math.Max(-vaultAfter, 0m) - Math.Max(-vaultBefore, 0m)) * series.Strike;
        }
    }

    /// <summary>
    /// O(1) cache update (Lyra v1 Avalon OptionGreekCache <c>_updateStrikeExposureAndGetPrice</c>): swap the strike's old
    /// exposure and GWAV value for its new ones, at the event's time; the board's and global sums move by the difference.
    /// </summary>
    private void UpdateStrikeCache(StrikeState strike, long time)
    {
        var old = strike.Exposure;
        double oldGwavValue = strike.CachedGwavValue;
        var board = strike.Board;
        strike.Recompute(HasSpot, Spot, Parameters, time, board.GwavBaseIvAt((long)Parameters.OptionValueIvGwavPeriod, time));
        var change = strike.Exposure - old;
        board.Exposure += change;
        Exposure += change;
        double gwavChange = strike.CachedGwavValue - oldGwavValue;
        board.CachedGwavBookValue += gwavChange;
        CachedGwavBookValue += gwavChange;
    }

    private void ApplySpot(SpotUpdated s)
    {
        HasSpot = true;
        Spot = s.Spot;
        SpotObservedAt = s.ObservedAt;
        SpotConfidence = s.Confidence;
        ReferencePrice = s.ReferencePrice;
        RefreshAll(s.Time);
    }

    private void ApplyVol(VolUpdated v)
    {
        var board = _boards[v.Expiry];
        board.BaseIv = v.BaseIv;
        board.BaseIvGwav.Observe(v.BaseIv, v.Time);
        foreach (var skew in v.Skews)
        {
            var strike = _strikes[new StrikeKey(v.Expiry, skew.Strike)];
            strike.Skew = skew.Skew;
            ObserveSkew(strike, v.Time);
        }

        board.VolObservedAt = v.ObservedAt;
        board.VolConfidence = v.Confidence;
        board.Refresh(HasSpot, Spot, Parameters, v.Time);
        RecomputeGlobal();
    }

    private void ApplyActivation(ParametersActivated a)
    {
        var p = Parameters;
        for (int i = 0; i < _pending.Count;)
        {
            var change = _pending[i];
            if (change.EffectiveAt > a.Time) { i++; continue; }
            if (p.TryWith(change.Name, change.Value, out var updated, out _)) p = updated;
            _pending.RemoveAt(i);
        }

        Parameters = p;
        // The risk-free rate or the GWAV periods may have changed: every Greek and GWAV value depends on them.
        RefreshAll(a.Time);
    }

    private void ApplySettlement(BoardSettled s)
    {
        var board = _boards[s.Expiry];
        foreach (var payout in s.Payouts)
        {
            var account = _accounts[payout.Account];
            var strike = _strikes[payout.Series.StrikeKey];
            ChangePosition(account, strike, payout.Series, -payout.Position);
            account.AddFree(payout.Asset, payout.ToTrader);
            _capital[(int)payout.Asset] -= payout.ToTrader;
        }

        foreach (var strike in board.Strikes)
        {
            if (!strike.IsFlat) throw new InvalidOperationException("settlement left a position open");
            _strikes.Remove(new StrikeKey(s.Expiry, strike.Strike));
        }

        _boards.Remove(s.Expiry);
        _settled.Add((s.Expiry, s.SettlementPrice));
        RecomputeGlobal();
    }

    private void RefreshAll(long time)
    {
        foreach (var board in _boards.Values) board.Refresh(HasSpot, Spot, Parameters, time);
        RecomputeGlobal();
    }

    private void RecomputeGlobal()
    {
        var sum = GreekExposure.Zero;
        double gwavBook = 0.0;
        // Sum in expiry order so the floating-point result does not depend on dictionary order.
        foreach (var board in BoardsByExpiry())
        {
            sum += board.Exposure;
            gwavBook += board.CachedGwavBookValue;
        }

        Exposure = sum;
        CachedGwavBookValue = gwavBook;
    }

    /// <summary>Boards sorted by expiry (allocates; not for the hot path).</summary>
    public List<BoardState> BoardsByExpiry()
    {
        var list = new List<BoardState>(_boards.Values);
        list.Sort(static (a, b) => a.Expiry.CompareTo(b.Expiry));
        return list;
    }
}
