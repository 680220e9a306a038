namespace Ballast.Engine.Hedging;

/// <summary>A venue's current perpetual funding rate, raw; validate with <see cref="VenueDataGuard.CheckFunding"/>.</summary>
/// <param name="RatePerYear">Annualised funding rate (0.10 = 10 %/year; positive: longs pay shorts).</param>
/// <param name="ObservedAt">When the venue last updated the rate.</param>
/// <param name="Error">Failure reason or <see cref="VenueError.None"/>.</param>
/// <param name="Message">Human-readable failure reason; empty on success.</param>
public readonly record struct VenueFunding(double RatePerYear, DateTimeOffset ObservedAt, VenueError Error, string Message);
