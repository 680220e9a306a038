namespace Ballast.Engine.Events;

/// <summary>A strike without positions was removed from its board.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Expiry">The board's expiry, Unix seconds.</param>
/// <param name="Strike">Strike in quote units.</param>
public sealed record StrikeDelisted(long Time, long Expiry, decimal Strike) : Event(Time);
