namespace Ballast.Engine.Hedging;

/// <summary>Parameters of <see cref="WhalleyWilmottHedgePolicy"/>. Defaults are Ballast's own.</summary>
public sealed record WhalleyWilmottParameters : IHedgePolicyParameters
{
    /// <summary>
    /// γ: the hedger's absolute risk aversion (exponential utility), per quote unit, &gt; 0. Larger γ = narrower band,
    /// more trading. Default 0.01 per USD.
    /// </summary>
    public double RiskAversion { get; init; } = 0.01;
    /// <summary>Largest absolute hedge, units of underlying, ≥ 0. Default 1,000.</summary>
    public double HedgeCap { get; init; } = 1_000;
    /// <summary>Floor of the band half-width, units of underlying, ≥ 0 (avoids dust trades when gamma ≈ 0). Default 0.</summary>
    public double MinimumHalfWidth { get; init; }
    /// <summary>Largest single order, units of underlying, &gt; 0 (+∞ = none). Default +∞.</summary>
    public double MaxOrderSize { get; init; } = double.PositiveInfinity;

    /// <summary>Checks every parameter; the first failure wins.</summary>
    public HedgeParameterValidation Validate() => HedgeParameterValidation.FirstFailure(
    [
        (!double.IsFinite(RiskAversion), HedgeParameterError.NotFinite, $"risk aversion must be finite, got {RiskAversion}"),
        (RiskAversion <= 0, HedgeParameterError.NotPositive, $"risk aversion must be > 0, got {RiskAversion}"),
        .. HedgeParameterValidation.Cap("hedge cap", HedgeCap),
        .. HedgeParameterValidation.Cap("minimum half-width", MinimumHalfWidth),
        .. HedgeParameterValidation.MaxOrder(MaxOrderSize),
    ]);
}
