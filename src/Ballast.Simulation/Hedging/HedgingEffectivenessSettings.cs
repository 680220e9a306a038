using Ballast.Engine.Hedging;
using Ballast.Simulation.Markets;

namespace Ballast.Simulation.Hedging;

/// <summary>
/// The hedging-effectiveness experiment (issue 6): a vault short a strip of calls and puts on GBM paths, hedged on a
/// <see cref="SimulatedVenue"/> through the engine's <see cref="HedgeRouter"/> and <see cref="HedgeBook"/> by each
/// policy. Defaults: ETH-like spot 2,000, σ = 80 %, r = μ = 0, 30-day options at 0.9/0.95/1/1.05/1.1 × spot, 10 calls
/// and 10 puts short per strike, hourly steps, 500 paths.
/// </summary>
/// <param name="Paths">Number of GBM paths, &gt; 0.</param>
/// <param name="Seed">Run seed.</param>
public sealed record HedgingEffectivenessSettings(int Paths = 500, ulong Seed = 1)
{
    /// <summary>Initial spot, quote per unit, &gt; 0.</summary>
    public double InitialSpot { get; init; } = 2_000;
    /// <summary>GBM and pricing volatility, annualised, &gt; 0 (options are sold at fair value: no edge either way).</summary>
    public double Volatility { get; init; } = 0.8;
    /// <summary>Expiry of the strip, days, &gt; 0.</summary>
    public double ExpiryDays { get; init; } = 30;
    /// <summary>Simulation and hedge-decision step, seconds, &gt; 0 (expiry must be a whole number of steps).</summary>
    public double StepSeconds { get; init; } = 3_600;
    /// <summary>Strikes as multiples of the initial spot.</summary>
    public IReadOnlyList<double> StrikeMultipliers { get; init; } = [0.9, 0.95, 1.0, 1.05, 1.1];
    /// <summary>Calls and puts sold per strike (each), units of underlying.</summary>
    public double ContractsPerStrike { get; init; } = 10;
    /// <summary>True (default): the vault is short the strip (short gamma); false: it bought it (long gamma).</summary>
    public bool VaultIsShort { get; init; } = true;

    /// <summary>+1 when the vault holds the strip long, −1 when short.</summary>
    internal double Side => VaultIsShort ? -1 : 1;
    /// <summary>The hedge venue. Default: 5 bp taker fee, 1 bp half-spread, square-root impact, OU funding, no faults.</summary>
    public SimulatedVenueSettings Venue { get; init; } = new("perp")
    {
        FundingModel = new OrnsteinUhlenbeckFunding(InitialRate: 0.05, LongRunRate: 0.05, MeanReversion: 5, Volatility: 0.2),
    };
    /// <summary>Typical hedge trade used to turn the depth model into the proportional cost λ the band policies see, units.</summary>
    public double TypicalTradeSize { get; init; } = 2;
    /// <summary>Fixed rebalancing intervals to compare, hours.</summary>
    public IReadOnlyList<double> FixedIntervalHours { get; init; } = [1, 2, 4, 8, 12, 24];
    /// <summary>Lyra policy parameters (interaction delay 4 h, threshold 5 units).</summary>
    public LyraHedgeParameters Lyra { get; init; } = new() { HedgeCap = 1e6, InteractionDelaySeconds = 4 * 3_600, DeltaThreshold = 5 };
    /// <summary>Whalley-Wilmott risk aversions γ to run, per quote unit.</summary>
    public IReadOnlyList<double> WhalleyWilmottRiskAversions { get; init; } = [1e-4, 1e-3, 1e-2];
    /// <summary>Gamma-aware policy parameters (band γ = 1e-3).</summary>
    public GammaAwareHedgeParameters GammaAware { get; init; } = new() { Band = new() { RiskAversion = 1e-3, HedgeCap = 1e6 } };

    /// <summary>λ: taker fee + slippage of a <see cref="TypicalTradeSize"/> order, fraction of notional.</summary>
    public double ProportionalCost => Venue.TakerFeeRate + Venue.Depth.SlippageFraction(TypicalTradeSize);

    /// <summary>Number of steps to expiry.</summary>
    public int Steps => (int)Math.Round(ExpiryDays * 86_400 / StepSeconds);

    /// <summary>Checks the settings; <paramref name="message"/> names the bad one.</summary>
    public HedgingEffectivenessError Validate(out string message)
    {
        double[] numbers = [InitialSpot, Volatility, ExpiryDays, StepSeconds, ContractsPerStrike, TypicalTradeSize,
            .. StrikeMultipliers, .. FixedIntervalHours, .. WhalleyWilmottRiskAversions];
        if (numbers.Any(x => !double.IsFinite(x))) { message = "every setting must be finite"; return HedgingEffectivenessError.NotFinite; }
        (bool Failed, string Message)[] checks =
        [
            (Paths <= 0, $"paths must be > 0, got {Paths}"),
            (InitialSpot <= 0 || Volatility <= 0 || ExpiryDays <= 0 || StepSeconds <= 0 || ContractsPerStrike <= 0 || TypicalTradeSize <= 0,
                "spot, volatility, expiry, step, contracts and typical trade size must be > 0"),
            (Math.Abs(ExpiryDays * 86_400 / StepSeconds - Steps) > 1e-9 || Steps < 1, "expiry must be a whole number (>= 1) of steps"),
            (StrikeMultipliers.Count == 0 || StrikeMultipliers.Any(k => k <= 0), "strike multipliers must be non-empty and > 0"),
            (FixedIntervalHours.Any(h => h <= 0), "fixed intervals must be > 0"),
        ];
        foreach (var (failed, text) in checks)
            if (failed) { message = text; return HedgingEffectivenessError.OutOfRange; }
        if (Venue.Validate(out message) != SimulatedVenueError.None) return HedgingEffectivenessError.InvalidVenue;
        var policy = Lyra.Validate();
        if (policy.IsValid) policy = GammaAware.Validate();
        foreach (double gamma in WhalleyWilmottRiskAversions)
            if (policy.IsValid) policy = new WhalleyWilmottParameters { RiskAversion = gamma }.Validate();
        if (!policy.IsValid) { message = policy.Message; return HedgingEffectivenessError.InvalidPolicy; }
        message = "";
        return HedgingEffectivenessError.None;
    }
}
