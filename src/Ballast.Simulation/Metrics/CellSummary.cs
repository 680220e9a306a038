using Ballast.Engine;
using Ballast.Simulation.Flow;

namespace Ballast.Simulation.Metrics;

/// <summary>
/// Statistics of one scenario cell across paths, reduced in path-index order (so identical for any thread count).
/// Money in quote units; VaR and ES are losses (positive = loss) of final PnL at 99% across paths.
/// </summary>
public sealed class CellSummary
{
    /// <summary>Paths.</summary>
    public int Paths { get; init; }
    /// <summary>Mean final PnL.</summary>
    public double PnlMean { get; init; }
    /// <summary>Sample s.d. of final PnL.</summary>
    public double PnlStd { get; init; }
    /// <summary>Mean LP return (NAV per unit − 1).</summary>
    public double LpReturnMean { get; init; }
    /// <summary>Sample s.d. of LP return.</summary>
    public double LpReturnStd { get; init; }
    /// <summary>Mean annualised Sharpe ratio of the paths.</summary>
    public double SharpeMean { get; init; }
    /// <summary>Mean annualised Sortino ratio of the paths.</summary>
    public double SortinoMean { get; init; }
    /// <summary>Mean of the paths' max drawdowns.</summary>
    public double MaxDrawdownMean { get; init; }
    /// <summary>Largest max drawdown of any path.</summary>
    public double MaxDrawdownWorst { get; init; }
    /// <summary>99% value at risk of final PnL: the loss exceeded by at most 1% of paths (empirical quantile).</summary>
    public double ValueAtRisk99 { get; init; }
    /// <summary>99% expected shortfall: mean loss of the paths at or beyond the VaR.</summary>
    public double ExpectedShortfall99 { get; init; }
    /// <summary>Fraction of paths that went insolvent.</summary>
    public double InsolvencyProbability { get; init; }
    /// <summary>Mean utilisation over steps and paths.</summary>
    public double UtilisationMean { get; init; }
    /// <summary>Largest utilisation of any path.</summary>
    public double UtilisationMax { get; init; }
    /// <summary>Mean PnL by <see cref="PnlComponent"/>.</summary>
    public double[] ComponentMeans { get; init; } = [];
    /// <summary>Mean accepted trades per path by <see cref="TraderType"/>.</summary>
    public double[] TradesMean { get; init; } = [];
    /// <summary>Mean options traded per path by <see cref="TraderType"/>.</summary>
    public double[] VolumeMean { get; init; } = [];
    /// <summary>Vault markout per trade by <see cref="TraderType"/> (negative = adverse selection), quote.</summary>
    public double[] MarkoutPerTrade { get; init; } = [];
    /// <summary>Total rejections over all paths by reason (only reasons that occurred), ordered by enum value.</summary>
    public IReadOnlyList<(RejectionReason Reason, long Count)> Rejections { get; init; } = [];
    /// <summary>Mean LP deposits per path after the start (processed), quote.</summary>
    public double DepositsMean { get; init; }
    /// <summary>Mean LP withdrawal payouts per path, quote.</summary>
    public double WithdrawalsMean { get; init; }
    /// <summary>Mean accepted queued LP deposit requests per path.</summary>
    public double LpDepositRequestsMean { get; init; }
    /// <summary>Mean accepted queued LP withdrawal requests per path.</summary>
    public double LpWithdrawalRequestsMean { get; init; }
    /// <summary>Mean share-price return of each tranche (senior, junior) over the run.</summary>
    public double[] TrancheReturnMeans { get; init; } = [];
    /// <summary>Worst (lowest) share-price return of each tranche over the paths.</summary>
    public double[] TrancheReturnWorst { get; init; } = [];
    /// <summary>Mean fraction of steps with a pool circuit breaker active.</summary>
    public double BreakerTimeMean { get; init; }
    /// <summary>Mean hedge trades per path.</summary>
    public double HedgeTradesMean { get; init; }
    /// <summary>Mean boards settled per path.</summary>
    public double BoardsSettledMean { get; init; }
    /// <summary>Mean final net delta.</summary>
    public double FinalNetDeltaMean { get; init; }
    /// <summary>Mean final gross inventory, options.</summary>
    public double FinalGrossInventoryMean { get; init; }
    /// <summary>Mean accepted margin-trader sells per path.</summary>
    public double MarginTradesMean { get; init; }
    /// <summary>Mean accepted liquidation steps per path.</summary>
    public double LiquidationsMean { get; init; }
    /// <summary>Mean insolvent accounts per path.</summary>
    public double InsolvenciesMean { get; init; }
    /// <summary>Mean liquidation penalties per path, quote.</summary>
    public double LiquidationPenaltiesMean { get; init; }
    /// <summary>Mean insurance fund payout per path, quote.</summary>
    public double InsuranceFundUsedMean { get; init; }
    /// <summary>Mean bad debt socialised to LPs per path, quote.</summary>
    public double BadDebtMean { get; init; }
    /// <summary>Engine state hash at the end of path 0.</summary>
    public string FirstPathStateHash { get; init; } = "";

    /// <summary>Reduces path results in index order.</summary>
    public static CellSummary Of(IReadOnlyList<PathResult> paths)
    {
        int n = paths.Count, types = Enum.GetValues<TraderType>().Length, components = Enum.GetValues<PnlComponent>().Length;
        var pnl = new double[n];
        var lp = new double[n];
        double sharpe = 0, sortino = 0, dd = 0, ddWorst = 0, insolvent = 0, util = 0, utilMax = 0, deposits = 0, settled = 0, hedges = 0, delta = 0, gross = 0;
        var comp = new double[components];
        var trades = new double[types];
        var volume = new double[types];
        var markout = new double[types];
        var rejections = new long[64];
        for (int i = 0; i < n; i++)
        {
            var p = paths[i];
            pnl[i] = p.Pnl;
            lp[i] = p.LpReturn;
            sharpe += p.Sharpe;
            sortino += p.Sortino;
            dd += p.MaxDrawdown;
            ddWorst = Math.Max(ddWorst, p.MaxDrawdown);
            insolvent += p.Insolvent ? 1 : 0;
            util += p.UtilisationMean;
            utilMax = Math.Max(utilMax, p.UtilisationMax);
            deposits += p.Deposits;
            settled += p.BoardsSettled;
            hedges += p.HedgeTrades;
            delta += p.FinalNetDelta;
            gross += p.FinalGrossInventory;
            for (int c = 0; c < components; c++) comp[c] += p.Components[c];
            for (int t = 0; t < types; t++)
            {
                trades[t] += p.Trades[t];
                volume[t] += p.Volume[t];
                markout[t] += p.Markout[t];
            }

            for (int r = 0; r < rejections.Length; r++) rejections[r] += p.Rejections[r];
        }

        var markoutPerTrade = new double[types];
        for (int t = 0; t < types; t++) markoutPerTrade[t] = trades[t] > 0 ? markout[t] / trades[t] : 0;
        var pnlStats = Runner.SampleStatistics.Of(pnl);
        var lpStats = Runner.SampleStatistics.Of(lp);
        (double var99, double es99) = TailLoss(pnl, 0.99);
        var reasons = new List<(RejectionReason, long)>();
        for (int r = 0; r < rejections.Length; r++)
        {
            if (rejections[r] > 0) reasons.Add(((RejectionReason)r, rejections[r]));
        }

        return new CellSummary
        {
            Paths = n,
            PnlMean = pnlStats.Mean,
            PnlStd = pnlStats.StandardDeviation,
            LpReturnMean = lpStats.Mean,
            LpReturnStd = lpStats.StandardDeviation,
            SharpeMean = sharpe / n,
            SortinoMean = sortino / n,
            MaxDrawdownMean = dd / n,
            MaxDrawdownWorst = ddWorst,
            ValueAtRisk99 = var99,
            ExpectedShortfall99 = es99,
            InsolvencyProbability = insolvent / n,
            UtilisationMean = util / n,
            UtilisationMax = utilMax,
            ComponentMeans = [.. comp.Select(c => c / n)],
            TradesMean = [.. trades.Select(t => t / n)],
            VolumeMean = [.. volume.Select(v => v / n)],
            MarkoutPerTrade = markoutPerTrade,
            Rejections = reasons,
            DepositsMean = deposits / n,
            BoardsSettledMean = settled / n,
            HedgeTradesMean = hedges / n,
            FinalNetDeltaMean = delta / n,
            FinalGrossInventoryMean = gross / n,
            MarginTradesMean = paths.Sum(p => (double)p.MarginTrades) / n,
            LiquidationsMean = paths.Sum(p => (double)p.Liquidations) / n,
            InsolvenciesMean = paths.Sum(p => (double)p.Insolvencies) / n,
            LiquidationPenaltiesMean = Mean(paths, p => p.LiquidationPenalties),
            InsuranceFundUsedMean = Mean(paths, p => p.InsuranceFundUsed),
            BadDebtMean = Mean(paths, p => p.BadDebt),
            WithdrawalsMean = Mean(paths, p => p.Withdrawals),
            LpDepositRequestsMean = Mean(paths, p => p.LpDepositRequests),
            LpWithdrawalRequestsMean = Mean(paths, p => p.LpWithdrawalRequests),
            TrancheReturnMeans = [.. Enumerable.Range(0, 2).Select(k => Mean(paths, p => p.TrancheReturns[k]))],
            TrancheReturnWorst = [.. Enumerable.Range(0, 2).Select(k => n > 0 ? paths.Min(p => p.TrancheReturns[k]) : 0)],
            BreakerTimeMean = Mean(paths, p => p.BreakerTime),
            FirstPathStateHash = n > 0 ? paths[0].FinalStateHash : "",
        };
    }

    /// <summary>Mean in path-index order (the same sum for any thread count).</summary>
    private static double Mean(IReadOnlyList<PathResult> paths, Func<PathResult, double> value)
    {
        double sum = 0;
        for (int i = 0; i < paths.Count; i++) sum += value(paths[i]);
        return paths.Count > 0 ? sum / paths.Count : 0;
    }

    /// <summary>
    /// Empirical VaR and ES of losses L = −PnL at <paramref name="level"/>: VaR is the ⌈level·n⌉-th smallest loss, ES the
    /// mean of the losses from there up (Acerbi &amp; Tasche 2002, the discrete estimator without the fractional weight).
    /// </summary>
    internal static (double ValueAtRisk, double ExpectedShortfall) TailLoss(double[] pnl, double level)
    {
        if (pnl.Length == 0) return (0, 0);
        var losses = pnl.Select(x => -x).Order().ToArray();
        int index = Math.Clamp((int)Math.Ceiling(level * losses.Length) - 1, 0, losses.Length - 1);
        double sum = 0;
        for (int i = index; i < losses.Length; i++) sum += losses[i];
        return (losses[index], sum / (losses.Length - index));
    }
}
