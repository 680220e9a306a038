using Ballast.Engine.Markets;
using Ballast.Simulation.Data;
using Ballast.Simulation.Markets;

namespace Ballast.Simulation.Scenarios;

/// <summary>
/// Ready scenarios. Synthetic ones run an ETH-like market (spot 3,000, 80% vol, matching the engine's default
/// <c>spotVolatility</c>) for 90 days of hourly steps with weekly 4-week boards of five strikes.
/// </summary>
public static class ScenarioPresets
{
    /// <summary>Spot of the synthetic presets, quote units.</summary>
    public const double SyntheticSpot = 3000;

    /// <summary>Volatility of the synthetic presets, per √year.</summary>
    public const double SyntheticVol = 0.8;

    /// <summary>The default scenario of <c>ballast simulate</c> without arguments: calm GBM, default vault and flow.</summary>
    public static ScenarioSettings Default() => Calm() with { Name = "default" };

    /// <summary>Calm: driftless GBM at 80% vol, balanced flow.</summary>
    public static ScenarioSettings Calm() => new()
    {
        Name = "calm",
        Market = new ModelMarket(new GeometricBrownianMotion(SyntheticSpot, 0.0, SyntheticVol), SyntheticVol),
    };

    /// <summary>
    /// Crash: −30% over a day on day 30, vol tripling and decaying with a one-week half-life. Eight margined option sellers
    /// (half standard, half portfolio margin) and a keeper run alongside, so the crash liquidates someone.
    /// </summary>
    public static ScenarioSettings Crash() => Calm() with
    {
        Name = "crash",
        Margin = new Flow.MarginFlowSettings { Traders = 8 },
        Market = new ModelMarket(new CrashScenario(SyntheticSpot, SyntheticVol, CrashStartYears: 30.0 / 365), SyntheticVol),
    };

    /// <summary>Toxic flow: calm market, but informed traders arrive eight times as often and noise traders half as often.</summary>
    public static ScenarioSettings ToxicFlow() => Calm() with
    {
        Name = "toxic-flow",
        Flow = new Flow.OrderFlowSettings { InformedIntensity = 4, NoiseIntensity = 2 },
    };

    /// <summary>
    /// Real hourly BTC (Coinbase, 2017-07 to 2019-10) replayed close to close; the vol oracle is the trailing 30-day
    /// realised vol. Capital scaled to BTC prices; strikes listed around each week's spot.
    /// </summary>
    /// <param name="candles">Hourly candles, oldest first.</param>
    public static ScenarioSettings Btc20172019(IReadOnlyList<Candle> candles)
    {
        double[] spots = CandleReplay.ClosePath(candles);
        return new ScenarioSettings
        {
            Name = "btc-2017-2019",
            Market = new ReplayMarket(spots, 24 * 30, SyntheticVol),
            MarketDefinition = new MarketDefinition("BTC", "USDC", SettlementStyle.Linear),
            Steps = Math.Max(spots.Length - 1, 0),
            StartTime = candles.Count > 0 ? new DateTimeOffset(candles[0].OpenTimeUtc, TimeSpan.Zero).ToUnixTimeSeconds() : 0,
            Paths = 4,
            InitialCapital = 50_000_000m,
            Flow = new Flow.OrderFlowSettings { NoiseSizeMean = 0.5, InformedSizeMean = 1, ArbitrageSizeMean = 0.75 },
        };
    }

    /// <summary>
    /// Throughput scenario for measurement: one year of hourly steps, weekly boards of ten strikes with a five-week tenor
    /// (so about 100 series are live), noise flow tuned to about 10,000 fills a year, one path.
    /// </summary>
    public static ScenarioSettings Throughput() => Calm() with
    {
        Name = "throughput",
        Steps = 24 * 365,
        Paths = 1,
        BoardTenorHours = 35 * 24,
        Moneyness = [0.9, 0.92, 0.94, 0.96, 0.98, 1.0, 1.02, 1.04, 1.06, 1.08],
        Flow = new Flow.OrderFlowSettings { NoiseIntensity = 3.5, NoiseEdgeDecay = 6 },
    };

    /// <summary>Preset names known to <see cref="TryCreateSynthetic"/>.</summary>
    public static IReadOnlyList<string> SyntheticNames { get; } = ["calm", "crash", "toxic-flow", "throughput"];

    /// <summary>A synthetic preset by name; false when unknown.</summary>
    public static bool TryCreateSynthetic(string name, out ScenarioSettings settings)
    {
        ScenarioSettings? s = name switch { "calm" => Calm(), "crash" => Crash(), "toxic-flow" => ToxicFlow(), "throughput" => Throughput(), "default" => Default(), _ => null };
        settings = s!;
        return s is not null;
    }
}
