namespace Ballast.Simulation.MarketMaking;

/// <summary>Why the Avellaneda-Stoikov experiment refused its settings.</summary>
public enum AvellanedaStoikovSettingsError
{
    /// <summary>Settings are valid.</summary>
    None = 0,

    /// <summary>A parameter is NaN or infinite.</summary>
    NotFinite,

    /// <summary>γ ≤ 0.</summary>
    NonPositiveRiskAversion,

    /// <summary>Fewer than one path.</summary>
    NonPositivePaths,

    /// <summary>s₀, T, dt, A or k is not positive, or dt &gt; T.</summary>
    NonPositiveParameter,

    /// <summary>σ &lt; 0.</summary>
    NegativeVolatility,

    /// <summary>A·dt &gt; 1, so the per-step fill probability λ(δ)dt could exceed 1 at δ = 0.</summary>
    TimeStepTooLong,
}
