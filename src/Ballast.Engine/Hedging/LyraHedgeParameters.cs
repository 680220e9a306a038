namespace Ballast.Engine.Hedging;

/// <summary>
/// Parameters of <see cref="LyraHedgePolicy"/>, named after Lyra v1's <c>PoolHedgerParameters</c> and
/// <c>SNXPerpsV2PoolHedgerParameters</c> (derivexyz/v1-core, contracts/libraries/PoolHedger.sol and
/// contracts/SNXPerpsV2PoolHedger.sol). Defaults are Ballast's own (Lyra sets these per market at deploy time).
/// </summary>
public sealed record LyraHedgeParameters : IHedgePolicyParameters
{
    /// <summary><c>hedgeCap</c>: largest absolute hedge, units of underlying, ≥ 0. Default 1,000.</summary>
    public double HedgeCap { get; init; } = 1_000;
    /// <summary><c>interactionDelay</c>: seconds between hedges unless the threshold is exceeded, ≥ 0. Default 4 h.</summary>
    public double InteractionDelaySeconds { get; init; } = 4 * 3_600;
    /// <summary><c>deltaThreshold</c>: a gap |target − current| at least this large bypasses the delay, units of underlying, ≥ 0. Default 10.</summary>
    public double DeltaThreshold { get; init; } = 10;
    /// <summary><c>maxOrderCap</c>: largest single order, units of underlying, &gt; 0 (+∞ = none). Default +∞.</summary>
    public double MaxOrderSize { get; init; } = double.PositiveInfinity;

    /// <summary>Checks every parameter; the first failure wins.</summary>
    public HedgeParameterValidation Validate() => HedgeParameterValidation.FirstFailure(
    [
        .. HedgeParameterValidation.Cap("hedge cap", HedgeCap),
        .. HedgeParameterValidation.Cap("interaction delay", InteractionDelaySeconds),
        .. HedgeParameterValidation.Cap("delta threshold", DeltaThreshold),
        .. HedgeParameterValidation.MaxOrder(MaxOrderSize),
    ]);
}
