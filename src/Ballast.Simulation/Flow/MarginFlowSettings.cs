namespace Ballast.Simulation.Flow;

/// <summary>
/// Margined option sellers and the keeper that liquidates them (issue 8 with issue 7's margin engine). Each trader posts
/// quote collateral, picks a margin mode (even index standard, odd portfolio) and sells options — mostly puts, the ones a crash
/// hurts — until the engine's initial-margin check refuses; a keeper checks every step and liquidates any account whose
/// maintenance margin balance is negative. Off (no traders) unless a preset turns it on.
/// </summary>
public sealed record MarginFlowSettings
{
    /// <summary>Margin-mode traders (0 = off).</summary>
    public int Traders { get; init; }
    /// <summary>Quote collateral each trader deposits at the start.</summary>
    public decimal CollateralPerTrader { get; init; } = 50_000m;
    /// <summary>Sell attempts per trader per hour (Poisson).</summary>
    public double SellIntensity { get; init; } = 0.25;
    /// <summary>Mean sell size, options (exponential, rounded to 0.01).</summary>
    public double SizeMean { get; init; } = 3;
    /// <summary>Probability that a sell is a put (else a call).</summary>
    public double PutShare { get; init; } = 0.8;
    /// <summary>Insurance fund the admin deposits at the start, quote.</summary>
    public decimal InsuranceFund { get; init; } = 20_000m;
    /// <summary>Most incremental liquidation steps the keeper sends per account per step.</summary>
    public int MaxLiquidationStepsPerAccount { get; init; } = 10;

    /// <summary>Null when valid, else what is wrong.</summary>
    public string? Problem() =>
        Traders is < 0 or > 1000 ? $"margin traders must be in [0, 1000], got {Traders}"
        : CollateralPerTrader <= 0m || CollateralPerTrader > 1_000_000_000m ? $"margin collateral must be in (0, 1e9], got {CollateralPerTrader}"
        : !double.IsFinite(SellIntensity) || SellIntensity < 0 ? $"margin sell intensity must be finite and >= 0, got {SellIntensity}"
        : !double.IsFinite(SizeMean) || SizeMean <= 0 ? $"margin size mean must be finite and > 0, got {SizeMean}"
        : !(PutShare is >= 0 and <= 1) ? $"put share must be in [0, 1], got {PutShare}"
        : InsuranceFund < 0m ? $"insurance fund must be >= 0, got {InsuranceFund}"
        : MaxLiquidationStepsPerAccount < 1 ? "the keeper needs at least one liquidation step per account"
        : null;
}
