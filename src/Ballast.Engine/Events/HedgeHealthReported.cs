using Ballast.Engine.Hedging;

namespace Ballast.Engine.Events;

/// <summary>The vault's hedge health changed; journaled so the trade limits (<see cref="HedgeGate.CanHedge"/>) replay identically.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Status">Hedged or under-hedged.</param>
/// <param name="Reason">Why under-hedged (<see cref="UnderHedgeReason.None"/> when hedged).</param>
/// <param name="UnhedgedQuantity">Signed part of the hedge that could not be placed, units of underlying.</param>
/// <param name="Message">Human-readable detail.</param>
public sealed record HedgeHealthReported(long Time, HedgeStatus Status, UnderHedgeReason Reason, decimal UnhedgedQuantity, string Message) : Event(Time);
