using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.State;

namespace Ballast.Engine.Pool;

/// <summary>
/// Replays a vault's events and records the LP history the issue 5 report needs: each tranche's share price after every
/// pool event and at every UTC midnight in between (valued with the state in force then), and the PnL attribution of
/// each period. Feed it every event in ledger order with <see cref="Apply"/>, then call <see cref="Build"/>.
/// </summary>
/// <remarks>
/// Attribution splits the change of pool equity (NAV − deficit, quote) between two samples into LP flows and PnL:
/// processed deposits and capital deposits are flows; a processed withdrawal is a flow of its gross value
/// (payout + fee) with the fee kept by the pool counted as fee income; a trade's fees are fee income and the rest of
/// the equity change it causes (premium against the book's GWAV value) is option PnL; hedge events and the change of
/// the hedge positions' mark on any other event are hedge PnL; everything else (spot and vol moves, time decay,
/// settlement, liquidations) is option PnL. So fee + option + hedge = Δequity − flows exactly, by construction.
/// </remarks>
public sealed class PoolReportBuilder
{
    private const long Day = PoolParameters.Day;
    private readonly List<PoolMark> _marks = [];
    private decimal _equity;
    private long _lastSample = long.MinValue;
    private PnlAttribution _pending;

    /// <summary>The replayed vault state (after the last event applied).</summary>
    public VaultState State { get; } = new();

    /// <summary>Pool open time, Unix seconds, or null before <see cref="PoolOpened"/>.</summary>
    public long? Inception { get; private set; }

    /// <summary>Marks recorded so far, oldest first (share prices in seniority order, attribution of the period ending at each).</summary>
    public IReadOnlyList<PoolMark> Marks => _marks;

    /// <summary>Applies one event to <see cref="State"/> and records what it did to the pool.</summary>
    /// <param name="e">The next event in ledger order.</param>
    public void Apply(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (Inception is null)
        {
            State.Apply(e);
            if (e is PoolOpened opened)
            {
                Inception = opened.Time;
                _equity = Equity(opened.Time) ?? 0m;
                Sample(opened.Time);
            }

            return;
        }

        SampleDailyBefore(e.Time);
        Drift(e.Time);
        decimal hedgeBefore = HedgeMark();
        State.Apply(e);
        decimal after = Equity(e.Time) ?? _equity;
        decimal change = after - _equity;
        _equity = after;
        var (flows, fees) = FlowsAndFees(e);
        decimal hedge = e is HedgeFillBooked or HedgeFundingBooked ? change - flows - fees : HedgeMark() - hedgeBefore;
        _pending += new PnlAttribution(fees, change - flows - fees - hedge, hedge);
        if (e is PoolEvent) Sample(e.Time);
    }

    /// <summary>The report at <paramref name="now"/>: samples the remaining midnights and <paramref name="now"/>, then summarises.
    /// Call it once, after the last event (it records those samples).</summary>
    /// <param name="now">Unix seconds, not before the last event.</param>
    public PoolReportSummary Build(long now)
    {
        if (Inception is not long inception || State.Pool is not { } pool) return PoolReportSummary.NotOpen(now);
        SampleDailyBefore(now);
        Drift(now);
        if (_marks[^1].Time < now || _pending != default) Sample(now);
        var tranches = pool.Tranches.Select((t, i) =>
        {
            var series = PoolReport.SharePrices(_marks, i);
            return new PoolReportSummary.TrancheReport(t.Name, t.Config.Priority, series.Length > 0 ? series[^1].SharePrice : 0m,
                PoolReport.Apy(series, 7 * Day), PoolReport.Apy(series, 30 * Day), PoolReport.Apy(series, Math.Max(now - inception, 0)),
                PoolReport.MaxDrawdown(series), series);
        }).ToArray();
        return new PoolReportSummary(true, now, inception, _marks[^1].Nav, tranches,
            PoolReport.Attribution(_marks, long.MinValue, now), PoolReport.Attribution(_marks, now - 7 * Day, now),
            PoolReport.Attribution(_marks, now - 30 * Day, now));
    }

    /// <summary>Pool equity (NAV − deficit) at <paramref name="time"/> with the parameters in force, or null when NAV is not computable.</summary>
    private decimal? Equity(long time)
    {
        var nav = State.PoolNav(time, State.ParametersAt(time, out _));
        return nav.IsValid ? nav.Nav - nav.Deficit : null;
    }

    private decimal HedgeMark() => State.HasSpot ? State.HedgeValue((decimal)State.Spot) : 0m;

    /// <summary>Time passing with the state unchanged (senior accrual aside, GWAV and time decay move the book): option PnL.</summary>
    private void Drift(long time)
    {
        decimal now = Equity(time) ?? _equity;
        _pending += new PnlAttribution(0m, now - _equity, 0m);
        _equity = now;
    }

    private void SampleDailyBefore(long time)
    {
        for (long midnight = (_lastSample / Day + 1) * Day; midnight < time; midnight += Day)
        {
            Drift(midnight);
            Sample(midnight);
        }
    }

    private void Sample(long time)
    {
        var pool = State.Pool!;
        decimal nav = Math.Max(_equity, 0m);
        var prices = pool.Claims(nav, time).Select(c => c.SharePrice).ToArray();
        _marks.Add(new PoolMark(time, nav, prices, _pending));
        _pending = default;
        _lastSample = time;
    }

    /// <summary>LP and capital flows (quote, signed into the pool) and fee income carried by one event.</summary>
    private (decimal Flows, decimal Fees) FlowsAndFees(Event e)
    {
        switch (e)
        {
            case PoolEventBatch batch:
            {
                decimal flows = 0m, fees = 0m;
                foreach (var change in batch.Changes)
                {
                    var (f, x) = FlowsAndFees(change);
                    flows += f;
                    fees += x;
                }

                return (flows, fees);
            }
            case DepositProcessed d: return (d.Amount, 0m);
            case WithdrawalProcessed w: return (-(w.Payout + w.Fee), w.Fee);
            case CapitalDeposited c: return (c.Asset == Asset.Quote ? c.Amount : c.Amount * (decimal)State.Spot, 0m);
            case TradeExecuted t: return (0m, State.Market!.PaymentAsset == Asset.Quote ? t.Fees : t.Fees * (decimal)State.Spot);
            default: return (0m, 0m);
        }
    }
}
