namespace Ballast.Engine.Pool;

/// <summary>
/// LP reporting as pure functions over the pool's marked history (<see cref="TranchePool.History"/>): per-tranche
/// share-price series, annualised yield over a window, maximum drawdown, and PnL attribution sums. Yields and drawdowns
/// are report numbers (double); the attribution sums stay exact (decimal).
/// </summary>
public static class PoolReport
{
    /// <summary>The share-price series of the tranche at <paramref name="seniority"/> (0 = most senior), oldest first.</summary>
    /// <param name="history">Marks, oldest first.</param>
    /// <param name="seniority">Tranche index in seniority order.</param>
    public static SharePricePoint[] SharePrices(IReadOnlyList<PoolMark> history, int seniority)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Where(m => seniority >= 0 && seniority < m.SharePrices.Count)
            .Select(m => new SharePricePoint(m.Time, m.SharePrices[seniority])).ToArray();
    }

    /// <summary>
    /// Compound annual growth of the share price over the trailing window ending at the last point:
    /// APY = (P_end / P_start)^(year / Δt) − 1, with P_start the last price at or before end − window (or the first point)
    /// and year = 365 days. Null when fewer than two points span the window, Δt is 0, P_start is 0, or the annualised number
    /// is not finite (a gain over a few seconds raised to the power year/Δt overflows a double: no NaN or ∞ in a report).
    /// </summary>
    /// <param name="series">Share prices, oldest first.</param>
    /// <param name="windowSeconds">Window length in seconds, &gt; 0.</param>
    /// <returns>APY as a ratio (0.05 = 5 %), or null.</returns>
    public static double? Apy(IReadOnlyList<SharePricePoint> series, long windowSeconds)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < 2 || windowSeconds <= 0) return null;
        var end = series[^1];
        long from = end.Time - windowSeconds;
        var start = series[0];
        foreach (var p in series)
        {
            if (p.Time <= from) start = p;
            else break;
        }

        long dt = end.Time - start.Time;
        if (dt <= 0 || start.SharePrice <= 0) return null;
        double growth = (double)(end.SharePrice / start.SharePrice);
        double apy = Math.Pow(growth, (double)PoolParameters.SecondsPerYear / dt) - 1;
        return double.IsFinite(apy) ? apy : null;
    }

    /// <summary>Maximum drawdown: max over t of 1 − P_t / max_{s ≤ t} P_s (ratio in [0, 1]); 0 for an empty or rising series.</summary>
    /// <param name="series">Share prices, oldest first.</param>
    public static double MaxDrawdown(IReadOnlyList<SharePricePoint> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        decimal peak = 0;
        double worst = 0;
        foreach (var p in series)
        {
            if (p.SharePrice > peak) peak = p.SharePrice;
            if (peak > 0) worst = Math.Max(worst, (double)(1m - p.SharePrice / peak));
        }

        return worst;
    }

    /// <summary>Sum of the PnL attribution of marks with from &lt; time ≤ to (each mark covers the period ending at it).</summary>
    /// <param name="history">Marks, oldest first.</param>
    /// <param name="from">Start, Unix seconds (exclusive).</param>
    /// <param name="to">End, Unix seconds (inclusive).</param>
    public static PnlAttribution Attribution(IReadOnlyList<PoolMark> history, long from, long to)
    {
        ArgumentNullException.ThrowIfNull(history);
        var total = default(PnlAttribution);
        foreach (var m in history)
        {
            if (m.Time > from && m.Time <= to) total += m.Attribution;
        }

        return total;
    }
}
