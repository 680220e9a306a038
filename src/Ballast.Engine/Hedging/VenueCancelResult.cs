namespace Ballast.Engine.Hedging;

/// <summary>Outcome of a cancel request.</summary>
/// <param name="Error"><see cref="VenueError.None"/> when cancelled; <see cref="VenueError.UnknownOrder"/> when already final or unknown.</param>
/// <param name="Message">Human-readable reason; empty on success.</param>
public readonly record struct VenueCancelResult(VenueError Error, string Message);
