using System.Collections.Immutable;
using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Hedging;
using Ballast.Engine.Markets;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Pricing;
using Ballast.Simulation.Flow;
using Ballast.Simulation.Hedging;
using Ballast.Simulation.Metrics;
using Ballast.Simulation.Randomness;
using Ballast.Simulation.Scenarios;

namespace Ballast.Simulation.Runner;

/// <summary>
/// One path of a scenario, event-driven on a simulated clock: every step sends the oracle's spot (and periodically
/// vol) as engine commands, settles expired boards, lists new ones, lets LPs deposit and withdraw through the pool's
/// queues (<see cref="LpDesk"/>) and lets each trader type send
/// trades — all as commands through <see cref="Vault.Decide"/> and <see cref="VaultState.Apply(Event)"/>, so no rule of
/// the vault is re-implemented here. What the simulation adds is only the outside world: prices, traders and
/// bookkeeping of the results.
/// </summary>
public sealed class VaultPathSimulation
{
    private static readonly Principal Admin = new(new AccountId("admin"), Role.Admin);
    private static readonly Principal Governor = new(new AccountId("governor"), Role.Governor);
    private static readonly Principal Oracle = new(new AccountId("oracle"), Role.Oracle);
    private static readonly Principal Hedger = new(new AccountId("hedger"), Role.Keeper);
    // Hedge orders in the engine's 8-decimal lots, one slice: the single simulated venue takes the whole order.
    private static readonly HedgeRouterSettings RouterSettings = new() { LotSize = 0.00000001m, Slices = 1 };

    /// <summary>Trader principals by <see cref="TraderType"/>.</summary>
    public static IReadOnlyList<Principal> Traders { get; } =
    [
        new(new AccountId("trader-noise"), Role.Trader),
        new(new AccountId("trader-informed"), Role.Trader),
        new(new AccountId("trader-arbitrageur"), Role.Trader),
    ];

    private readonly ScenarioSettings _s;
    private readonly double[] _spots, _vols;
    private readonly Xoshiro256StarStar _rng;
    private readonly IDeltaHedger? _hedger;
    private readonly MarginDesk? _margin;
    private readonly LpDesk _lp;
    private readonly VaultState _state = new();
    private readonly List<SeriesId> _live = [];
    private readonly PathResult _result = new();
    private StrikeState[] _snapStrikes = [];
    private double[] _snapVega = [], _snapVol = [];
    private int _snapCount;
    private readonly SimulatedVenue? _venue;
    private readonly HedgeRouter? _router;
    private readonly VenueRoute[] _routes = [];
    private ImmutableSortedDictionary<string, VenueBackoff> _backoffs = ImmutableSortedDictionary.Create<string, VenueBackoff>(StringComparer.Ordinal);
    private List<Event>? _journal;
    private double _hedge;
    private long _lastHedge = -1;
    private long _now;
    private int _step;

    /// <summary>Creates a path run over a pre-generated market path.</summary>
    /// <param name="settings">Scenario (validated).</param>
    /// <param name="spots">Spot path, length steps + 1.</param>
    /// <param name="vols">Market vol path, same length.</param>
    /// <param name="flowRng">This path's order-flow stream.</param>
    /// <param name="hedger">Optional hedger (seam for the hedging component).</param>
    /// <param name="venueRng">The hedge venue's random stream (a fixed seed when null).</param>
    /// <param name="lpRng">The LP flow's random stream (a fixed seed when null).</param>
    public VaultPathSimulation(ScenarioSettings settings, double[] spots, double[] vols, Xoshiro256StarStar flowRng, IDeltaHedger? hedger = null,
        Xoshiro256StarStar? venueRng = null, Xoshiro256StarStar? lpRng = null)
    {
        _s = settings;
        _spots = spots;
        _vols = vols;
        _rng = flowRng;
        _hedger = hedger;
        _lp = new LpDesk(settings, _state, lpRng ?? new Xoshiro256StarStar(0x11D), SendDecision, _result);
        if (settings.Margin.Traders > 0) _margin = new MarginDesk(settings.Margin, _state, new Xoshiro256StarStar(flowRng.NextUInt64()), SendDecision, _result);
        if (hedger is null) return;
        var venue = hedger.Venue;
        _venue = new SimulatedVenue(venue, venueRng ?? new Xoshiro256StarStar(0x5EED), DateTimeOffset.FromUnixTimeSeconds(settings.StartTime));
        // Funding rates change once per period: accept one as old as a period plus a step.
        _router = new HedgeRouter(RouterSettings with { MaxFundingAge = TimeSpan.FromSeconds(venue.FundingIntervalSeconds + settings.StepSeconds) });
        _routes = [new VenueRoute(_venue, Vault.MaxHedgeQuantity, Vault.MaxHedgeQuantity)];
    }

    /// <summary>Every event the run applies, in order, once <see cref="KeepJournal"/> was called before <see cref="Run"/> (else null).</summary>
    public IReadOnlyList<Event>? Journal => _journal;

    /// <summary>Records every applied event in <see cref="Journal"/> (for replay checks).</summary>
    public void KeepJournal() => _journal ??= [];

    /// <summary>The engine state (for tests: what the simulation did is visible as engine state).</summary>
    public VaultState State => _state;

    /// <summary>Runs every step and returns the path's metrics (and per-step series when <paramref name="record"/>).</summary>
    public PathResult Run(bool record)
    {
        int steps = _spots.Length - 1;
        var series = record ? new TimeSeries(steps + 1) : null;
        var cumulative = new double[_result.Components.Length];
        double units = (double)_s.InitialCapital, peak = 1.0, utilSum = 0;
        double stepsPerYear = 1.0 / _s.StepYears;
        var returns = new double[steps];
        double navPrevious = 0, unitPrevious = 1.0;
        int listEvery = _s.StepsFor(_s.ListEveryHours), volEvery = _s.StepsFor(_s.VolUpdateEveryHours);
        double depositMean = _s.Flow.DepositsPerYear * _s.StepYears;

        for (_step = 0; _step <= steps; _step++)
        {
            _now = _s.StartTime + _step * _s.StepSeconds;
            double spot = _spots[_step];
            if (_step == 0) Open();
            // A spot the engine refuses (e.g. beyond its 1e12 bound) is counted like any rejection; quotes then go stale.
            Send(new UpdateSpot(Oracle, spot, _now));
            if (_step == 0) _lp.SeedCapital(_now);
            if (_step > 0 && _step % volEvery == 0)
            {
                foreach (long expiry in _state.Boards.Keys.ToArray()) Send(new UpdateVol(Oracle, expiry, BaseIv(_step), [], _now));
            }

            if (_step > 0) AttributeMarketMove(cumulative, spot - _spots[_step - 1], navPrevious);

            double beforeSettle = Nav();
            bool changed = Settle();
            cumulative[(int)PnlComponent.Settlement] += Nav() - beforeSettle;
            if (_step < steps && _step % listEvery == 0) changed |= List(spot);
            if (changed) RebuildLive();
            if (_margin is not null)
            {
                double beforeKeeper = Nav();
                _margin.Keep(_now);
                cumulative[(int)PnlComponent.Liquidation] += Nav() - beforeKeeper;
            }

            if (_step > 0)
            {
                // LP flow through the pool's queues; processed deposits buy LP units and payouts redeem them at the NAV per
                // unit before the step's processing (the withdrawal fee stays in NAV, with the remaining units).
                double unitPrice = Nav() / units;
                var (deposited, paidOut) = _lp.Step(_now, depositMean);
                units += (deposited - paidOut) / unitPrice;
                _result.Deposits += deposited;
            }

            if (_step < steps) Trade(cumulative);
            if (_hedger is not null)
            {
                double beforeHedge = Nav();
                Hedge(_hedger, spot);
                // Fees, slippage against the mark and funding: what booking the hedge cost the vault at this spot.
                cumulative[(int)PnlComponent.Hedge] += Nav() - beforeHedge;
            }

            Snapshot();
            double nav = Nav();
            double unit = nav / units;
            if (_step > 0) returns[_step - 1] = unit / unitPrevious - 1.0;
            peak = Math.Max(peak, unit);
            double drawdown = peak > 0 ? 1.0 - unit / peak : 0.0;
            _result.MaxDrawdown = Math.Max(_result.MaxDrawdown, drawdown);
            double holdings = Holdings();
            double util = holdings > 0 ? Math.Max(0.0, 1.0 - _state.FreeLiquidity / holdings) : 1.0;
            utilSum += util;
            _result.UtilisationMax = Math.Max(_result.UtilisationMax, util);
            if (nav <= 0 || _state.Capital(Asset.Quote) < 0m) _result.Insolvent = true;
            if (series is not null) Record(series, cumulative, nav, unit, drawdown, util);
            navPrevious = nav;
            unitPrevious = unit;
        }

        double navStart = (double)_s.InitialCapital;
        _result.Pnl = navPrevious - navStart - _result.Deposits + _result.Withdrawals;
        _lp.Finish(_now);
        _result.LpReturn = unitPrevious - 1.0;
        cumulative.CopyTo(_result.Components, 0);
        _result.UtilisationMean = utilSum / (steps + 1);
        (_result.Sharpe, _result.Sortino) = RiskRatios(returns, stepsPerYear);
        _result.FinalNetDelta = NetDelta() + _hedge;
        _result.FinalNetStandardVega = _state.Exposure.StandardVega;
        foreach (var strike in _state.Strikes.Values)
        {
            _result.FinalGrossInventory += Math.Abs((double)strike.VaultCallPosition) + Math.Abs((double)strike.VaultPutPosition);
            series?.FinalInventory.Add((strike.Strike, strike.Board.Expiry, (double)strike.VaultCallPosition, (double)strike.VaultPutPosition));
        }

        series?.FinalInventory.Sort((a, b) => a.Expiry != b.Expiry ? a.Expiry.CompareTo(b.Expiry) : a.Strike.CompareTo(b.Strike));
        _result.InsuranceFundEnd = (double)_state.InsuranceFund;
        _result.FinalStateHash = _state.StateHash();
        _result.Series = series;
        return _result;
    }

    private void Open()
    {
        Must(new OpenVault(Admin, _s.MarketDefinition, _s.Parameters));
        // The pool opens on an empty vault; the initial capital enters as LP deposits once spot is known (LpDesk.SeedCapital).
        _lp.Open();
        // Traders are funded generously: the simulation studies the vault, not traders' funding; the engine still
        // checks and locks collateral for every short they open.
        foreach (var trader in Traders)
        {
            Must(new DepositCollateral(trader, Asset.Quote, 100_000_000_000m));
            Must(new DepositCollateral(trader, Asset.Base, 1_000_000_000m));
        }

        _margin?.Open();
    }

    private double BaseIv(int step)
    {
        var p = _state.Parameters;
        return Math.Clamp(_vols[step], p.MinBaseIv, p.MaxBaseIv);
    }

    private bool Settle()
    {
        bool any = false;
        foreach (long expiry in _state.Boards.Keys.Where(e => e <= _now).Order().ToArray())
        {
            if (Send(new SettleBoard(Oracle, expiry)))
            {
                _result.BoardsSettled++;
                any = true;
            }
        }

        return any;
    }

    private bool List(double spot)
    {
        long expiry = _now + _s.StepsFor(_s.BoardTenorHours) * _s.StepSeconds;
        if (!Send(new ListBoard(Governor, expiry, BaseIv(_step)))) return false;
        decimal tick = (decimal)Math.Pow(10, Math.Floor(Math.Log10(spot)) - 2);
        var listed = new HashSet<decimal>();
        foreach (double m in _s.Moneyness)
        {
            decimal strike = Math.Max(tick, Math.Round((decimal)(spot * m) / tick) * tick);
            if (!listed.Add(strike)) continue;
            double logMoneyness = Math.Log((double)strike / spot);
            Send(new ListStrike(Governor, expiry, strike, 1.0 + _s.Flow.ReferenceSmile * logMoneyness * logMoneyness));
        }

        return true;
    }

    private void RebuildLive()
    {
        _live.Clear();
        foreach (var board in _state.BoardsByExpiry())
        {
            foreach (var strike in board.Strikes)
            {
                _live.Add(new SeriesId(board.Expiry, strike.Strike, OptionType.Call));
                _live.Add(new SeriesId(board.Expiry, strike.Strike, OptionType.Put));
            }
        }
    }

    private void Trade(double[] cumulative)
    {
        if (_live.Count == 0) return;
        double navBefore = Nav(), fees = 0;
        double hours = _s.StepHours;
        var f = _s.Flow;
        for (int n = _rng.NextPoisson(f.NoiseIntensity * hours); n > 0; n--) fees += Noise();
        for (int n = _rng.NextPoisson(f.InformedIntensity * hours); n > 0; n--) fees += Informed();
        for (int n = _rng.NextPoisson(f.ArbitrageIntensity * hours); n > 0; n--) fees += Arbitrage();
        fees += _margin?.Trade(_live, hours) ?? 0;
        double change = Nav() - navBefore;
        cumulative[(int)PnlComponent.Fees] += fees;
        cumulative[(int)PnlComponent.SpreadCapture] += change - fees;
    }

    private SeriesId PickSeries() => _live[(int)(_rng.NextDouble() * _live.Count)];

    private double Size(double mean) => Math.Max(0.01, Math.Round(Exponential(mean), 2));

    private double Exponential(double mean) => -mean * Math.Log(_rng.NextOpenDouble());

    /// <summary>Uninformed flow: random series and side; fills with probability e^(−k·edge) (thinning at ceiling A).</summary>
    private double Noise()
    {
        var series = PickSeries();
        bool buy = _rng.NextDouble() < 0.5;
        double size = Size(_s.Flow.NoiseSizeMean);
        double u = _rng.NextDouble();
        var direction = buy ? TradeDirection.Buy : TradeDirection.Sell;
        if (!TryQuote(TraderType.Noise, series, direction, size, out var quote)) return 0;
        double mid = Mid(series, _spots[_step], VolOf(series), Years(series));
        double edge = ArrivalIntensity.Edge(PerOption(quote), mid, buy);
        return u < ArrivalIntensity.AcceptProbability(_s.Flow.NoiseEdgeDecay, edge) ? Execute(TraderType.Noise, series, direction, size, quote) : 0;
    }

    /// <summary>Toxic flow: values the option at the spot and realised vol of the next horizon, trades the profitable side.</summary>
    private double Informed()
    {
        var series = PickSeries();
        double size = Size(_s.Flow.InformedSizeMean);
        int horizon = Math.Min(_s.StepsFor(_s.Flow.InformedHorizonHours), _spots.Length - 1 - _step);
        double vol = horizon > 0 ? RealisedVol(_step, _step + horizon) : _vols[_step];
        double value = Mid(series, _spots[_step + horizon], vol, Math.Max(Years(series) - horizon * _s.StepYears, 0));
        return TakeIfProfitable(TraderType.Informed, series, size, value, _s.Flow.InformedMinEdge);
    }

    /// <summary>Arbitrage against the external reference surface vol(K) = market vol × (1 + smile·ln(K/S)²).</summary>
    private double Arbitrage()
    {
        var series = PickSeries();
        double size = Size(_s.Flow.ArbitrageSizeMean);
        double spot = _spots[_step];
        double logMoneyness = Math.Log((double)series.Strike / spot);
        double refVol = _vols[_step] * (1.0 + _s.Flow.ReferenceSmile * logMoneyness * logMoneyness);
        double value = Mid(series, spot, refVol, Years(series));
        return TakeIfProfitable(TraderType.Arbitrageur, series, size, value, _s.Flow.ArbitrageMinEdge);
    }

    private double TakeIfProfitable(TraderType type, SeriesId series, double size, double value, double minEdge)
    {
        if (!(value > 0)) return 0;
        if (TryQuote(type, series, TradeDirection.Buy, size, out var buy) && value > PerOption(buy) * (1 + minEdge))
            return Execute(type, series, TradeDirection.Buy, size, buy);
        if (TryQuote(type, series, TradeDirection.Sell, size, out var sell) && value < PerOption(sell) * (1 - minEdge))
            return Execute(type, series, TradeDirection.Sell, size, sell);
        return 0;
    }

    private bool TryQuote(TraderType type, SeriesId series, TradeDirection direction, double size, out Engine.Quoting.Quote quote)
    {
        var result = Vault.Quote(_state, series, direction, size, _now, Traders[(int)type].Account);
        if (result.Rejection is { } rejection)
        {
            _result.Rejections[(int)rejection.Reason]++;
            quote = default;
            return false;
        }

        quote = result.Quote;
        return true;
    }

    /// <summary>Sends the trade as a command at the quoted total as limit; returns its fees in quote units.</summary>
    private double Execute(TraderType type, SeriesId series, TradeDirection direction, double size, in Engine.Quoting.Quote quote)
    {
        double volBefore = VolOf(series), years = Years(series);
        var decision = Vault.Decide(_state, new Trade(Traders[(int)type], series, direction, size, quote.Payment), _now);
        if (decision.Rejection is { } rejection)
        {
            _result.Rejections[(int)rejection.Reason]++;
            return 0;
        }

        Apply(decision);
        var fill = (TradeExecuted)decision.Event;
        double toQuote = quote.PaymentAsset == Asset.Quote ? 1.0 : _spots[_step];
        double filled = (double)fill.Size, paid = (double)fill.Payment * toQuote;
        _result.Trades[(int)type]++;
        _result.Volume[(int)type] += filled;

        // Markout: the vault's gain on the fill against the model value after the horizon at the pre-trade vol.
        int h = Math.Min(_s.StepsFor(_s.Flow.MarkoutHours), _spots.Length - 1 - _step);
        double later = filled * Mid(series, _spots[_step + h], volBefore, Math.Max(years - h * _s.StepYears, 0));
        _result.Markout[(int)type] += direction == TradeDirection.Buy ? paid - later : later - paid;
        return (double)fill.Fees * toQuote;
    }

    private double PerOption(in Engine.Quoting.Quote q) =>
        (double)q.Payment * (q.PaymentAsset == Asset.Quote ? 1.0 : _spots[_step]) / (double)q.Size;

    private double Mid(SeriesId series, double spot, double vol, double years) =>
        BlackScholesMerton.Price(series.Type, spot, (double)series.Strike, _state.Parameters.RateAndCarry, 0.0, years, vol);

    private double VolOf(SeriesId series) => _state.TryGetStrike(series, out var strike) ? strike.Vol : _vols[_step];

    private double Years(SeriesId series) => Math.Max(series.Expiry - _now, 0) / Engine.Parameters.VaultParameters.SecondsPerYear;

    private double RealisedVol(int from, int to)
    {
        double sum = 0;
        for (int i = from + 1; i <= to; i++)
        {
            double r = Math.Log(_spots[i] / _spots[i - 1]);
            sum += r * r;
        }

        return Math.Sqrt(sum / ((to - from) * _s.StepYears));
    }

    private void AttributeMarketMove(double[] cumulative, double dS, double navPrevious)
    {
        double dt = _s.StepYears;
        // Greeks as of the end of the previous step (after its trades): Hull §19.7 Taylor expansion of the book.
        double delta = _prevDelta * dS, gamma = 0.5 * _prevGamma * dS * dS, theta = _prevTheta * dt, vega = 0;
        for (int k = 0; k < _snapCount; k++) vega += _snapVega[k] * (_snapStrikes[k].CachedVol - _snapVol[k]);
        double hedge = _hedge * dS; // a linear hedge of q units gains q·dS, which is how its value in NAV moves
        double change = Nav() - navPrevious;
        cumulative[(int)PnlComponent.Delta] += delta;
        cumulative[(int)PnlComponent.Gamma] += gamma;
        cumulative[(int)PnlComponent.Theta] += theta;
        cumulative[(int)PnlComponent.Vega] += vega;
        cumulative[(int)PnlComponent.Hedge] += hedge;
        cumulative[(int)PnlComponent.Residual] += change - delta - gamma - theta - vega - hedge;
    }

    private double _prevDelta, _prevGamma, _prevTheta;
    private readonly double[] _prices = new double[LpDesk.TrancheNames.Length];

    private void Snapshot()
    {
        var e = _state.Exposure;
        _prevDelta = NetDelta();
        _prevGamma = e.Gamma;
        _prevTheta = e.Theta;
        int n = _state.Strikes.Count;
        if (_snapStrikes.Length < n)
        {
            _snapStrikes = new StrikeState[n * 2];
            _snapVega = new double[n * 2];
            _snapVol = new double[n * 2];
        }

        _snapCount = 0;
        foreach (var strike in _state.Strikes.Values)
        {
            _snapStrikes[_snapCount] = strike;
            _snapVega[_snapCount] = strike.Exposure.Vega;
            _snapVol[_snapCount++] = strike.CachedVol;
        }
    }

    /// <summary>Gamma-weighted time to expiry of the book, years (what the Whalley-Wilmott band discounts by).</summary>
    private double GammaWeightedYears()
    {
        double weight = 0, sum = 0;
        foreach (var board in _state.Boards.Values)
        {
            double g = Math.Abs(board.Exposure.Gamma);
            weight += g;
            sum += g * Math.Max(board.Expiry - _now, 0) / Engine.Parameters.VaultParameters.SecondsPerYear;
        }

        return weight > 0 ? sum / weight : 0;
    }

    private double NetDelta() => _state.Exposure.Delta + _state.HoldingsValue(Asset.Base);

    private double Holdings() => _state.HoldingsValue(Asset.Quote) + _state.HoldingsValue(Asset.Base) * _state.Spot;

    /// <summary>NAV: capital and fees at spot (hedge fees and funding already paid from it) + the book at the engine's cached marks + the hedge's price P&amp;L.</summary>
    private double Nav() => Holdings() + _state.Exposure.Value + _state.HedgeValue(_state.Spot);

    /// <summary>
    /// One hedge round through the engine: the venue is marked at spot, funding it settled is booked, the hedger's target
    /// becomes a router order on the venue, and every fill and any change of hedge health is booked with a command —
    /// so the ledger holds the hedge and a replay rebuilds it.
    /// </summary>
    private void Hedge(IDeltaHedger hedger, double spot)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(_now);
        _venue!.SetMark(spot, at);
        var settlement = _venue.SettleFunding(at);
        if (VenueDataGuard.CheckSettlement(settlement, out _) == VenueError.None && settlement.Periods > 0 && _state.Hedges.Venues.ContainsKey(_venue.Id))
        {
            decimal amount = Math.Round(HedgeMoney.Cost(settlement.Amount), _state.Market!.QuoteDecimals, MidpointRounding.ToPositiveInfinity);
            if (amount != 0m) Send(new BookHedgeFunding(Hedger, _venue.Id, amount, settlement.RatePerYear));
        }

        double since = _lastHedge < 0 ? double.PositiveInfinity : _now - _lastHedge;
        var context = new HedgeContext(NetDelta(), _hedge, _state.Exposure.Gamma, _state.Exposure.Vega, spot, _vols[_step],
            since, GammaWeightedYears(), _state.Parameters.RateAndCarry, hedger.CostRate);
        double change = hedger.TargetHedge(context, _now) - _hedge;
        if (!double.IsFinite(change) || Math.Abs(change) >= (double)Vault.MaxHedgeQuantity) return;
        decimal lot = RouterSettings.LotSize;
        decimal order = decimal.Truncate((decimal)change / lot) * lot;
        if (order == 0m)
        {
            // The policy wants nothing more: whatever was left unplaced no longer matters, so the gate may reopen.
            if (_state.HedgeHealth.IsUnderHedged) Send(new ReportHedgeHealth(Hedger, HedgeStatus.Hedged, UnderHedgeReason.None, 0m, ""));
            return;
        }

        var execution = _router!.Execute(order, _routes, _state.Hedges, _backoffs, at, $"p{_step}");
        _backoffs = execution.Backoffs;
        int booked = 0;
        foreach (var fill in execution.Fills)
        {
            if (Send(new BookHedgeFill(Hedger, fill.VenueId, fill.OrderId, fill.Quantity, fill.Price, fill.Fee))) booked++;
        }

        var health = execution.Health;
        if (health != _state.HedgeHealth)
        {
            string message = health.Message.Length > 1_000 ? health.Message[..1_000] : health.Message;
            Send(new ReportHedgeHealth(Hedger, health.Status, health.Reason, health.UnhedgedQuantity, message));
        }

        _hedge = (double)_state.HedgePosition;
        if (booked == 0) return;
        _lastHedge = _now;
        _result.HedgeTrades++;
    }

    private void Record(TimeSeries t, double[] cumulative, double nav, double unit, double drawdown, double util)
    {
        int i = _step;
        t.Time[i] = _now;
        t.Spot[i] = _spots[i];
        t.MarketVol[i] = _vols[i];
        t.Nav[i] = nav;
        t.UnitPrice[i] = unit;
        t.Drawdown[i] = drawdown;
        t.NetDelta[i] = NetDelta() + _hedge;
        t.NetVega[i] = _state.Exposure.Vega;
        t.NetStandardVega[i] = _state.Exposure.StandardVega;
        t.Utilisation[i] = util;
        long trades = 0;
        foreach (long x in _result.Trades) trades += x;
        t.CumulativeTrades[i] = trades;
        _lp.SharePrices(_now, _prices);
        for (int k = 0; k < _prices.Length; k++) t.TrancheSharePrices[k][i] = _prices[k];
        for (int c = 0; c < cumulative.Length; c++) t.Components[c][i] = cumulative[c];
    }

    private static (double Sharpe, double Sortino) RiskRatios(double[] returns, double periodsPerYear)
    {
        if (returns.Length == 0) return (0, 0);
        double mean = 0;
        foreach (double r in returns) mean += r;
        mean /= returns.Length;
        double variance = 0, downside = 0;
        foreach (double r in returns)
        {
            variance += (r - mean) * (r - mean);
            if (r < 0) downside += r * r;
        }

        double sd = Math.Sqrt(variance / Math.Max(returns.Length - 1, 1)), dd = Math.Sqrt(downside / returns.Length);
        double scale = Math.Sqrt(periodsPerYear);
        return (sd > 1e-15 ? mean / sd * scale : 0, dd > 1e-15 ? mean / dd * scale : 0);
    }

    private bool Send(Command command) => SendDecision(command).IsAccepted;

    private Decision SendDecision(Command command)
    {
        var decision = Vault.Decide(_state, command, _now);
        if (decision.Rejection is { } rejection)
        {
            // The keeper asks every step whether a breaker fires or a request is due; "nothing to do" is not a refusal.
            if (rejection.Reason != RejectionReason.NothingToProcess) _result.Rejections[(int)rejection.Reason]++;
            return decision;
        }

        Apply(decision);
        return decision;
    }

    private void Apply(in Decision decision)
    {
        _state.Apply(decision);
        ExternalMoney.Add(_result.ExternalMoney, decision);
        if (_journal is null) return;
        for (int i = 0; i < decision.EventCount; i++) _journal.Add(decision[i]);
    }

    private void Must(Command command)
    {
        var decision = Vault.Decide(_state, command, _now);
        if (decision.Rejection is { } rejection) throw new InvalidOperationException($"simulation setup command {command.GetType().Name} rejected: {rejection}");
        Apply(decision);
    }
}
