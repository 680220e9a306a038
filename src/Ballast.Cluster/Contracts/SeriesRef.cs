namespace Ballast.Cluster.Contracts;

/// <summary>An option series on the wire: expiry (Unix seconds), strike (quote units) and call or put.</summary>
/// <param name="Expiry">Board expiry, Unix seconds.</param>
/// <param name="Strike">Strike price in quote units.</param>
/// <param name="IsCall">True for a call, false for a put.</param>
[GenerateSerializer, Immutable]
public sealed record SeriesRef([property: Id(0)] long Expiry, [property: Id(1)] decimal Strike, [property: Id(2)] bool IsCall);
