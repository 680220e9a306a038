namespace Ballast.Engine.Hedging;

/// <summary>A venue the router may use, with the vault's caps on it.</summary>
/// <param name="Venue">The venue port.</param>
/// <param name="MaxPosition">Largest absolute position on this venue, units of underlying, ≥ 0.</param>
/// <param name="MaxOrder">Largest single order on this venue, units of underlying, ≥ 0.</param>
public sealed record VenueRoute(IHedgeVenue Venue, decimal MaxPosition, decimal MaxOrder);
