namespace Ballast.Engine.Hedging;

/// <summary>A venue's failure streak and when it may be tried again.</summary>
/// <param name="ConsecutiveFailures">Failures since the last success, ≥ 1.</param>
/// <param name="RetryAt">The router skips the venue before this time.</param>
public readonly record struct VenueBackoff(int ConsecutiveFailures, DateTimeOffset RetryAt);
