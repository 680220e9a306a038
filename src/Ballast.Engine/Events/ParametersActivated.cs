namespace Ballast.Engine.Events;

/// <summary>
/// Every scheduled parameter change with effective time ≤ <see cref="Event.Time"/> now applies (in schedule order).
/// Decide emits it before the events of the first accepted command at or after that time; Greeks are refreshed.
/// </summary>
/// <param name="Time">Unix seconds.</param>
public sealed record ParametersActivated(long Time) : Event(Time);
