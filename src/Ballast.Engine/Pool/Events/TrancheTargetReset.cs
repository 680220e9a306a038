namespace Ballast.Engine.Pool.Events;

/// <summary>A senior tranche's target share price was raised to its actual share price. Emitted before capital enters an
/// empty, more junior tranche, so that surplus the senior held in the junior's absence stays with the senior (otherwise
/// the first junior depositor would take it).</summary>
/// <param name="Time">Unix seconds; the target equals the new price here and keeps accruing on its original schedule.</param>
/// <param name="Tranche">Tranche name.</param>
/// <param name="TargetSharePrice">New target price, quote per share.</param>
public sealed record TrancheTargetReset(long Time, string Tranche, decimal TargetSharePrice) : PoolEvent(Time);
