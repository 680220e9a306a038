namespace Ballast.Engine.Hedging;

/// <summary>
/// What a venue reports for an order. Prices and fees are the venue's raw numbers (double, possibly NaN from a
/// faulty adapter); <see cref="VenueDataGuard.CheckFill"/> validates them before they become decimal money.
/// </summary>
/// <param name="Status">Final order state.</param>
/// <param name="OrderId">Venue order id (empty when refused before acceptance).</param>
/// <param name="RequestedQuantity">Signed quantity asked for, units of underlying.</param>
/// <param name="FilledQuantity">Signed quantity filled, units of underlying (same sign, |filled| ≤ |requested|).</param>
/// <param name="AveragePrice">Average fill price, quote per unit of underlying (0 when nothing filled).</param>
/// <param name="Fee">Fee charged, quote (≥ 0).</param>
/// <param name="CompletedAt">When the fill completed (order time + venue latency).</param>
/// <param name="Error">Failure reason or <see cref="VenueError.None"/>.</param>
/// <param name="Message">Human-readable failure reason; empty on success.</param>
public readonly record struct VenueOrderResult(VenueOrderStatus Status, string OrderId, decimal RequestedQuantity,
    decimal FilledQuantity, double AveragePrice, double Fee, DateTimeOffset CompletedAt, VenueError Error, string Message)
{
    /// <summary>A failed order with nothing filled.</summary>
    public static VenueOrderResult Fail(decimal requested, DateTimeOffset at, VenueError error, string message) =>
        new(VenueOrderStatus.Failed, "", requested, 0m, 0, 0, at, error, message);
}
