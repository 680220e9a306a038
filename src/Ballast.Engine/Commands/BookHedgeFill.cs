namespace Ballast.Engine.Commands;

/// <summary>
/// The hedger (Keeper or Admin) books a fill it obtained on a hedge venue (issue 6): the vault's position on that venue
/// moves by <paramref name="Quantity"/> at <paramref name="Price"/>, and the venue's fee leaves the vault's quote capital.
/// Venue I/O happens outside the engine (<see cref="Hedging.HedgeRouter.Execute"/>); this command journals its outcome.
/// </summary>
/// <param name="By">Keeper or Admin principal.</param>
/// <param name="VenueId">Venue id (non-empty, at most 64 characters).</param>
/// <param name="OrderId">Venue order id (at most 128 characters; informational).</param>
/// <param name="Quantity">Signed filled quantity, units of underlying (buy &gt; 0), non-zero, at most 8 decimals.</param>
/// <param name="Price">Average fill price, quote per unit of underlying, &gt; 0, at most 8 decimals.</param>
/// <param name="Fee">Fee the venue charged, quote, ≥ 0 (booked rounded up to the quote asset's decimals).</param>
public sealed record BookHedgeFill(Principal By, string VenueId, string OrderId, decimal Quantity, decimal Price, decimal Fee) : Command(By);
