namespace Ballast.Engine.Hedging;

/// <summary>A venue's health as it reports it.</summary>
/// <param name="Status">Up, degraded or down.</param>
/// <param name="Reason">Why it is not up; empty when up.</param>
public readonly record struct VenueHealth(VenueHealthStatus Status, string Reason);
