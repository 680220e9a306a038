using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>A position was migrated in without a trade (no premium, no vol move).</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Account">Holder.</param>
/// <param name="Series">Series.</param>
/// <param name="Size">Signed size, trader's side.</param>
public sealed record PositionImported(long Time, AccountId Account, SeriesId Series, decimal Size) : Event(Time);
