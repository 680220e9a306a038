namespace Ballast.Engine.Pool;

/// <summary>
/// The LP report of issue 5 at one time, built by <see cref="PoolReportBuilder"/>: per tranche the share price now, APY
/// over 7 days, 30 days and since inception (<see cref="PoolReport.Apy"/>), maximum drawdown and the sampled share-price
/// history; for the pool the PnL attribution (fee income, option PnL, hedge PnL) over the same windows.
/// </summary>
/// <param name="IsOpen">False before the pool is open: every other field is then empty or zero.</param>
/// <param name="Time">Report time, Unix seconds.</param>
/// <param name="Inception">Pool open time, Unix seconds.</param>
/// <param name="Nav">NAV at <paramref name="Time"/>, quote.</param>
/// <param name="Tranches">Tranches, most senior first.</param>
/// <param name="SinceInception">Attribution since the pool opened, quote.</param>
/// <param name="Last7Days">Attribution of the marks in the last 7 days, quote.</param>
/// <param name="Last30Days">Attribution of the marks in the last 30 days, quote.</param>
public sealed record PoolReportSummary(bool IsOpen, long Time, long Inception, decimal Nav, IReadOnlyList<PoolReportSummary.TrancheReport> Tranches,
    PnlAttribution SinceInception, PnlAttribution Last7Days, PnlAttribution Last30Days)
{
    /// <summary>One tranche's report.</summary>
    /// <param name="Name">Tranche name.</param>
    /// <param name="Priority">0 = most senior.</param>
    /// <param name="SharePrice">Share price now, quote per share.</param>
    /// <param name="Apy7Days">APY over the last 7 days (ratio), or null when the history is too short.</param>
    /// <param name="Apy30Days">APY over the last 30 days (ratio), or null.</param>
    /// <param name="ApySinceInception">APY since the pool opened (ratio), or null.</param>
    /// <param name="MaxDrawdown">Largest fall from a previous peak (ratio in [0, 1]).</param>
    /// <param name="History">Sampled share prices, oldest first: at every pool event, every UTC midnight and the report time.</param>
    public sealed record TrancheReport(string Name, int Priority, decimal SharePrice, double? Apy7Days, double? Apy30Days, double? ApySinceInception,
        double MaxDrawdown, IReadOnlyList<SharePricePoint> History);

    /// <summary>The report of a vault whose pool is not open.</summary>
    /// <param name="now">Unix seconds.</param>
    public static PoolReportSummary NotOpen(long now) => new(false, now, 0, 0m, [], default, default, default);
}
