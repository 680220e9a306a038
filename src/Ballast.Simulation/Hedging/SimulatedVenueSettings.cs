using Ballast.Engine.Hedging;
using Ballast.Simulation.Data;
using Ballast.Simulation.Markets;

namespace Ballast.Simulation.Hedging;

/// <summary>
/// How a <see cref="SimulatedVenue"/> behaves. Every probability is per call (per order for fills and rejections);
/// outages arrive as a Poisson process. Defaults: a liquid perp (5 bp taker, 2 bp maker, 1 bp half-spread), no faults.
/// </summary>
/// <param name="Id">Venue id.</param>
public sealed record SimulatedVenueSettings(string Id)
{
    /// <summary>Taker fee, fraction of notional, ≥ 0. Default 5 bp.</summary>
    public double TakerFeeRate { get; init; } = 0.0005;
    /// <summary>Maker fee, fraction of notional, ≥ 0 (rebates are not modelled). Default 2 bp.</summary>
    public double MakerFeeRate { get; init; } = 0.0002;
    /// <summary>Order-book depth model. Default: 1 bp half-spread, 5 bp impact at 100 units, 1,000 units max per order.</summary>
    public OrderBookDepth Depth { get; init; } = new(0.0001, 0.0005, 100, 1_000);
    /// <summary>Mean order latency, seconds (exponential), ≥ 0. Default 0.2 s.</summary>
    public double MeanLatencySeconds { get; init; } = 0.2;
    /// <summary>Annualised volatility of the mark while an order is in flight (latency slippage), ≥ 0. Default 0.</summary>
    public double LatencyVolatility { get; init; }
    /// <summary>Probability a taker order fills only a uniform fraction of its size, in [0, 1]. Default 0.</summary>
    public double PartialFillProbability { get; init; }
    /// <summary>Probability a maker order is hit (fully) before it is cancelled, in [0, 1]. Default 0.5.</summary>
    public double MakerFillProbability { get; init; } = 0.5;
    /// <summary>Probability an order is rejected, in [0, 1]. Default 0.</summary>
    public double RejectionProbability { get; init; }
    /// <summary>Outage arrival rate, per day, ≥ 0. Default 0.</summary>
    public double OutagesPerDay { get; init; }
    /// <summary>Mean outage length, seconds (exponential), &gt; 0. Default 600.</summary>
    public double MeanOutageSeconds { get; init; } = 600;
    /// <summary>Probability a quote or fill carries a NaN price (a faulty feed), in [0, 1]. Default 0.</summary>
    public double InvalidPriceProbability { get; init; }
    /// <summary>Probability the funding feed reports a rate that was set three periods ago (stuck feed), in [0, 1]. Default 0.</summary>
    public double StaleFundingProbability { get; init; }
    /// <summary>Funding period, seconds, &gt; 0. Default 8 h.</summary>
    public double FundingIntervalSeconds { get; init; } = 8 * 3_600;
    /// <summary>Funding model stepped once per period; used when <see cref="FundingSeries"/> is null. Null and no series = zero funding.</summary>
    public OrnsteinUhlenbeckFunding? FundingModel { get; init; }
    /// <summary>Funding rates from data (e.g. <see cref="FundingRateCsvReader"/>), oldest first; the latest point at or before a period's start applies.</summary>
    public IReadOnlyList<FundingRatePoint>? FundingSeries { get; init; }

    /// <summary>
    /// A fault-free venue whose only cost is <paramref name="costRate"/> of traded notional (taker fee; no spread, impact,
    /// latency or funding): the scenario runner's default, so a hedger's λ is exactly what its fills cost.
    /// </summary>
    /// <param name="id">Venue id.</param>
    /// <param name="costRate">Taker fee, fraction of notional, ≥ 0.</param>
    public static SimulatedVenueSettings ProportionalCost(string id, double costRate) => new(id)
    {
        TakerFeeRate = costRate, MakerFeeRate = 0, Depth = new OrderBookDepth(0, 0, 1, 1e12), MeanLatencySeconds = 0,
    };

    /// <summary>Checks the settings; <paramref name="message"/> names the bad one.</summary>
    public SimulatedVenueError Validate(out string message)
    {
        (string Name, double Value)[] finite =
        [
            ("taker fee", TakerFeeRate), ("maker fee", MakerFeeRate), ("mean latency", MeanLatencySeconds),
            ("latency volatility", LatencyVolatility), ("partial-fill probability", PartialFillProbability),
            ("maker fill probability", MakerFillProbability), ("rejection probability", RejectionProbability),
            ("outages per day", OutagesPerDay), ("mean outage", MeanOutageSeconds),
            ("invalid-price probability", InvalidPriceProbability), ("stale-funding probability", StaleFundingProbability),
            ("funding interval", FundingIntervalSeconds),
        ];
        foreach (var (name, value) in finite)
        {
            if (!double.IsFinite(value)) { message = $"{name} must be finite, got {value}"; return SimulatedVenueError.NotFinite; }
            if (value < 0) { message = $"{name} must be >= 0, got {value}"; return SimulatedVenueError.OutOfRange; }
        }
        foreach (var (name, value) in finite.Where(f => f.Name.EndsWith("probability", StringComparison.Ordinal)))
            if (value > 1) { message = $"{name} must be <= 1, got {value}"; return SimulatedVenueError.OutOfRange; }
        if (string.IsNullOrEmpty(Id)) { message = "venue id must not be empty"; return SimulatedVenueError.OutOfRange; }
        if (!Depth.IsValid) { message = $"depth model is invalid: {Depth}"; return SimulatedVenueError.OutOfRange; }
        if (MeanOutageSeconds <= 0 || FundingIntervalSeconds <= 0)
        {
            message = "mean outage and funding interval must be > 0";
            return SimulatedVenueError.OutOfRange;
        }
        if (FundingModel is { } model && model.Validate(out string modelMessage) != MarketModelError.None)
        {
            message = $"funding model: {modelMessage}";
            return SimulatedVenueError.InvalidFundingModel;
        }
        message = "";
        return SimulatedVenueError.None;
    }
}
