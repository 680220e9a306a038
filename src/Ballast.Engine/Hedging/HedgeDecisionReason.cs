namespace Ballast.Engine.Hedging;

/// <summary>Why a policy traded or held.</summary>
public enum HedgeDecisionReason
{
    /// <summary>The context was invalid; see <see cref="HedgeDecision.Error"/>.</summary>
    InvalidInput = 0,
    /// <summary>The hedge already equals the (capped) target.</summary>
    AtTarget,
    /// <summary>Lyra: the interaction delay has not passed and the gap is below the delta threshold.</summary>
    InteractionDelayActive,
    /// <summary>Lyra: the interaction delay has passed.</summary>
    InteractionDelayElapsed,
    /// <summary>Lyra: the gap to the target is at least the delta threshold, so the delay is bypassed.</summary>
    DeltaThresholdExceeded,
    /// <summary>Lyra: the target is exactly zero, which bypasses the delay (closing the hedge is always allowed).</summary>
    FlattenToZero,
    /// <summary>Band policies: the hedge lies inside the no-trade band.</summary>
    InsideBand,
    /// <summary>Band policies: the hedge left the band; trade to its nearest edge.</summary>
    OutsideBand,
    /// <summary>Time-based: the rebalancing interval has not passed.</summary>
    IntervalNotElapsed,
    /// <summary>Time-based: the rebalancing interval has passed.</summary>
    IntervalElapsed,
    /// <summary>The gap is below the policy's minimum trade size (dust).</summary>
    BelowMinimumTrade,
}
