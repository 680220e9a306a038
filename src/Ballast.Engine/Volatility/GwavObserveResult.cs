namespace Ballast.Engine.Volatility;

/// <summary>Outcome of <see cref="GwavOracle.Observe"/>. Values ≥ <see cref="RejectedNotFinite"/> changed nothing.</summary>
public enum GwavObserveResult
{
    /// <summary>A new observation was appended.</summary>
    Recorded = 0,
    /// <summary>Same time as the latest observation: its value was replaced (Lyra: at most one value per block).</summary>
    ReplacedSameTime,
    /// <summary>Same value as the latest observation: nothing to store (Lyra skips it too); accepted.</summary>
    UnchangedValue,
    /// <summary>Rejected: NaN or infinite value.</summary>
    RejectedNotFinite,
    /// <summary>Rejected: value ≤ 0 (its logarithm is undefined).</summary>
    RejectedNonPositive,
    /// <summary>Rejected: time earlier than the latest observation.</summary>
    RejectedTimeWentBackwards,
}
