using System.Collections.Immutable;
using Ballast.Engine.Hedging;

namespace Ballast.Engine.Tests.Hedging;

/// <summary>Shared set-up for router tests: a clock, empty back-offs, a router with 5 s base back-off.</summary>
internal static class RouterFixture
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly HedgeRouter Router = new(new HedgeRouterSettings());
    public static ImmutableSortedDictionary<string, VenueBackoff> NoBackoffs => ImmutableSortedDictionary.Create<string, VenueBackoff>(StringComparer.Ordinal);

    public static VenueRoute Route(ScriptedVenue venue, decimal maxPosition = 10_000m, decimal maxOrder = 10_000m) => new(venue, maxPosition, maxOrder);

    public static HedgeExecution Execute(decimal quantity, params VenueRoute[] routes) =>
        Router.Execute(quantity, routes, HedgeBook.Empty, NoBackoffs, T0, "t");

    public static decimal FilledOn(this HedgeExecution execution, string venueId) =>
        execution.Fills.Where(f => f.VenueId == venueId).Sum(f => f.Quantity);
}
