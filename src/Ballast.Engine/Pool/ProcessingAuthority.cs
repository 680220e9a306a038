namespace Ballast.Engine.Pool;

/// <summary>Who asks the pool to process its queues. The engine maps its principals' roles onto this.</summary>
public enum ProcessingAuthority
{
    /// <summary>Anyone (a keeper): requests are processed only after their delay, with no breaker active and a fresh cache.</summary>
    Keeper,
    /// <summary>The guardian (Lyra <c>guardianMultisig</c>): requests older than <see cref="PoolParameters.GuardianDelay"/>
    /// are processed even through an active breaker or a stale Greek cache.</summary>
    Guardian,
}
