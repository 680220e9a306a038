using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.State;
using Ballast.Simulation.Metrics;
using Ballast.Simulation.Randomness;
using Ballast.Simulation.Scenarios;

namespace Ballast.Simulation.Runner;

/// <summary>
/// The liquidity-pool side of a simulated launch: an admin opens the pool with a senior and a junior tranche, the initial
/// LP capital enters as instant deposits, flow LPs queue deposits and withdrawals, and a keeper fires circuit breakers and
/// processes due requests every step. Every action is an engine pool command (<see cref="OpenPool"/>,
/// <see cref="RequestLpDeposit"/>, <see cref="RequestLpWithdrawal"/>, <see cref="UpdateCircuitBreakers"/>,
/// <see cref="ProcessLpQueues"/>) through the path's command funnel: share prices, fees, queues and breakers are the
/// engine's rules, not re-implemented here.
/// </summary>
internal sealed class LpDesk
{
    /// <summary>Tranche names, most senior first (the index used by tranche metrics).</summary>
    public static readonly string[] TrancheNames = ["senior", "junior"];

    private static readonly Principal Admin = new(new AccountId("admin"), Role.Admin);
    private static readonly Principal Keeper = new(new AccountId("lp-keeper"), Role.Keeper);
    private static readonly Principal Initial = new(new AccountId("lp-initial"), Role.LiquidityProvider);
    private static readonly Principal[] FlowLps =
    [
        new(new AccountId("lp-flow-1"), Role.LiquidityProvider),
        new(new AccountId("lp-flow-2"), Role.LiquidityProvider),
        new(new AccountId("lp-flow-3"), Role.LiquidityProvider),
    ];

    private readonly ScenarioSettings _s;
    private readonly VaultState _state;
    private readonly Xoshiro256StarStar _rng;
    private readonly Func<Command, Decision> _send;
    private readonly PathResult _result;
    private readonly double[] _initialPrices = new double[TrancheNames.Length];
    private long _breakerSteps, _steps;

    /// <param name="settings">The scenario (validated).</param>
    /// <param name="state">The path's engine state.</param>
    /// <param name="rng">A stream of its own, so LP flow does not shift the traders' draws.</param>
    /// <param name="send">The path's command funnel (decides, applies, counts rejections); returns the decision.</param>
    /// <param name="result">Where the LP metrics go.</param>
    public LpDesk(ScenarioSettings settings, VaultState state, Xoshiro256StarStar rng, Func<Command, Decision> send, PathResult result)
    {
        _s = settings;
        _state = state;
        _rng = rng;
        _send = send;
        _result = result;
    }

    /// <summary>Opens the pool before any capital is in the vault (nothing to seed), with instant mode for the initial capital.</summary>
    public void Open()
    {
        long delay = (long)Math.Round(_s.Lp.QueueDelayHours * 3600.0);
        var parameters = PoolParameters.Default with
        {
            DepositDelay = delay,
            WithdrawalDelay = delay,
            InstantMode = true,
            QuoteDecimals = _state.Market!.QuoteDecimals,
        };
        TrancheConfig[] tranches = [new(TrancheNames[0], 0, _s.Lp.SeniorTargetApr), new(TrancheNames[1], 1, null)];
        Must(new OpenPool(Admin, tranches, parameters, Initial.Account));
    }

    /// <summary>The initial capital as instant deposits (needs the first spot), split senior/junior; records the starting share prices.</summary>
    public void SeedCapital(long now)
    {
        decimal senior = Math.Round(_s.InitialCapital * _s.Lp.SeniorShare, 2, MidpointRounding.ToZero);
        if (senior > 0m) Must(new RequestLpDeposit(Initial, TrancheNames[0], senior, Instant: true));
        if (_s.InitialCapital - senior > 0m) Must(new RequestLpDeposit(Initial, TrancheNames[1], _s.InitialCapital - senior, Instant: true));
        SharePrices(now, _initialPrices);
    }

    /// <summary>
    /// One step: new LP requests, then the keeper. Returns the quote that entered NAV (processed deposits) and left it
    /// (withdrawal payouts) in this step, so the runner can move its LP units.
    /// </summary>
    public (double Deposited, double PaidOut) Step(long now, double depositMean)
    {
        for (int d = _rng.NextPoisson(depositMean); d > 0; d--)
        {
            decimal amount = Math.Round((decimal)(-_s.Flow.DepositSizeFraction * Math.Log(_rng.NextOpenDouble()) * (double)_s.InitialCapital), 2);
            var lp = FlowLps[(int)(_rng.NextDouble() * FlowLps.Length)];
            string tranche = _rng.NextDouble() < _s.Lp.SeniorDepositProbability ? TrancheNames[0] : TrancheNames[1];
            if (amount > 0m && _send(new RequestLpDeposit(lp, tranche, amount)).IsAccepted) _result.LpDepositRequests++;
        }

        for (int w = _rng.NextPoisson(_s.Lp.WithdrawalsPerYear * _s.StepYears); w > 0; w--)
        {
            var lp = FlowLps[(int)(_rng.NextDouble() * FlowLps.Length)];
            string tranche = TrancheNames[(int)(_rng.NextDouble() * TrancheNames.Length)];
            decimal held = _state.Pool!.SharesOf(lp.Account, tranche);
            decimal shares = Math.Round(held * (decimal)_s.Lp.WithdrawalFraction, 6, MidpointRounding.ToZero);
            // An LP with nothing (left) in the tranche sends nothing: a real client would not ask.
            if (shares >= _state.Pool.Parameters.MinDepositWithdraw && _send(new RequestLpWithdrawal(lp, tranche, shares)).IsAccepted)
                _result.LpWithdrawalRequests++;
        }

        double deposited = 0, paidOut = 0;
        // Breakers are re-checked on the keeper's cadence (each check values the book at GWAV vols) and whenever there is
        // something to process: ProcessLpQueues fires what the book trips before it processes anything.
        bool due = AnyDue(now);
        if (_steps % _s.StepsFor(_s.Lp.KeeperEveryHours) == 0 && !due) _send(new UpdateCircuitBreakers(Keeper));
        if (due)
        {
            var decision = _send(new ProcessLpQueues(Keeper));
            for (int i = 0; decision.IsAccepted && i < decision.EventCount; i++) Tally(decision[i], ref deposited, ref paidOut);
        }

        _steps++;
        if (_state.Pool!.IsCircuitBreakerActive(now)) _breakerSteps++;
        return (deposited, paidOut);
    }

    /// <summary>Share price of each tranche (quote per share, <see cref="TrancheNames"/> order) at the pool NAV now; 0 when NAV cannot be computed.</summary>
    public void SharePrices(long now, double[] into)
    {
        var nav = _state.PoolNav(now, _state.Parameters);
        for (int i = 0; i < TrancheNames.Length; i++)
            into[i] = nav.IsValid ? (double)_state.Pool!.SharePrice(TrancheNames[i], nav.Nav, now) : 0;
    }

    /// <summary>Writes the tranche returns (final share price / starting share price − 1) and the time with breakers active.</summary>
    public void Finish(long now)
    {
        var final = new double[TrancheNames.Length];
        SharePrices(now, final);
        for (int i = 0; i < final.Length; i++)
        {
            _result.TrancheSharePrices[i] = final[i];
            _result.TrancheReturns[i] = _initialPrices[i] > 0 ? final[i] / _initialPrices[i] - 1.0 : 0;
        }

        _result.BreakerTime = _steps > 0 ? (double)_breakerSteps / _steps : 0;
        _result.LpQueuedAtEnd = (double)_state.Pool!.QueuedDepositTotal;
    }

    /// <summary>True when the head of a queue is past its delay (FIFO: nothing behind it can be due first); a keeper bot checks this off-chain.</summary>
    private bool AnyDue(long now)
    {
        var pool = _state.Pool!;
        foreach (string t in TrancheNames)
        {
            var deposits = pool.DepositQueue(t);
            if (deposits.Count > 0 && deposits[0].RequestedAt + pool.Parameters.DepositDelay <= now) return true;
            var withdrawals = pool.WithdrawalQueue(t);
            if (withdrawals.Count > 0 && withdrawals[0].RequestedAt + pool.Parameters.WithdrawalDelay <= now) return true;
        }

        return false;
    }

    private void Tally(Event e, ref double deposited, ref double paidOut)
    {
        switch (e)
        {
            case DepositProcessed d:
                deposited += (double)d.Amount;
                break;
            case WithdrawalProcessed w:
                paidOut += (double)w.Payout;
                _result.Withdrawals += (double)w.Payout;
                break;
            case PoolEventBatch b:
                foreach (var change in b.Changes) Tally(change, ref deposited, ref paidOut);
                break;
        }
    }

    private void Must(Command command)
    {
        var decision = _send(command);
        if (decision.Rejection is { } rejection) throw new InvalidOperationException($"simulation pool command {command.GetType().Name} rejected: {rejection}");
    }
}
