namespace Ballast.Engine.Hedging;

/// <summary>Router settings. Defaults are Ballast's own.</summary>
public sealed record HedgeRouterSettings
{
    /// <summary>Horizon over which funding carry is charged when comparing venues. Default 1 day.</summary>
    public TimeSpan FundingHorizon { get; init; } = TimeSpan.FromDays(1);
    /// <summary>Back-off after a venue's first failure; doubles per consecutive failure. Default 5 s.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Longest back-off. Default 5 min.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Oldest acceptable quote. Default 10 s.</summary>
    public TimeSpan MaxQuoteAge { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Oldest acceptable funding rate (venues update it at least this often). Default 1 h.</summary>
    public TimeSpan MaxFundingAge { get; init; } = TimeSpan.FromHours(1);
    /// <summary>Number of slices a hedge is cut into when splitting it across venues, ≥ 1. Default 20.</summary>
    public int Slices { get; init; } = 20;
    /// <summary>Lot size: orders are whole multiples, units of underlying, &gt; 0. Default 0.001.</summary>
    public decimal LotSize { get; init; } = 0.001m;
}
