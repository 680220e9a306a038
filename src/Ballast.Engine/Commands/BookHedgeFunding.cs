namespace Ballast.Engine.Commands;

/// <summary>
/// The hedger (Keeper or Admin) books perpetual funding a venue settled on the vault's position: the vault's quote
/// capital pays <paramref name="Amount"/> (or receives it when negative).
/// </summary>
/// <param name="By">Keeper or Admin principal.</param>
/// <param name="VenueId">A venue the vault has booked a fill on.</param>
/// <param name="Amount">Quote paid by the vault, non-zero (negative = received); booked rounded toward +∞ to the quote decimals.</param>
/// <param name="RatePerYear">Annualised funding rate of the settled period (informational), finite.</param>
public sealed record BookHedgeFunding(Principal By, string VenueId, decimal Amount, double RatePerYear) : Command(By);
