using Ballast.Engine.Markets;
using Ballast.Engine.Pool.Events;

namespace Ballast.Engine.Pool;

/// <summary>
/// The liquidity pool's state machine: tranches and their share supplies, LP share balances, per-tranche FIFO deposit
/// and withdrawal queues, circuit breakers and the marked history. Decide-style methods (<see cref="RequestDeposit"/>,
/// <see cref="ProcessQueues"/>, ...) never change state: they return a <see cref="PoolDecision"/> with events or a typed
/// rejection; <see cref="Apply(PoolEvent)"/> is the only mutator, so the engine can journal the events and replay them.
/// </summary>
/// <remarks>
/// The pool holds no money itself: NAV, liquidity and cache freshness come in as inputs (<see cref="PoolMarket"/>), and the
/// engine moves quote when it applies the events (deposit requested: quote in, held outside NAV; deposit processed: it
/// joins NAV; withdrawal processed: payout out; cancel: refund out). Baselines: Lyra v1 <c>LiquidityPool.sol</c> (queues,
/// delays, withdrawal fee, guardian, circuit breakers, partial withdrawals), Premia v3 <c>UnderwriterVault</c> (instant
/// mode capped by unlocked liquidity), Ribbon v2 (cancelling a pending deposit). Not thread-safe: one writer.
/// </remarks>
public sealed partial class TranchePool
{
    private readonly TrancheState[] _tranches;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<(int Tranche, AccountId Account), decimal> _balances;
    private readonly List<QueuedRequest>[] _deposits;
    private readonly List<QueuedRequest>[] _withdrawals;
    private readonly long[] _breakerUntil;
    private readonly List<PoolMark> _history;

    private TranchePool(TrancheState[] tranches, PoolParameters parameters, long inception)
    {
        _tranches = tranches;
        _index = tranches.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        _balances = [];
        _deposits = tranches.Select(_ => new List<QueuedRequest>()).ToArray();
        _withdrawals = tranches.Select(_ => new List<QueuedRequest>()).ToArray();
        _breakerUntil = CircuitBreakers.All.Select(_ => long.MinValue).ToArray();
        _history = [];
        Parameters = parameters;
        LastEventTime = inception;
        NextRequestId = 1;
    }

    /// <summary>Creates an empty pool.</summary>
    /// <param name="tranches">Tranche list (any order; sorted by priority); see <see cref="TrancheConfig.Validate"/>.</param>
    /// <param name="parameters">Pool parameters; must pass <see cref="PoolParameters.Validate"/>.</param>
    /// <param name="inception">Unix seconds when senior targets start accruing.</param>
    /// <exception cref="ArgumentException">Invalid configuration (a bug in the caller; use <see cref="TryCreate"/> for user input).</exception>
    public static TranchePool Create(IReadOnlyList<TrancheConfig> tranches, PoolParameters parameters, long inception) =>
        TryCreate(tranches, parameters, inception, out var pool, out var error) ? pool! : throw new ArgumentException(error);

    /// <summary>Creates an empty pool, or says why the configuration is invalid.</summary>
    /// <param name="tranches">Tranche list.</param>
    /// <param name="parameters">Pool parameters.</param>
    /// <param name="inception">Unix seconds when senior targets start accruing.</param>
    /// <param name="pool">The pool, or null.</param>
    /// <param name="error">Null on success, otherwise the problem.</param>
    public static bool TryCreate(IReadOnlyList<TrancheConfig> tranches, PoolParameters parameters, long inception, out TranchePool? pool, out string? error)
    {
        pool = null;
        error = parameters is null ? "parameters are required" : parameters.Validate().Message ?? TrancheConfig.Validate(tranches);
        if (error is not null) return false;
        var states = tranches.OrderBy(t => t.Priority).Select((t, i) => new TrancheState(t, i, inception)).ToArray();
        pool = new TranchePool(states, parameters!, inception);
        return true;
    }

    /// <summary>The pool a <see cref="PoolOpened"/> event describes, with its seed shares minted to the seed owner in the most
    /// junior tranche (the NAV present at opening is already in the vault: no money moves).</summary>
    /// <param name="opened">The event; its configuration was validated when it was decided.</param>
    public static TranchePool Open(PoolOpened opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var pool = Create(opened.Tranches, opened.Parameters, opened.Time);
        if (opened.SeedShares > 0)
        {
            var junior = pool._tranches[^1];
            pool.Apply(new DepositProcessed(opened.Time, 0, opened.SeedOwner, junior.Name, opened.SeedNav, junior.Config.InitialSharePrice,
                opened.SeedShares, 0, false));
        }

        return pool;
    }

    /// <summary>Parameters in force (the governed ones follow <c>VaultParameters</c> activations, see <see cref="Govern"/>).</summary>
    public PoolParameters Parameters { get; private set; }

    /// <summary>Replaces the parameters when governance activates new values (the vault state calls it on <c>ParametersActivated</c>).</summary>
    /// <param name="parameters">The pool's parameters with the governed values in force.</param>
    internal void Govern(PoolParameters parameters) => Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));

    /// <summary>This pool, or a copy deciding with <paramref name="parameters"/> when they differ (a decision taken while a
    /// governance change is due but not yet applied).</summary>
    /// <param name="parameters">Parameters in force at the decision time.</param>
    internal TranchePool Under(PoolParameters parameters)
    {
        if (parameters == Parameters) return this;
        var copy = Clone();
        copy.Parameters = parameters;
        return copy;
    }

    /// <summary>Tranches in seniority order (most senior first).</summary>
    public IReadOnlyList<TrancheState> Tranches => _tranches;

    /// <summary>Time of the last applied event (or inception), Unix seconds.</summary>
    public long LastEventTime { get; private set; }

    /// <summary>Number of events applied.</summary>
    public long Version { get; private set; }

    /// <summary>Id the next request will get.</summary>
    public long NextRequestId { get; private set; }

    /// <summary>Quote waiting in all deposit queues (outside NAV; the engine passes it as <see cref="NavInputs.QueuedDeposits"/>).</summary>
    public decimal QueuedDepositTotal { get; private set; }

    /// <summary>Marks recorded by <see cref="Mark"/>, oldest first.</summary>
    public IReadOnlyList<PoolMark> History => _history;

    /// <summary>Shares <paramref name="account"/> holds in <paramref name="tranche"/>, excluding shares queued for withdrawal.</summary>
    /// <param name="account">LP account.</param>
    /// <param name="tranche">Tranche name.</param>
    public decimal SharesOf(AccountId account, string tranche) =>
        _index.TryGetValue(tranche, out int i) && _balances.TryGetValue((i, account), out var s) ? s : 0;

    /// <summary>All non-zero LP balances: (tranche, account, shares), sorted by tranche seniority then account.</summary>
    public IEnumerable<(string Tranche, AccountId Account, decimal Shares)> Balances =>
        _balances.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key.Tranche).ThenBy(kv => kv.Key.Account.Value, StringComparer.Ordinal)
            .Select(kv => (_tranches[kv.Key.Tranche].Name, kv.Key.Account, kv.Value));

    /// <summary>The tranche's deposit queue, head first.</summary>
    /// <param name="tranche">Tranche name.</param>
    public IReadOnlyList<QueuedRequest> DepositQueue(string tranche) => _index.TryGetValue(tranche, out int i) ? _deposits[i] : [];

    /// <summary>The tranche's withdrawal queue, head first.</summary>
    /// <param name="tranche">Tranche name.</param>
    public IReadOnlyList<QueuedRequest> WithdrawalQueue(string tranche) => _index.TryGetValue(tranche, out int i) ? _withdrawals[i] : [];

    /// <summary>Time until which <paramref name="kind"/> is active (Unix seconds; <see cref="long.MinValue"/> if it never fired).</summary>
    /// <param name="kind">The breaker.</param>
    public long CircuitBreakerActiveUntil(CircuitBreakerKind kind) => _breakerUntil[(int)kind];

    /// <summary>The breakers active at <paramref name="now"/> (active while now ≤ their until-time, as Lyra's <c>CBTimestamp</c>).</summary>
    /// <param name="now">Unix seconds.</param>
    public IReadOnlyList<CircuitBreakerKind> ActiveCircuitBreakers(long now) => CircuitBreakers.All.Where(k => _breakerUntil[(int)k] >= now).ToArray();

    /// <summary>True when any breaker is active at <paramref name="now"/>: queues pause.</summary>
    /// <param name="now">Unix seconds.</param>
    public bool IsCircuitBreakerActive(long now) => _breakerUntil.Any(u => u >= now);

    /// <summary>True when trading must stop: a breaker is active and <see cref="PoolParameters.HaltTradingWhileBreakerActive"/> is set.</summary>
    /// <param name="now">Unix seconds.</param>
    public bool IsTradingHalted(long now) => Parameters.HaltTradingWhileBreakerActive && IsCircuitBreakerActive(now);

    /// <summary>Splits <paramref name="nav"/> between the tranches by the waterfall (<see cref="TrancheWaterfall"/>).</summary>
    /// <param name="nav">NAV in quote, ≥ 0.</param>
    /// <param name="now">Unix seconds (senior targets accrue to here).</param>
    /// <returns>One claim per tranche in seniority order; their sum is <paramref name="nav"/> when any tranche has shares.</returns>
    public TrancheClaim[] Claims(decimal nav, long now)
    {
        int n = _tranches.Length;
        Span<decimal> shares = stackalloc decimal[n];
        Span<decimal> targets = stackalloc decimal[n];
        Span<decimal> claims = stackalloc decimal[n];
        for (int i = 0; i < n; i++)
        {
            shares[i] = _tranches[i].Shares;
            targets[i] = _tranches[i].TargetClaim(now);
        }

        TrancheWaterfall.Allocate(nav, shares, targets, claims);
        var result = new TrancheClaim[n];
        for (int i = 0; i < n; i++)
        {
            var t = _tranches[i];
            result[i] = new TrancheClaim(t.Name, t.Shares, targets[i], claims[i], TrancheWaterfall.SharePrice(claims[i], t.Shares, t.TargetSharePrice(now)));
        }

        return result;
    }

    /// <summary>Share price of <paramref name="tranche"/> at a NAV (quote per share); 0 for an unknown tranche.</summary>
    /// <param name="tranche">Tranche name.</param>
    /// <param name="nav">NAV in quote, ≥ 0.</param>
    /// <param name="now">Unix seconds.</param>
    public decimal SharePrice(string tranche, decimal nav, long now) => _index.TryGetValue(tranche, out int i) ? Claims(nav, now)[i].SharePrice : 0;

    /// <summary>True while any LP withdrawal waits in a queue (then <see cref="ReservedForQueuedWithdrawals"/> is worth computing).</summary>
    public bool HasQueuedWithdrawals
    {
        get
        {
            foreach (var queue in _withdrawals)
            {
                if (queue.Count > 0) return true;
            }

            return false;
        }
    }

    /// <summary>Value of all shares queued for withdrawal at today's prices (quote): Lyra reserves it from free liquidity.</summary>
    /// <param name="nav">NAV in quote, ≥ 0.</param>
    /// <param name="now">Unix seconds.</param>
    public decimal ReservedForQueuedWithdrawals(decimal nav, long now)
    {
        var claims = Claims(nav, now);
        decimal total = 0;
        for (int i = 0; i < _tranches.Length; i++)
        {
            foreach (var r in _withdrawals[i]) total += r.Amount * claims[i].SharePrice;
        }

        // Rounded up: reserving more keeps trades from spending quote owed to queued withdrawals (the vault's favour).
        return decimal.Round(total, Parameters.QuoteDecimals, MidpointRounding.ToPositiveInfinity);
    }

    // ------------------------------------------------------------------ decisions

    /// <summary>Queues a deposit of <paramref name="amount"/> quote into <paramref name="tranche"/> for <paramref name="account"/>.</summary>
    /// <param name="account">LP account, non-empty.</param>
    /// <param name="tranche">Tranche name.</param>
    /// <param name="amount">Quote, &gt; 0, ≥ min deposit, at most the quote decimals.</param>
    /// <param name="now">Unix seconds, not before the last event.</param>
    public PoolDecision RequestDeposit(AccountId account, string tranche, decimal amount, long now)
    {
        var problem = CheckCommon(account, tranche, now, out _)
            ?? CheckAmount(amount, Parameters.QuoteDecimals, "deposit amount", "quote");
        return problem ?? PoolDecision.Accept(new DepositRequested(now, NextRequestId, account, tranche, amount));
    }

    /// <summary>Queues a withdrawal of <paramref name="shares"/> of <paramref name="tranche"/> held by <paramref name="account"/>.</summary>
    /// <param name="account">LP account, non-empty.</param>
    /// <param name="tranche">Tranche name.</param>
    /// <param name="shares">Shares, &gt; 0, at most the share decimals, ≤ the account's free balance, and ≥ the minimum unless it is the whole balance.</param>
    /// <param name="now">Unix seconds, not before the last event.</param>
    public PoolDecision RequestWithdrawal(AccountId account, string tranche, decimal shares, long now)
    {
        var problem = CheckCommon(account, tranche, now, out int i)
            ?? CheckAmount(shares, Parameters.ShareDecimals, "withdrawal", "shares", ExitsWholeBalance(account, i, shares))
            ?? CheckHolding(account, i, shares);
        return problem ?? PoolDecision.Accept(new WithdrawalRequested(now, NextRequestId, account, tranche, shares));
    }

    /// <summary>Cancels what remains of a queued request; only its owner may.</summary>
    /// <param name="account">The caller.</param>
    /// <param name="requestId">The request's id.</param>
    /// <param name="now">Unix seconds, not before the last event.</param>
    public PoolDecision Cancel(AccountId account, long requestId, long now)
    {
        if (string.IsNullOrEmpty(account.Value)) return PoolDecision.Reject(PoolRejectionReason.InvalidAccount, "account must be non-empty");
        if (now < LastEventTime) return Backwards(now);
        var request = FindRequest(requestId);
        if (request is null) return PoolDecision.Reject(PoolRejectionReason.UnknownRequest, $"no queued request {requestId}");
        if (request.Account != account)
            return PoolDecision.Reject(PoolRejectionReason.NotRequestOwner, $"request {requestId} belongs to another account");
        return PoolDecision.Accept(new RequestCancelled(now, requestId, account, request.IsDeposit ? request.Amount : 0, request.IsDeposit ? 0 : request.Amount));
    }

    /// <summary>
    /// Processes due requests, most senior tranche first, each tranche's deposits then withdrawals in FIFO order (Lyra
    /// <c>processDepositQueue</c>/<c>processWithdrawalQueue</c>). First fires any breaker the market trips. A request is
    /// due when its delay has passed (requestedAt + delay &lt; now), no breaker is active and the Greek cache is fresh — or,
    /// for the guardian, when requestedAt + guardian delay &lt; now. A queue stops at its first request that is not due.
    /// Deposits mint at the processing-time share price and wait while a more senior tranche is below its target (their
    /// money would repay the senior); withdrawals pay the processing-time price less the fee while boards are live, and
    /// are processed partially when burnable liquidity is short. Nothing is processed while the pool is insolvent.
    /// </summary>
    /// <param name="market">NAV, liquidity, cache freshness and variances now.</param>
    /// <param name="now">Unix seconds, not before the last event.</param>
    /// <param name="authority">Keeper or guardian.</param>
    /// <param name="limit">Most requests to process (Lyra's <c>limit</c>), ≥ 1.</param>
    public PoolDecision ProcessQueues(PoolMarket market, long now, ProcessingAuthority authority = ProcessingAuthority.Keeper, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (now < LastEventTime) return Backwards(now);
        if (market.Problem() is { } bad) return PoolDecision.Reject(PoolRejectionReason.InvalidMarket, bad);
        if (limit < 1) return PoolDecision.Reject(PoolRejectionReason.InvalidAmount, "limit must be ≥ 1");

        var events = new List<PoolEvent>();
        var scratch = Clone();
        void Emit(PoolEvent e) { scratch.Apply(e); events.Add(e); }

        foreach (var e in scratch.BreakerEvents(market, now)) Emit(e);
        if (market.Nav.IsInsolvent) return PoolDecision.Accept(events);

        decimal nav = market.Nav.Nav;
        decimal burnable = market.Liquidity.BurnableLiquidity;
        bool breakerActive = scratch.IsCircuitBreakerActive(now);
        decimal feeRate = market.HasLiveBoards ? Parameters.WithdrawalFee : 0;
        int processed = 0;

        for (int i = 0; i < _tranches.Length && processed < limit; i++)
        {
            while (scratch._deposits[i].Count > 0 && processed < limit)
            {
                var r = scratch._deposits[i][0];
                if (!IsDue(r, Parameters.DepositDelay, market.IsGreekCacheFresh, breakerActive, authority, now, out bool byGuardian)) break;
                if (scratch.DepositBlocked(i, nav, now) is not null) break;
                foreach (var e in scratch.TargetResetsBeforeDeposit(i, nav, now)) Emit(e);
                decimal price = scratch.Claims(nav, now)[i].SharePrice;
                decimal minted = RoundDown(r.Amount / price, Parameters.ShareDecimals);
                // A deposit too small to mint one share unit is refunded rather than donated to the pool.
                Emit(minted > 0
                    ? new DepositProcessed(now, r.Id, r.Account, r.Tranche, r.Amount, price, minted, nav, byGuardian)
                    : new RequestCancelled(now, r.Id, r.Account, r.Amount, 0));
                if (minted > 0) nav += r.Amount;
                processed++;
            }

            while (scratch._withdrawals[i].Count > 0 && processed < limit)
            {
                var r = scratch._withdrawals[i][0];
                if (!IsDue(r, Parameters.WithdrawalDelay, market.IsGreekCacheFresh, breakerActive, authority, now, out bool byGuardian)) break;
                decimal price = scratch.Claims(nav, now)[i].SharePrice;
                var w = Withdrawal(r.Amount, price, feeRate, burnable);
                if (w.Shares <= 0) break;
                Emit(new WithdrawalProcessed(now, r.Id, r.Account, r.Tranche, w.Shares, price, w.Fee, w.Payout, r.Amount - w.Shares, nav, byGuardian));
                nav -= w.Payout;
                burnable -= w.Payout;
                processed++;
                if (w.Shares < r.Amount) break; // Lyra: a partially processed head stops the queue.
            }
        }

        return PoolDecision.Accept(events);
    }

    /// <summary>Premia-style instant deposit: shares minted now at the current price (requires <see cref="PoolParameters.InstantMode"/>,
    /// a fresh cache, no active or firing breaker, a solvent pool and no impaired senior tranche).</summary>
    /// <param name="account">LP account.</param>
    /// <param name="tranche">Tranche name.</param>
    /// <param name="amount">Quote, &gt; 0.</param>
    /// <param name="market">NAV and state now (NAV excludes this deposit).</param>
    /// <param name="now">Unix seconds.</param>
    public PoolDecision InstantDeposit(AccountId account, string tranche, decimal amount, PoolMarket market, long now)
    {
        ArgumentNullException.ThrowIfNull(market);
        var problem = CheckCommon(account, tranche, now, out int i)
            ?? CheckAmount(amount, Parameters.QuoteDecimals, "deposit amount", "quote")
            ?? CheckInstant(market, now);
        if (problem is not null) return problem;
        decimal nav = market.Nav.Nav;
        if (DepositBlocked(i, nav, now) is { } blocked) return blocked;
        var events = new List<PoolEvent>(TargetResetsBeforeDeposit(i, nav, now));
        var scratch = Clone();
        foreach (var e in events) scratch.Apply(e);
        decimal price = scratch.Claims(nav, now)[i].SharePrice;
        decimal minted = RoundDown(amount / price, Parameters.ShareDecimals);
        if (minted <= 0) return PoolDecision.Reject(PoolRejectionReason.BelowMinimum, $"{amount} quote buys less than one share unit at {price}");
        events.Add(new DepositProcessed(now, 0, account, tranche, amount, price, minted, nav, false));
        return PoolDecision.Accept(events);
    }

    /// <summary>Premia-style instant withdrawal: shares burnt now at the current price less the fee while boards are live,
    /// only when the whole payout fits in burnable (unlocked) liquidity (Premia v3 <c>UnderwriterVault._maxWithdraw</c>:
    /// total assets − locked assets).</summary>
    /// <param name="account">LP account.</param>
    /// <param name="tranche">Tranche name.</param>
    /// <param name="shares">Shares, &gt; 0, ≤ the account's free balance.</param>
    /// <param name="market">NAV and liquidity now.</param>
    /// <param name="now">Unix seconds.</param>
    public PoolDecision InstantWithdrawal(AccountId account, string tranche, decimal shares, PoolMarket market, long now)
    {
        ArgumentNullException.ThrowIfNull(market);
        var problem = CheckCommon(account, tranche, now, out int i)
            ?? CheckAmount(shares, Parameters.ShareDecimals, "withdrawal", "shares", ExitsWholeBalance(account, i, shares))
            ?? CheckHolding(account, i, shares)
            ?? CheckInstant(market, now);
        if (problem is not null) return problem;
        decimal price = Claims(market.Nav.Nav, now)[i].SharePrice;
        var w = Withdrawal(shares, price, market.HasLiveBoards ? Parameters.WithdrawalFee : 0, decimal.MaxValue);
        if (w.Payout > market.Liquidity.BurnableLiquidity)
            return PoolDecision.Reject(PoolRejectionReason.InsufficientLiquidity, $"payout {w.Payout} exceeds unlocked liquidity {market.Liquidity.BurnableLiquidity}");
        return PoolDecision.Accept(new WithdrawalProcessed(now, 0, account, tranche, shares, price, w.Fee, w.Payout, 0, market.Nav.Nav, false));
    }

    /// <summary>Fires the breakers that <paramref name="market"/> trips (Lyra <c>updateCBs</c>); no events when none extends.</summary>
    /// <param name="market">NAV, liquidity and variances now.</param>
    /// <param name="now">Unix seconds.</param>
    public PoolDecision UpdateCircuitBreakers(PoolMarket market, long now)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (now < LastEventTime) return Backwards(now);
        if (market.Problem() is { } bad) return PoolDecision.Reject(PoolRejectionReason.InvalidMarket, bad);
        return PoolDecision.Accept(BreakerEvents(market, now).ToArray());
    }

    /// <summary>A board settled: queues pause for <see cref="PoolParameters.BoardSettlementCircuitBreakerTimeout"/> (Lyra <c>boardSettlement</c>).</summary>
    /// <param name="now">Unix seconds.</param>
    public PoolDecision SettleBoard(long now)
    {
        if (now < LastEventTime) return Backwards(now);
        long until = now + Parameters.BoardSettlementCircuitBreakerTimeout;
        return until > _breakerUntil[(int)CircuitBreakerKind.BoardSettlement]
            ? PoolDecision.Accept(new CircuitBreakerTripped(now, CircuitBreakerKind.BoardSettlement, until))
            : PoolDecision.Accept([]);
    }

    /// <summary>Records a mark: NAV (0 when insolvent), each tranche's share price at it, and the period's PnL attribution.</summary>
    /// <param name="nav">NAV now.</param>
    /// <param name="attribution">Fee income, option PnL and hedge PnL since the last mark.</param>
    /// <param name="now">Unix seconds.</param>
    public PoolDecision Mark(NavResult nav, PnlAttribution attribution, long now)
    {
        if (now < LastEventTime) return Backwards(now);
        if (!nav.IsValid) return PoolDecision.Reject(PoolRejectionReason.InvalidMarket, $"NAV inputs invalid: {nav.Message}");
        return PoolDecision.Accept(new PoolMarked(now, nav.Nav, attribution));
    }

    // ------------------------------------------------------------------ apply

    /// <summary>Applies every event of an accepted decision, in order.</summary>
    /// <param name="decision">An accepted decision from this pool.</param>
    public void Apply(PoolDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        foreach (var e in decision.Events) Apply(e);
    }

    /// <summary>Changes the state by one event. Throws only on an event this state could not have decided (a bug).</summary>
    /// <param name="e">The event.</param>
    public void Apply(PoolEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case DepositRequested d:
                _deposits[IndexOf(d.Tranche)].Add(new QueuedRequest(d.RequestId, d.Account, d.Tranche, true, d.Amount, d.Time));
                QueuedDepositTotal += d.Amount;
                NextRequestId = Math.Max(NextRequestId, d.RequestId + 1);
                break;
            case WithdrawalRequested w:
            {
                int i = IndexOf(w.Tranche);
                AddBalance(i, w.Account, -w.Shares);
                _withdrawals[i].Add(new QueuedRequest(w.RequestId, w.Account, w.Tranche, false, w.Shares, w.Time));
                NextRequestId = Math.Max(NextRequestId, w.RequestId + 1);
                break;
            }
            case RequestCancelled c:
            {
                var r = FindRequest(c.RequestId) ?? throw new InvalidOperationException($"no request {c.RequestId}");
                int i = IndexOf(r.Tranche);
                (r.IsDeposit ? _deposits[i] : _withdrawals[i]).Remove(r);
                if (r.IsDeposit) QueuedDepositTotal -= r.Amount;
                else AddBalance(i, r.Account, r.Amount);
                break;
            }
            case DepositProcessed d:
            {
                int i = IndexOf(d.Tranche);
                if (d.RequestId != 0)
                {
                    HeadOf(_deposits[i], d.RequestId).RemoveAt(0);
                    QueuedDepositTotal -= d.Amount;
                }

                _tranches[i].Shares += d.SharesMinted;
                AddBalance(i, d.Account, d.SharesMinted);
                break;
            }
            case WithdrawalProcessed w:
            {
                int i = IndexOf(w.Tranche);
                if (w.RequestId != 0)
                {
                    var queue = HeadOf(_withdrawals[i], w.RequestId);
                    if (w.SharesRemaining > 0) queue[0] = queue[0] with { Amount = w.SharesRemaining };
                    else queue.RemoveAt(0);
                }
                else
                {
                    AddBalance(i, w.Account, -w.SharesBurned);
                }

                _tranches[i].Shares -= w.SharesBurned;
                break;
            }
            case CircuitBreakerTripped b:
                _breakerUntil[(int)b.Kind] = Math.Max(_breakerUntil[(int)b.Kind], b.ActiveUntil);
                break;
            case TrancheTargetReset t:
            {
                // Keep the accrual origin: scale the base so that target(t.Time) = the new price.
                var state = _tranches[IndexOf(t.Tranche)];
                state.TargetBasePrice = t.TargetSharePrice / state.AccrualFactor(t.Time);
                break;
            }
            case PoolEventBatch batch:
                foreach (var change in batch.Changes)
                {
                    if (change is PoolEventBatch or PoolOpened) throw new InvalidOperationException($"a batch cannot hold {change.GetType().Name}");
                    Apply(change);
                }

                break;
            case PoolMarked m:
                _history.Add(new PoolMark(m.Time, m.Nav, Claims(m.Nav, m.Time).Select(c => c.SharePrice).ToArray(), m.Attribution));
                break;
            default:
                throw new InvalidOperationException($"unknown pool event {e.GetType().Name}");
        }

        LastEventTime = Math.Max(LastEventTime, e.Time);
        Version++;
    }

    /// <summary>A deep copy (for what-if decisions and tests).</summary>
    public TranchePool Clone()
    {
        var copy = new TranchePool(_tranches.Select(t => t.Clone()).ToArray(), Parameters, LastEventTime)
        {
            Version = Version,
            NextRequestId = NextRequestId,
            QueuedDepositTotal = QueuedDepositTotal,
        };
        foreach (var kv in _balances) copy._balances[kv.Key] = kv.Value;
        for (int i = 0; i < _tranches.Length; i++)
        {
            copy._deposits[i].AddRange(_deposits[i]);
            copy._withdrawals[i].AddRange(_withdrawals[i]);
        }

        Array.Copy(_breakerUntil, copy._breakerUntil, _breakerUntil.Length);
        copy._history.AddRange(_history);
        return copy;
    }

    // ------------------------------------------------------------------ helpers

    private readonly record struct WithdrawalAmounts(decimal Shares, decimal Payout, decimal Fee);

    /// <summary>Burns up to <paramref name="shares"/> at <paramref name="price"/> less the fee, within <paramref name="burnable"/>;
    /// payout rounds down to the quote decimals and the rounding stays in the pool with the fee (in the pool's favour).</summary>
    private WithdrawalAmounts Withdrawal(decimal shares, decimal price, decimal feeRate, decimal burnable)
    {
        decimal netPrice = price * (1m - feeRate);
        decimal payout = RoundDown(shares * netPrice, Parameters.QuoteDecimals);
        if (payout > burnable)
        {
            shares = RoundDown(burnable / netPrice, Parameters.ShareDecimals);
            payout = RoundDown(shares * netPrice, Parameters.QuoteDecimals);
        }

        return new(shares, payout, shares * price - payout);
    }

    private bool IsDue(QueuedRequest r, long delay, bool cacheFresh, bool breakerActive, ProcessingAuthority authority, long now, out bool byGuardian)
    {
        // Lyra _canProcess: (fresh cache && initiated + delay < now && CBTimestamp < now) || guardian && initiated + guardianDelay < now.
        bool normal = cacheFresh && r.RequestedAt + delay < now && !breakerActive;
        bool guardian = authority == ProcessingAuthority.Guardian && r.RequestedAt + Parameters.GuardianDelay < now;
        byGuardian = guardian && !normal;
        return normal || guardian;
    }

    private IEnumerable<PoolEvent> BreakerEvents(PoolMarket market, long now)
    {
        foreach (var (kind, until) in CircuitBreakers.Fired(market, Parameters, now))
        {
            if (until > _breakerUntil[(int)kind]) yield return new CircuitBreakerTripped(now, kind, until);
        }
    }

    /// <summary>Why a deposit into tranche <paramref name="i"/> cannot be priced fairly now, or null.</summary>
    private PoolDecision? DepositBlocked(int i, decimal nav, long now)
    {
        var claims = Claims(nav, now);
        for (int s = 0; s < i; s++)
        {
            if (claims[s].Shares > 0 && claims[s].Claim < claims[s].TargetClaim)
                return PoolDecision.Reject(PoolRejectionReason.SeniorTrancheImpaired, $"tranche '{claims[s].Tranche}' is below its target: deposits into '{_tranches[i].Name}' would repay it first");
        }

        // A tranche whose claim is below one quote unit is wiped out: pricing new money off rounding dust would mint
        // absurd share counts.
        if (claims[i].Shares > 0 && claims[i].Claim < QuoteUnit)
            return PoolDecision.Reject(PoolRejectionReason.ZeroSharePrice, $"tranche '{_tranches[i].Name}' has shares but its claim {claims[i].Claim} is below one quote unit");
        return null;
    }

    /// <summary>Before capital enters empty tranche <paramref name="i"/>, a more senior tranche holding the residual keeps its surplus
    /// by raising its target to its current share price.</summary>
    private IEnumerable<PoolEvent> TargetResetsBeforeDeposit(int i, decimal nav, long now)
    {
        if (_tranches[i].Shares > 0) yield break;
        var claims = Claims(nav, now);
        for (int s = 0; s < i; s++)
        {
            if (claims[s].Shares > 0 && claims[s].Claim > claims[s].TargetClaim)
                yield return new TrancheTargetReset(now, _tranches[s].Name, claims[s].SharePrice);
        }
    }

    private decimal QuoteUnit => 1m / Pow10(Parameters.QuoteDecimals);

    private static decimal Pow10(int n)
    {
        decimal p = 1m;
        for (int k = 0; k < n; k++) p *= 10m;
        return p;
    }

    private PoolDecision? CheckCommon(AccountId account, string tranche, long now, out int index)
    {
        index = -1;
        if (string.IsNullOrEmpty(account.Value)) return PoolDecision.Reject(PoolRejectionReason.InvalidAccount, "account must be non-empty");
        if (tranche is null || !_index.TryGetValue(tranche, out index))
            return PoolDecision.Reject(PoolRejectionReason.UnknownTranche, $"no tranche '{tranche}' (tranches: {string.Join(", ", _tranches.Select(t => t.Name))})");
        return now < LastEventTime ? Backwards(now) : null;
    }

    // An LP may always leave with its whole balance, even when it is below the minimum.
    private bool ExitsWholeBalance(AccountId account, int i, decimal shares) =>
        i >= 0 && _balances.TryGetValue((i, account), out var held) && shares == held;

    private PoolDecision? CheckAmount(decimal amount, int decimals, string what, string unit, bool minimumWaived = false)
    {
        if (amount <= 0) return PoolDecision.Reject(PoolRejectionReason.InvalidAmount, $"{what} must be > 0 {unit}, got {amount}");
        if (decimal.Round(amount, decimals) != amount)
            return PoolDecision.Reject(PoolRejectionReason.InvalidAmount, $"{what} {amount} has more than {decimals} decimals");
        if (amount < Parameters.MinDepositWithdraw && !minimumWaived)
            return PoolDecision.Reject(PoolRejectionReason.BelowMinimum, $"{what} {amount} is below the minimum {Parameters.MinDepositWithdraw} {unit}");
        return null;
    }

    private PoolDecision? CheckHolding(AccountId account, int i, decimal shares)
    {
        decimal held = _balances.TryGetValue((i, account), out var s) ? s : 0;
        return shares > held
            ? PoolDecision.Reject(PoolRejectionReason.InsufficientShares, $"'{account}' holds {held} free shares of '{_tranches[i].Name}', asked to withdraw {shares}")
            : null;
    }

    private PoolDecision? CheckInstant(PoolMarket market, long now)
    {
        if (!Parameters.InstantMode) return PoolDecision.Reject(PoolRejectionReason.InstantModeDisabled, "instant deposits and withdrawals are disabled; use the queues");
        if (market.Problem() is { } bad) return PoolDecision.Reject(PoolRejectionReason.InvalidMarket, bad);
        if (market.Nav.IsInsolvent) return PoolDecision.Reject(PoolRejectionReason.Insolvent, $"pool is insolvent (deficit {market.Nav.Deficit})");
        if (!market.IsGreekCacheFresh) return PoolDecision.Reject(PoolRejectionReason.GreekCacheStale, "Greek cache is stale: NAV cannot be trusted");
        if (IsCircuitBreakerActive(now) || CircuitBreakers.Fired(market, Parameters, now).Count > 0)
            return PoolDecision.Reject(PoolRejectionReason.CircuitBreakerActive, "a circuit breaker is active or firing");
        return null;
    }

    private PoolDecision Backwards(long now) =>
        PoolDecision.Reject(PoolRejectionReason.TimeWentBackwards, $"time {now} is before the pool's last event at {LastEventTime}");

    private QueuedRequest? FindRequest(long id)
    {
        for (int i = 0; i < _tranches.Length; i++)
        {
            foreach (var r in _deposits[i]) if (r.Id == id) return r;
            foreach (var r in _withdrawals[i]) if (r.Id == id) return r;
        }

        return null;
    }

    // Processing events name the head of their queue; anything else is an event this state could not have decided.
    private static List<QueuedRequest> HeadOf(List<QueuedRequest> queue, long requestId) =>
        queue.Count > 0 && queue[0].Id == requestId ? queue : throw new InvalidOperationException($"request {requestId} is not at the head of its queue");

    private int IndexOf(string tranche) => _index.TryGetValue(tranche, out int i) ? i : throw new InvalidOperationException($"unknown tranche '{tranche}'");

    private void AddBalance(int tranche, AccountId account, decimal delta)
    {
        decimal next = (_balances.TryGetValue((tranche, account), out var s) ? s : 0) + delta;
        if (next < 0) throw new InvalidOperationException($"'{account}' would hold {next} shares of '{_tranches[tranche].Name}'");
        if (next == 0) _balances.Remove((tranche, account));
        else _balances[(tranche, account)] = next;
    }

    /// <summary>Rounds toward zero to <paramref name="decimals"/> places (amounts the pool pays or mints: in the pool's favour).</summary>
    internal static decimal RoundDown(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.ToZero);
}
