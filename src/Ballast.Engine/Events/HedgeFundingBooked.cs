namespace Ballast.Engine.Events;

/// <summary>Perpetual funding settled on a hedge venue: quote capital pays <paramref name="Amount"/> (receives it when negative).</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="VenueId">Venue id.</param>
/// <param name="Amount">Quote paid by the vault (negative = received), with at most the quote asset's decimals.</param>
/// <param name="RatePerYear">Annualised rate of the settled period (informational).</param>
public sealed record HedgeFundingBooked(long Time, string VenueId, decimal Amount, double RatePerYear) : Event(Time);
