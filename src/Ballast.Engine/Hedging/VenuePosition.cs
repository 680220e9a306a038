namespace Ballast.Engine.Hedging;

/// <summary>The venue's view of the vault's position, for reconciliation.</summary>
/// <param name="Quantity">Signed position, units of underlying.</param>
/// <param name="Error">Failure reason or <see cref="VenueError.None"/>.</param>
/// <param name="Message">Human-readable failure reason; empty on success.</param>
public readonly record struct VenuePosition(decimal Quantity, VenueError Error, string Message);
