namespace Ballast.Engine.Hedging;

/// <summary>Whether the vault's delta is hedged as its policy wants.</summary>
public enum HedgeStatus
{
    /// <summary>The last hedge order was placed in full (or none was needed).</summary>
    Hedged = 0,
    /// <summary>A hedge could not be placed in full; risk-increasing trades must be refused (<see cref="HedgeGate.CanHedge"/>).</summary>
    UnderHedged,
}
