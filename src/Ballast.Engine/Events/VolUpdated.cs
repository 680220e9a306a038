using Ballast.Engine.Commands;

namespace Ballast.Engine.Events;

/// <summary>A board's base IV (and some skews) were reset by the vol oracle; the board's Greek cache is refreshed.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Expiry">The board's expiry, Unix seconds.</param>
/// <param name="BaseIv">New base IV.</param>
/// <param name="Skews">New skews of some strikes.</param>
/// <param name="ObservedAt">Oracle observation time, Unix seconds.</param>
/// <param name="Confidence">Oracle confidence in [0, 1].</param>
public sealed record VolUpdated(long Time, long Expiry, double BaseIv, IReadOnlyList<StrikeSkew> Skews, long ObservedAt, double Confidence) : Event(Time);
