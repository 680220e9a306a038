using System.Collections.Immutable;

namespace Ballast.Engine.Hedging;

/// <summary>The outcome of routing one hedge order.</summary>
/// <param name="Fills">Validated fills, ready to journal and apply to the <see cref="HedgeBook"/>.</param>
/// <param name="Backoffs">Router back-off state to carry into the next execution.</param>
/// <param name="Unfilled">Signed quantity that could not be placed, units of underlying.</param>
/// <param name="Health">Hedged, or under-hedged with the reason.</param>
/// <param name="Failures">Venues that failed or were skipped, with their errors.</param>
public sealed record HedgeExecution(IReadOnlyList<HedgeFilled> Fills, ImmutableSortedDictionary<string, VenueBackoff> Backoffs,
    decimal Unfilled, HedgeHealth Health, IReadOnlyList<VenueFailure> Failures);
