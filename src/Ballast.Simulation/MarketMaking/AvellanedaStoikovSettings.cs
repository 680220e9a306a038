namespace Ballast.Simulation.MarketMaking;

/// <summary>
/// Parameters of the Avellaneda &amp; Stoikov (2008) §3.3 experiment; defaults are the paper's
/// (s₀ = 100, T = 1, σ = 2, dt = 0.005, A = 140, k = 1.5, q₀ = 0, 1,000 paths). Price units are the paper's
/// (dollars), time units its unit horizon T.
/// </summary>
/// <param name="RiskAversion">γ per price unit (the paper's tables use 0.01, 0.1, 0.5).</param>
/// <param name="Paths">Number of simulated paths.</param>
/// <param name="Seed">Run seed; path i uses the stream (Seed, i).</param>
public sealed record AvellanedaStoikovSettings(double RiskAversion, int Paths = 1000, ulong Seed = 1)
{
    /// <summary>Initial mid s₀, price units.</summary>
    public double InitialMid { get; init; } = 100.0;

    /// <summary>Horizon T, time units.</summary>
    public double Horizon { get; init; } = 1.0;

    /// <summary>σ, price units per √(time unit); the mid moves ±σ√dt per step.</summary>
    public double Volatility { get; init; } = 2.0;

    /// <summary>Step dt, time units.</summary>
    public double TimeStep { get; init; } = 0.005;

    /// <summary>A, fills per time unit at zero distance from the mid.</summary>
    public double ArrivalIntensity { get; init; } = 140.0;

    /// <summary>k, per price unit: fill intensity λ(δ) = A·e^(−kδ).</summary>
    public double IntensityDecay { get; init; } = 1.5;

    /// <summary>Starting inventory q₀, units.</summary>
    public double InitialInventory { get; init; }

    /// <summary>Order of fill decision and mid move inside a step (default: fills against the moved mid).</summary>
    public FillTiming FillTiming { get; init; } = FillTiming.AfterMidMove;

    /// <summary>Number of steps, round(T / dt).</summary>
    public int Steps => (int)Math.Round(Horizon / TimeStep);

    /// <summary>Checks every parameter; the message names the first bad one.</summary>
    public AvellanedaStoikovSettingsError Validate(out string message)
    {
        (double Value, string Name)[] finite =
        [
            (RiskAversion, "gamma"), (InitialMid, "s0"), (Horizon, "T"), (Volatility, "sigma"), (TimeStep, "dt"),
            (ArrivalIntensity, "A"), (IntensityDecay, "k"), (InitialInventory, "q0"),
        ];
        foreach (var (value, name) in finite)
        {
            if (!double.IsFinite(value)) { message = $"{name} must be finite, got {value}"; return AvellanedaStoikovSettingsError.NotFinite; }
        }

        (bool Failed, AvellanedaStoikovSettingsError Error, string Message)[] rules =
        [
            (RiskAversion <= 0, AvellanedaStoikovSettingsError.NonPositiveRiskAversion, $"gamma must be > 0, got {RiskAversion}"),
            (Paths < 1, AvellanedaStoikovSettingsError.NonPositivePaths, $"paths must be >= 1, got {Paths}"),
            (InitialMid <= 0 || Horizon <= 0 || TimeStep <= 0 || TimeStep > Horizon || ArrivalIntensity <= 0 || IntensityDecay <= 0,
                AvellanedaStoikovSettingsError.NonPositiveParameter, "s0, T, dt (<= T), A and k must be > 0"),
            (Volatility < 0, AvellanedaStoikovSettingsError.NegativeVolatility, $"sigma must be >= 0, got {Volatility}"),
            (ArrivalIntensity * TimeStep > 1, AvellanedaStoikovSettingsError.TimeStepTooLong,
                $"A·dt = {ArrivalIntensity * TimeStep} > 1: a fill probability per step cannot exceed 1; shorten dt"),
        ];
        foreach (var (failed, error, text) in rules)
        {
            if (failed) { message = text; return error; }
        }

        message = "";
        return AvellanedaStoikovSettingsError.None;
    }
}
