namespace Ballast.Cluster.Tests;

/// <summary>A clock that never moves, so a grain and the directly applied engine decide at the same <c>now</c>.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Monday = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;

    public long UnixSeconds => now.ToUnixTimeSeconds();
}
