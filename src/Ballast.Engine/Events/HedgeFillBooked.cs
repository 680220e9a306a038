namespace Ballast.Engine.Events;

/// <summary>A hedge fill on a venue: the vault's position there moves by <paramref name="Quantity"/>; <paramref name="Fee"/> leaves quote capital.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="VenueId">Venue id.</param>
/// <param name="OrderId">Venue order id.</param>
/// <param name="Quantity">Signed filled quantity, units of underlying (buy &gt; 0), non-zero.</param>
/// <param name="Price">Average fill price, quote per unit, &gt; 0.</param>
/// <param name="Fee">Fee paid, quote, ≥ 0, with at most the quote asset's decimals.</param>
public sealed record HedgeFillBooked(long Time, string VenueId, string OrderId, decimal Quantity, decimal Price, decimal Fee) : Event(Time);
