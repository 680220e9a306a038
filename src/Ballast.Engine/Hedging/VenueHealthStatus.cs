namespace Ballast.Engine.Hedging;

/// <summary>Coarse venue health.</summary>
public enum VenueHealthStatus
{
    /// <summary>Operating normally.</summary>
    Up = 0,
    /// <summary>Operating but impaired (slow, partial fills); still routable.</summary>
    Degraded,
    /// <summary>Not routable.</summary>
    Down,
}
