using Ballast.Engine.Markets;
using Ballast.Engine.State;

namespace Ballast.Engine.Pool;

/// <summary>
/// The pool's part of the vault's state image (section <c>pool</c>, see <c>State/README.md</c>): everything
/// <see cref="Apply(Events.PoolEvent)"/> keeps, written field by field so a restored pool has the same state hash and
/// decides the same events. Nothing is recomputed on read: mark share prices, the queued-deposit total and the breaker
/// times are written as they are, so a restore cannot drift from the live pool even if a derivation changes.
/// </summary>
public sealed partial class TranchePool
{
    // Smallest bytes of one item, for StateImageReader.Count (a bad count is Malformed, not a huge allocation).
    private const int MinTrancheBytes = 4 + 4 + 1 + 16 + 16 + 16 + 16 + 8 + 4 + 4;
    private const int MinRequestBytes = 8 + 4 + 16 + 8;
    private const int MinBalanceBytes = 4 + 4 + 16;
    private const int MinMarkBytes = 8 + 16 + 4 + 3 * 16;

    internal void WriteImage(StateImageWriter w)
    {
        var p = Parameters;
        w.Decimal(p.MinDepositWithdraw); w.Long(p.DepositDelay); w.Long(p.WithdrawalDelay); w.Decimal(p.WithdrawalFee); w.Long(p.GuardianDelay);
        w.Decimal(p.CallCollateralScalingFactor); w.Decimal(p.PutCollateralScalingFactor);
        w.Decimal(p.LiquidityCircuitBreakerThreshold); w.Long(p.LiquidityCircuitBreakerTimeout);
        w.Double(p.IvVarianceCircuitBreakerThreshold); w.Long(p.IvVarianceCircuitBreakerTimeout);
        w.Double(p.SkewVarianceCircuitBreakerThreshold); w.Long(p.SkewVarianceCircuitBreakerTimeout);
        w.Long(p.BoardSettlementCircuitBreakerTimeout); w.Bool(p.HaltTradingWhileBreakerActive); w.Bool(p.InstantMode);
        w.Int(p.QuoteDecimals); w.Int(p.ShareDecimals);

        w.Long(Version); w.Long(LastEventTime); w.Long(NextRequestId); w.Decimal(QueuedDepositTotal);

        // Tranches in seniority order, each with its two FIFO queues head first (the tranche and kind are implied).
        w.Int(_tranches.Length);
        for (int i = 0; i < _tranches.Length; i++)
        {
            var t = _tranches[i];
            w.String(t.Name); w.Int(t.Config.Priority); w.Bool(t.Config.TargetApr.HasValue); w.Decimal(t.Config.TargetApr ?? 0m);
            w.Decimal(t.Config.InitialSharePrice); w.Decimal(t.Shares); w.Decimal(t.TargetBasePrice); w.Long(t.TargetSince);
            WriteQueue(w, _deposits[i]);
            WriteQueue(w, _withdrawals[i]);
        }

        // Balances in dictionary order (re-inserted in it), zero balances never kept.
        w.Int(_balances.Count);
        foreach (var ((tranche, account), shares) in _balances) { w.Int(tranche); w.String(account.Value); w.Decimal(shares); }

        w.Int(_breakerUntil.Length);
        foreach (long until in _breakerUntil) w.Long(until);

        w.Int(_history.Count);
        foreach (var m in _history)
        {
            w.Long(m.Time); w.Decimal(m.Nav);
            w.Int(m.SharePrices.Count);
            foreach (decimal price in m.SharePrices) w.Decimal(price);
            w.Decimal(m.Attribution.FeeIncome); w.Decimal(m.Attribution.OptionPnl); w.Decimal(m.Attribution.HedgePnl);
        }
    }

    private static void WriteQueue(StateImageWriter w, List<QueuedRequest> queue)
    {
        w.Int(queue.Count);
        foreach (var r in queue) { w.Long(r.Id); w.String(r.Account.Value); w.Decimal(r.Amount); w.Long(r.RequestedAt); }
    }

    /// <summary>Reads what <see cref="WriteImage"/> wrote; an image that contradicts itself throws <see cref="StateImageReader.Malformed"/>.</summary>
    internal static TranchePool ReadImage(StateImageReader r)
    {
        var parameters = new PoolParameters
        {
            MinDepositWithdraw = r.Decimal(), DepositDelay = r.Long(), WithdrawalDelay = r.Long(), WithdrawalFee = r.Decimal(), GuardianDelay = r.Long(),
            CallCollateralScalingFactor = r.Decimal(), PutCollateralScalingFactor = r.Decimal(),
            LiquidityCircuitBreakerThreshold = r.Decimal(), LiquidityCircuitBreakerTimeout = r.Long(),
            IvVarianceCircuitBreakerThreshold = r.Finite(), IvVarianceCircuitBreakerTimeout = r.Long(),
            SkewVarianceCircuitBreakerThreshold = r.Finite(), SkewVarianceCircuitBreakerTimeout = r.Long(),
            BoardSettlementCircuitBreakerTimeout = r.Long(), HaltTradingWhileBreakerActive = r.Bool(), InstantMode = r.Bool(),
            QuoteDecimals = r.Int(), ShareDecimals = r.Int(),
        };
        // These were validated when OpenPool was decided; an image holding others was not written by the engine.
        if (parameters.Validate().Message is { } bad) throw new StateImageReader.Malformed($"pool parameters: {bad}");
        long version = r.Long(), lastEventTime = r.Long(), nextRequestId = r.Long();
        decimal queuedDeposits = r.Decimal();

        int count = r.Count(MinTrancheBytes);
        var configs = new TrancheConfig[count];
        var states = new (decimal Shares, decimal TargetBase, long Since)[count];
        var deposits = new List<QueuedRequest>[count];
        var withdrawals = new List<QueuedRequest>[count];
        var ids = new HashSet<long>();
        for (int i = 0; i < count; i++)
        {
            string name = r.String();
            int priority = r.Int();
            bool hasApr = r.Bool();
            decimal apr = r.Decimal();
            configs[i] = new TrancheConfig(name, priority, hasApr ? apr : null, r.Decimal());
            states[i] = (r.Decimal(), r.Decimal(), r.Long());
            deposits[i] = ReadQueue(r, name, true, ids, nextRequestId);
            withdrawals[i] = ReadQueue(r, name, false, ids, nextRequestId);
        }

        if (TrancheConfig.Validate(configs) is { } wrong) throw new StateImageReader.Malformed($"pool tranches: {wrong}");
        for (int i = 1; i < count; i++)
        {
            // Index = seniority: balances and marks refer to tranches by it.
            if (configs[i - 1].Priority >= configs[i].Priority) throw new StateImageReader.Malformed("pool tranches out of seniority order");
        }

        var tranches = new TrancheState[count];
        for (int i = 0; i < count; i++)
        {
            tranches[i] = new TrancheState(configs[i], i, states[i].Since) { Shares = states[i].Shares, TargetBasePrice = states[i].TargetBase };
        }

        var pool = new TranchePool(tranches, parameters, lastEventTime)
        {
            Version = version,
            NextRequestId = nextRequestId,
            QueuedDepositTotal = queuedDeposits,
        };
        for (int i = 0; i < count; i++)
        {
            pool._deposits[i].AddRange(deposits[i]);
            pool._withdrawals[i].AddRange(withdrawals[i]);
        }

        for (int i = r.Count(MinBalanceBytes); i > 0; i--)
        {
            int tranche = r.Int();
            var account = new AccountId(r.String());
            decimal shares = r.Decimal();
            if (tranche < 0 || tranche >= count) throw new StateImageReader.Malformed($"pool balance in tranche #{tranche} of {count}");
            if (shares <= 0) throw new StateImageReader.Malformed($"pool balance of {shares} shares (zero balances are never kept)");
            pool._balances.Add((tranche, account), shares);
        }

        int breakers = r.Count(8);
        if (breakers != pool._breakerUntil.Length) throw new StateImageReader.Malformed($"{breakers} circuit breakers; this build has {pool._breakerUntil.Length}");
        for (int k = 0; k < breakers; k++) pool._breakerUntil[k] = r.Long();

        for (int i = r.Count(MinMarkBytes); i > 0; i--)
        {
            long time = r.Long();
            decimal nav = r.Decimal();
            int prices = r.Count(16);
            if (prices != count) throw new StateImageReader.Malformed($"pool mark with {prices} share prices for {count} tranches");
            var sharePrices = new decimal[prices];
            for (int k = 0; k < prices; k++) sharePrices[k] = r.Decimal();
            pool._history.Add(new PoolMark(time, nav, sharePrices, new PnlAttribution(r.Decimal(), r.Decimal(), r.Decimal())));
        }

        return pool;
    }

    private static List<QueuedRequest> ReadQueue(StateImageReader r, string tranche, bool isDeposit, HashSet<long> ids, long nextRequestId)
    {
        int n = r.Count(MinRequestBytes);
        var queue = new List<QueuedRequest>(n);
        for (int k = 0; k < n; k++)
        {
            var request = new QueuedRequest(r.Long(), new AccountId(r.String()), tranche, isDeposit, r.Decimal(), r.Long());
            // Cancel finds a request by id: two with one id, or one the counter has not issued yet, cannot have been applied.
            if (request.Id < 1 || request.Id >= nextRequestId || !ids.Add(request.Id))
                throw new StateImageReader.Malformed($"pool request id {request.Id} duplicated or not issued (next {nextRequestId})");
            if (request.Amount <= 0) throw new StateImageReader.Malformed($"pool request {request.Id} for {request.Amount}");
            queue.Add(request);
        }

        return queue;
    }
}
