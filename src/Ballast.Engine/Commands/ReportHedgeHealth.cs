using Ballast.Engine.Hedging;

namespace Ballast.Engine.Commands;

/// <summary>
/// The hedger (Keeper or Admin) reports whether the vault's last hedge could be placed (<see cref="HedgeExecution.Health"/>).
/// While under-hedged, trades that grow the vault's unhedged delta are refused (<see cref="HedgeGate.CanHedge"/>).
/// </summary>
/// <param name="By">Keeper or Admin principal.</param>
/// <param name="Status">Hedged or under-hedged.</param>
/// <param name="Reason">Why under-hedged; <see cref="UnderHedgeReason.None"/> exactly when hedged.</param>
/// <param name="UnhedgedQuantity">Signed part of the hedge that could not be placed, units of underlying (0 when hedged).</param>
/// <param name="Message">Human-readable detail, at most 1,000 characters.</param>
public sealed record ReportHedgeHealth(Principal By, HedgeStatus Status, UnderHedgeReason Reason, decimal UnhedgedQuantity, string Message) : Command(By);
