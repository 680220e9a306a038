#pragma warning disable CS1591
namespace Ballast.Engine.Parameters;
// TEMPORARY STUB (engine-core): replaced by the engine-quoting branch on merge.
public sealed record VaultParameters
{
    public static VaultParameters Default { get; } = new();
    public double StandardSize { get; init; } = 100;
    public double SkewAdjustmentFactor { get; init; } = 0.75;
    public double MinBaseIv { get; init; } = 0.35;
    public double MaxBaseIv { get; init; } = 3.0;
    public double MinSkew { get; init; } = 0.7;
    public double MaxSkew { get; init; } = 1.5;
    public double MinVol { get; init; } = 0.35;
    public double MaxVol { get; init; } = 3.0;
    public double MinDelta { get; init; } = 0.15;
    public double TradingCutoffSeconds { get; init; } = 43200;
    public double RiskFreeRate { get; init; } = 0.0;
    public double IvGwavPeriodSeconds { get; init; } = 6 * 3600;
    public double SkewGwavPeriodSeconds { get; init; } = 6 * 3600;
    public double ShortVolShock { get; init; } = 1.2;
    public double ShortPostCutoffVolShock { get; init; } = 1.4;
    public double LongVolShock { get; init; } = 0.8;
    public double LongPostCutoffVolShock { get; init; } = 0.5;
    public double StaleUpdateDurationSeconds { get; init; } = 3 * 3600;
    public double AcceptableSpotPricePercentMove { get; init; } = 0.05;
    public double OracleMaxAgeSeconds { get; init; } = 600;
    public double MinOracleConfidence { get; init; } = 0.9;
    public double MaxOracleDeviation { get; init; } = 0.02;
    public double MaxSeriesNetDelta { get; init; } = 0;
    public double MaxSeriesNetStdVega { get; init; } = 0;
    public double MaxGlobalNetDelta { get; init; } = 0;
    public double MaxGlobalNetStdVega { get; init; } = 0;
    public double QuoteLifetimeSeconds { get; init; } = 30;
    public bool TryWith(string name, double value, out VaultParameters updated, out string? error)
    { updated = this; error = null; return true; }
}
