namespace Ballast.Engine.Hedging;

/// <summary>Funding settled by a venue since the previous settlement, raw; validate with <see cref="VenueDataGuard.CheckSettlement"/>.</summary>
/// <param name="Amount">Quote paid by the vault over the settled periods (negative = received).</param>
/// <param name="RatePerYear">Annualised rate of the last settled period.</param>
/// <param name="Periods">Number of funding periods settled (0 = nothing due yet).</param>
/// <param name="SettledAt">End of the last settled period.</param>
/// <param name="Error">Failure reason or <see cref="VenueError.None"/>.</param>
/// <param name="Message">Human-readable failure reason; empty on success.</param>
public readonly record struct VenueFundingSettlement(double Amount, double RatePerYear, int Periods, DateTimeOffset SettledAt,
    VenueError Error, string Message);
