namespace Ballast.Engine.Hedging;

/// <summary>
/// Parameters of <see cref="GammaAwareHedgePolicy"/>: a Whalley-Wilmott band, widened and applied to a partial
/// target while the book is long gamma. Defaults are Ballast's own.
/// </summary>
public sealed record GammaAwareHedgeParameters : IHedgePolicyParameters
{
    /// <summary>The band used while the book is short (or flat) gamma.</summary>
    public WhalleyWilmottParameters Band { get; init; } = new();
    /// <summary>Band half-width multiplier while long gamma, ≥ 1. Default 2.</summary>
    public double LongGammaBandMultiplier { get; init; } = 2;
    /// <summary>Fraction of the full hedge aimed for while long gamma, in (0, 1]. Default 0.5.</summary>
    public double LongGammaHedgeFraction { get; init; } = 0.5;

    /// <summary>Checks every parameter; the first failure wins.</summary>
    public HedgeParameterValidation Validate()
    {
        var band = Band.Validate();
        if (!band.IsValid) return band;
        return HedgeParameterValidation.FirstFailure(
        [
            (!double.IsFinite(LongGammaBandMultiplier), HedgeParameterError.NotFinite, $"long-gamma band multiplier must be finite, got {LongGammaBandMultiplier}"),
            (LongGammaBandMultiplier < 1, HedgeParameterError.OutOfRange, $"long-gamma band multiplier must be >= 1, got {LongGammaBandMultiplier}"),
            (!double.IsFinite(LongGammaHedgeFraction), HedgeParameterError.NotFinite, $"long-gamma hedge fraction must be finite, got {LongGammaHedgeFraction}"),
            (LongGammaHedgeFraction <= 0 || LongGammaHedgeFraction > 1, HedgeParameterError.OutOfRange, $"long-gamma hedge fraction must be in (0, 1], got {LongGammaHedgeFraction}"),
        ]);
    }
}
