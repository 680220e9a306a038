namespace Ballast.Engine.Hedging;

/// <summary>Parameters of <see cref="TimeBasedHedgePolicy"/>. Defaults are Ballast's own.</summary>
public sealed record TimeBasedHedgeParameters : IHedgePolicyParameters
{
    /// <summary>Seconds between rebalances, &gt; 0. Default 1 h.</summary>
    public double IntervalSeconds { get; init; } = 3_600;
    /// <summary>Largest absolute hedge, units of underlying, ≥ 0. Default 1,000.</summary>
    public double HedgeCap { get; init; } = 1_000;
    /// <summary>Gaps below this are not traded (dust), units of underlying, ≥ 0. Default 0.</summary>
    public double MinimumTradeSize { get; init; }
    /// <summary>Largest single order, units of underlying, &gt; 0 (+∞ = none). Default +∞.</summary>
    public double MaxOrderSize { get; init; } = double.PositiveInfinity;

    /// <summary>Checks every parameter; the first failure wins.</summary>
    public HedgeParameterValidation Validate() => HedgeParameterValidation.FirstFailure(
    [
        (!double.IsFinite(IntervalSeconds), HedgeParameterError.NotFinite, $"interval must be finite, got {IntervalSeconds}"),
        (IntervalSeconds <= 0, HedgeParameterError.NotPositive, $"interval must be > 0, got {IntervalSeconds}"),
        .. HedgeParameterValidation.Cap("hedge cap", HedgeCap),
        .. HedgeParameterValidation.Cap("minimum trade size", MinimumTradeSize),
        .. HedgeParameterValidation.MaxOrder(MaxOrderSize),
    ]);
}
