namespace Ballast.Engine.Events;

/// <summary>The oracle's spot was recorded; every board's Greek cache is refreshed at <see cref="Event.Time"/>.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Spot">Spot in quote units.</param>
/// <param name="ObservedAt">Oracle observation time, Unix seconds.</param>
/// <param name="Confidence">Oracle confidence in [0, 1].</param>
/// <param name="ReferencePrice">Reference feed's price, if given.</param>
public sealed record SpotUpdated(long Time, double Spot, long ObservedAt, double Confidence, double? ReferencePrice) : Event(Time);
