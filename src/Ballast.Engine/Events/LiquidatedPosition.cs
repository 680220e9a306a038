using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>One position change of a liquidation: the vault takes the other side at mark.</summary>
/// <param name="Series">The series.</param>
/// <param name="TraderChange">Signed change of the trader's position (opposite sign to the position; the vault's changes by its negative).</param>
public readonly record struct LiquidatedPosition(SeriesId Series, decimal TraderChange);
