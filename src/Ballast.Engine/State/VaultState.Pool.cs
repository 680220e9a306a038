using Ballast.Engine.Greeks;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;

namespace Ballast.Engine.State;

/// <summary>The liquidity pool's part of the vault state: the tranche pool, its NAV at GWAV vols, liquidity and breaker inputs.</summary>
public sealed partial class VaultState
{
    /// <summary>The liquidity pool (tranches, LP shares, queues, breakers), or null before <see cref="PoolOpened"/>.</summary>
    public TranchePool? Pool { get; private set; }

    /// <summary>
    /// Value of the vault's option book (quote, positive = the vault is owed) at GWAV vols: each strike's options priced
    /// at vol = GWAV(base IV over <see cref="VaultParameters.OptionValueIvGwavPeriod"/>) × GWAV(skew over
    /// <see cref="VaultParameters.OptionValueSkewGwavPeriod"/>), spot and time to expiry now. Lyra v1 OptionGreekCache values the
    /// book at GWAV vols the same way so that a single trade, which moves the current vols, cannot move NAV.
    /// </summary>
    /// <remarks>Allocation-free; boards are summed in expiry order and strikes ascending, so the double result depends on
    /// the state only (never on dictionary order). O(open strikes): it reprices every strike at the GWAVs as of
    /// <paramref name="now"/>, which is what LP share pricing wants (<see cref="PoolNav"/>) and too slow for every trade;
    /// quoting reads the Greek cache's <see cref="CachedGwavBookValue"/> instead (<see cref="QuotingNav"/>).</remarks>
    /// <param name="now">Unix seconds.</param>
    /// <param name="p">Parameters in force.</param>
    public double BookValueAtGwav(long now, VaultParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (!HasSpot) return 0.0;
        // Every quote needs it (vega-utilisation fee): remember the last answer for this state version, time and parameters.
        // The memo is one immutable object swapped atomically, so concurrent readers never see a torn value.
        if (_gwavBook is { } memo && memo.Version == Version && memo.Now == now && ReferenceEquals(memo.Parameters, p)) return memo.Value;
        double total = 0.0;
        long last = long.MinValue;
        while (NextBoardAfter(last) is { } board)
        {
            last = board.Expiry;
            double years = GreekCalculator.YearsToExpiry(board.Expiry, now);
            double baseIv = board.GwavBaseIvAt((long)p.OptionValueIvGwavPeriod, now);
            foreach (var strike in board.Strikes)
            {
                if (strike.IsFlat) continue;
                total += strike.ValueAt(Spot, p.RateAndCarry, years, baseIv * strike.GwavSkewAt((long)p.OptionValueSkewGwavPeriod, now));
            }
        }

        _gwavBook = new GwavBookMemo(Version, now, p, total);
        return total;
    }

    private sealed record GwavBookMemo(long Version, long Now, VaultParameters Parameters, double Value);

    private GwavBookMemo? _gwavBook;

    /// <summary>
    /// The pool's NAV (issue 5) for LP share pricing (deposits, withdrawals, queue processing, breakers): quote + base·spot + hedge positions' P&amp;L at spot (issue 6) − negative balances (an insolvent
    /// settlement's debt) − queued LP deposits − the option book's liability at GWAV vols
    /// (<see cref="BookValueAtGwav"/>), by <see cref="NavCalculator"/>. Insolvency is explicit in the result. The
    /// insurance fund is not LP money and stays out. The book's value is rounded to the quote decimals against the LPs
    /// (a liability up, an asset down) so NAV never overstates what the pool can pay.
    /// </summary>
    /// <remarks>
    /// Exact: every open strike repriced at the GWAVs as of <paramref name="now"/> (O(open strikes)), because shares are
    /// money and LP requests are rare. Lyra v1 prices shares from the Greek cache's value instead and refuses to process
    /// LP queues while the cache is stale; Ballast keeps that stale-cache block (<see cref="PoolMarket"/>) and reprices as
    /// well. Quoting uses <see cref="QuotingNav"/>.
    /// </remarks>
    /// <param name="now">Unix seconds.</param>
    /// <param name="p">Parameters in force.</param>
    public NavResult PoolNav(long now, VaultParameters p)
    {
        if (!HasSpot || Market is null) return NavResult.Invalid(NavInputError.NonPositiveSpot, "no spot price yet");
        if (_nav is { } memo && memo.Version == Version && memo.Now == now && ReferenceEquals(memo.Parameters, p)) return memo.Value;
        var nav = ComputePoolNav(BookValueAtGwav(now, p));
        _nav = new NavMemo(Version, now, p, nav);
        return nav;
    }

    private sealed record NavMemo(long Version, long Now, VaultParameters Parameters, NavResult Value);

    private NavMemo? _nav;

    /// <summary>
    /// The pool NAV the vega-utilisation fee reads (Lyra v1 <c>liquidity.NAV</c>), quote, as a model number: the formula
    /// of <see cref="PoolNav"/> — capital and fees in quote + base·spot + hedge P&amp;L at spot + the option book — with
    /// the book at the Greek cache's <see cref="CachedGwavBookValue"/> (each strike at its GWAV vol as of its last update
    /// or refresh, as Lyra's cache) instead of repriced now, floored at 0 (an insolvent pool has no NAV). Queued deposits
    /// and debts cancel out of that sum, so it differs from <see cref="PoolNav"/> at the same book value only by
    /// PoolNav's rounding of the book to the quote decimals. O(1) from the double shadows, so a trade stays O(1) in the
    /// number of listed strikes; a pure function of the state, so a read never changes what a later decision computes.
    /// </summary>
    /// <returns>NAV in quote units (0 before the first spot).</returns>
    public double QuotingNav()
    {
        if (!HasSpot) return 0.0;
        double nav = _holdingsValue[(int)Asset.Quote] + _holdingsValue[(int)Asset.Base] * Spot + HedgeValue(Spot) + CachedGwavBookValue;
        return double.IsFinite(nav) ? Math.Max(nav, 0.0) : 0.0;
    }

    /// <summary>
    /// Quote value reserved for LP withdrawals waiting in the queues (Lyra v1 Newport <c>_getLiquidity</c>: free liquidity is
    /// net of it, so trades cannot spend what queued withdrawals will be paid), at share prices from <see cref="QuotingNav"/>;
    /// 0 without a pool or a queued withdrawal. O(tranches + queued requests), and depends on the state only.
    /// </summary>
    /// <param name="now">Unix seconds (senior target accrual).</param>
    public double QueuedWithdrawalReserve(long now) =>
        Pool is { HasQueuedWithdrawals: true } pool ? (double)pool.ReservedForQueuedWithdrawals((decimal)QuotingNav(), now) : 0.0;

    private NavResult ComputePoolNav(double book)
    {
        if (!double.IsFinite(book) || Math.Abs(book) > 1e24) return NavResult.Invalid(NavInputError.Overflow, $"option book value {book} is not a finite amount");
        decimal quote = _capital[(int)Asset.Quote] + _fees[(int)Asset.Quote];
        decimal baseUnits = _capital[(int)Asset.Base] + _fees[(int)Asset.Base];
        decimal spot = (decimal)Spot;
        decimal queued = Pool?.QueuedDepositTotal ?? 0m;
        decimal liability = decimal.Round(-(decimal)book, Market!.QuoteDecimals, MidpointRounding.ToPositiveInfinity);
        decimal debts = Math.Max(-quote, 0m) + Math.Max(-baseUnits, 0m) * spot;
        decimal hedges = HedgeValue(spot);
        return NavCalculator.Compute(new NavInputs(Math.Max(quote, 0m) + queued, Math.Max(baseUnits, 0m), spot, hedges, debts, queued, liability));
    }

    /// <summary>
    /// The pool's liquidity (Lyra v1 Newport <c>_getLiquidity</c>) by <see cref="LiquidityCalculator"/>: quote held
    /// minus what the vault's short puts lock (strike notional) and its short calls not covered by base it holds
    /// (valued at spot), minus the value of shares queued for withdrawal.
    /// </summary>
    /// <param name="nav">The pool NAV now (<see cref="PoolNav"/>).</param>
    /// <param name="now">Unix seconds.</param>
    public LiquiditySnapshot PoolLiquidity(NavResult nav, long now)
    {
        var pool = Pool;
        var parameters = pool?.Parameters ?? PoolParameters.Default;
        decimal quote = Math.Max(_capital[(int)Asset.Quote] + _fees[(int)Asset.Quote], 0m);
        decimal baseUnits = Math.Max(_capital[(int)Asset.Base] + _fees[(int)Asset.Base], 0m);
        decimal queued = pool?.QueuedDepositTotal ?? 0m;
        decimal reserved = pool is not null && nav.IsValid && !nav.IsInsolvent ? pool.ReservedForQueuedWithdrawals(nav.Nav, now) : 0m;
        decimal uncoveredCalls = Math.Max(VaultShortCallContracts - baseUnits, 0m);
        return LiquidityCalculator.Compute(new LiquidityInputs(quote + queued, 0m, queued, VaultShortPutNotional, uncoveredCalls,
            HasSpot ? (decimal)Spot : 0m, 0m, reserved), parameters);
    }

    /// <summary>
    /// Everything the pool's rules read from the book now: NAV at GWAV vols, liquidity, the largest IV and skew variance
    /// (|current − GWAV| over <see cref="VaultParameters.VarianceIvGwavPeriod"/> and
    /// <see cref="VaultParameters.VarianceSkewGwavPeriod"/>, Lyra OptionGreekCache <c>ivVariance</c>/<c>skewVariance</c>),
    /// whether options are open, whether the Greek cache is fresh (a stale cache blocks queue processing) and whether
    /// boards are live (withdrawal fee).
    /// </summary>
    /// <param name="now">Unix seconds.</param>
    /// <param name="p">Parameters in force.</param>
    public PoolMarket PoolMarketAt(long now, VaultParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var nav = PoolNav(now, p);
        var liquidity = PoolLiquidity(nav, now);
        double maxIv = 0.0, maxSkew = 0.0;
        bool open = false;
        foreach (var board in _boards.Values)
        {
            if (!board.BaseIvGwav.IsEmpty)
                maxIv = Math.Max(maxIv, Math.Abs(board.BaseIv - board.BaseIvGwav.AverageOverLast((long)p.VarianceIvGwavPeriod, now)));
            foreach (var strike in board.Strikes)
            {
                open |= !strike.IsFlat;
                if (!strike.SkewGwav.IsEmpty)
                    maxSkew = Math.Max(maxSkew, Math.Abs(strike.Skew - strike.SkewGwav.AverageOverLast((long)p.VarianceSkewGwavPeriod, now)));
            }
        }

        return new PoolMarket(nav, liquidity, maxIv, maxSkew, open, !IsGlobalCacheStale(now, p), _boards.Count > 0);
    }

    /// <summary>The pool deciding with the governed pool parameters of <paramref name="p"/> (in force at the decision time),
    /// or null before <see cref="PoolOpened"/>.</summary>
    /// <param name="p">Parameters in force.</param>
    public TranchePool? PoolUnder(VaultParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Pool?.Under(p.GovernPool(Pool.Parameters));
    }

    /// <summary>After an activation the pool follows the governed values now in force.</summary>
    private void GovernPool()
    {
        if (Pool is { } pool) pool.Govern(Parameters.GovernPool(pool.Parameters));
    }

    private BoardState? NextBoardAfter(long expiry)
    {
        BoardState? next = null;
        foreach (var b in _boards.Values)
        {
            if (b.Expiry > expiry && (next is null || b.Expiry < next.Expiry)) next = b;
        }

        return next;
    }

    /// <summary>Applies a pool event: the pool changes, and quote moves between the LPs and the vault's capital.</summary>
    private void ApplyPool(PoolEvent e)
    {
        if (e is PoolOpened opened)
        {
            // OpenPool's parameters seed the governed values; SetParameter moves them from then on.
            Pool = TranchePool.Open(opened);
            Parameters = Parameters.SeedPool(opened.Parameters);
            return;
        }

        var pool = Pool ?? throw new InvalidOperationException($"{e.GetType().Name} before PoolOpened");
        if (e is PoolEventBatch batch)
        {
            foreach (var change in batch.Changes) ApplyPool(change);
            return;
        }

        // DepositRequested brings the LP's quote in and RequestCancelled refunds it: both held in the pool's queued total,
        // outside capital and NAV. A processed deposit (queued or instant) joins capital; a withdrawal pays out of it.
        pool.Apply(e);
        switch (e)
        {
            case DepositProcessed d:
                _capital[(int)Asset.Quote] += d.Amount;
                break;
            case WithdrawalProcessed w:
                _capital[(int)Asset.Quote] -= w.Payout;
                break;
            default:
                return;
        }

        _holdingsValue[(int)Asset.Quote] = (double)(_capital[(int)Asset.Quote] + _fees[(int)Asset.Quote]);
    }

    // ---- snapshot section "pool" (see VaultState.Snapshot): the whole TranchePool, or nothing before PoolOpened ----
    // The NAV and GWAV-book memos are not written: they are keyed by state version and rebuilt on first use.

    private void WritePoolSection(StateImageWriter w)
    {
        w.Bool(Pool is not null);
        Pool?.WriteImage(w);
    }

    private void ReadPoolSection(StateImageReader r) => Pool = r.Bool() ? TranchePool.ReadImage(r) : null;
}
