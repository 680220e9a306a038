namespace Ballast.Engine.Hedging;

/// <summary>A venue the router could not use in one execution.</summary>
/// <param name="VenueId">Venue id.</param>
/// <param name="Error">What went wrong.</param>
/// <param name="Message">Detail from the venue or the data guard.</param>
/// <param name="RetryAt">When the venue will be tried again.</param>
public readonly record struct VenueFailure(string VenueId, VenueError Error, string Message, DateTimeOffset RetryAt);
