using System.Collections.Immutable;
using System.Globalization;

namespace Ballast.Engine.Hedging;

/// <summary>
/// Splits a hedge order across venues by expected all-in cost (fee + slippage + funding carry over
/// <see cref="HedgeRouterSettings.FundingHorizon"/>) within each venue's caps and depth, places it, and reports what
/// could not be placed as an under-hedged <see cref="HedgeHealth"/>. A venue that is down, sends invalid or stale
/// data, or fails an order is skipped for the rest of the execution and backed off exponentially:
/// retry after min(base·2^(n−1), max) for its n-th consecutive failure; a success clears its streak.
/// </summary>
/// <remarks>
/// <see cref="Plan"/> is pure. <see cref="Execute"/> talks to the venues (the only impure part) and returns the fills
/// as validated <see cref="HedgeFilled"/> events plus the new back-off state; it never mutates a book itself.
/// </remarks>
/// <param name="settings">Router settings.</param>
public sealed class HedgeRouter(HedgeRouterSettings settings)
{
    /// <summary>The settings.</summary>
    public HedgeRouterSettings Settings { get; } = settings;

    /// <summary>
    /// Greedy split: cut |quantity| into <see cref="HedgeRouterSettings.Slices"/> lot-rounded slices and give each to
    /// the venue whose expected cost rises least for it (marginal cost with the square-root impact of the size it
    /// already has), never beyond a venue's <see cref="VenueCandidate.Room"/>. Ties go to the earlier candidate.
    /// </summary>
    /// <param name="quantity">Signed hedge order, units of underlying.</param>
    /// <param name="candidates">Routable venues with validated terms.</param>
    /// <param name="settings">Router settings (lot size, slices, horizon).</param>
    public static RoutePlan Plan(decimal quantity, IReadOnlyList<VenueCandidate> candidates, HedgeRouterSettings settings)
    {
        decimal lot = settings.LotSize;
        int direction = Math.Sign(quantity);
        decimal total = decimal.Truncate(Math.Abs(quantity) / lot) * lot;
        var rooms = new decimal[candidates.Count];
        var allocated = new decimal[candidates.Count];
        for (int i = 0; i < rooms.Length; i++)
            rooms[i] = direction == 0 ? 0m : decimal.Truncate(candidates[i].Room(direction) / lot) * lot;

        // One venue: nothing to split, a single slice (the plan is the same, the loop just shorter).
        int slices = candidates.Count == 1 ? 1 : Math.Max(1, settings.Slices);
        decimal slice = Math.Max(lot, decimal.Ceiling(total / slices / lot) * lot);
        double horizon = settings.FundingHorizon.TotalSeconds / (365.0 * 86_400.0);
        double cost = 0;
        decimal remaining = total;
        while (remaining >= lot)
        {
            int best = -1;
            double bestMarginal = double.PositiveInfinity, bestIncrement = 0;
            decimal bestSize = 0;
            for (int i = 0; i < candidates.Count; i++)
            {
                decimal left = rooms[i] - allocated[i];
                if (left < lot) continue;
                decimal size = Math.Min(slice, Math.Min(remaining, left));
                double before = candidates[i].ExpectedCost((double)allocated[i], direction, horizon);
                double increment = candidates[i].ExpectedCost((double)(allocated[i] + size), direction, horizon) - before;
                double marginal = increment / (double)size;
                if (marginal < bestMarginal)
                {
                    (best, bestMarginal, bestIncrement, bestSize) = (i, marginal, increment, size);
                }
            }
            if (best < 0) break;
            allocated[best] += bestSize;
            remaining -= bestSize;
            cost += bestIncrement;
        }

        var allocations = new List<KeyValuePair<string, decimal>>();
        for (int i = 0; i < candidates.Count; i++)
            if (allocated[i] != 0) allocations.Add(new(candidates[i].VenueId, direction * allocated[i]));
        return new RoutePlan(allocations, cost, quantity - direction * (total - remaining));
    }

    /// <summary>Places <paramref name="quantity"/> across <paramref name="routes"/>; see the class remarks.</summary>
    /// <param name="quantity">Signed hedge order, units of underlying.</param>
    /// <param name="routes">Venues in preference order for ties, with the vault's caps.</param>
    /// <param name="book">Current hedge book (positions per venue, for position caps).</param>
    /// <param name="backoffs">Back-off state from the previous execution.</param>
    /// <param name="now">The caller's clock.</param>
    /// <param name="orderIdPrefix">Prefix of client order ids (the engine passes something unique per command).</param>
    public HedgeExecution Execute(decimal quantity, IReadOnlyList<VenueRoute> routes, HedgeBook book,
        ImmutableSortedDictionary<string, VenueBackoff> backoffs, DateTimeOffset now, string orderIdPrefix)
    {
        decimal lot = Settings.LotSize;
        decimal remaining = Math.Sign(quantity) * decimal.Truncate(Math.Abs(quantity) / lot) * lot;
        var fills = new List<HedgeFilled>();
        var failures = new List<VenueFailure>();
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        var placed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        bool orderFailed = false, partial = false, capsHit = false;
        int orderNumber = 0;

        void Fail(string venueId, VenueError error, string message)
        {
            int streak = (backoffs.TryGetValue(venueId, out var previous) ? previous.ConsecutiveFailures : 0) + 1;
            double seconds = Math.Min(Settings.BaseBackoff.TotalSeconds * Math.Pow(2, streak - 1), Settings.MaxBackoff.TotalSeconds);
            var retryAt = now + TimeSpan.FromSeconds(seconds);
            backoffs = backoffs.SetItem(venueId, new VenueBackoff(streak, retryAt));
            failures.Add(new VenueFailure(venueId, error, message, retryAt));
            excluded.Add(venueId);
        }

        for (int round = 0; round <= routes.Count && Math.Abs(remaining) >= lot; round++)
        {
            var candidates = new List<VenueCandidate>();
            var byId = new Dictionary<string, VenueRoute>(StringComparer.Ordinal);
            foreach (var route in routes)
            {
                var venue = route.Venue;
                if (excluded.Contains(venue.Id)) continue;
                if (backoffs.TryGetValue(venue.Id, out var backoff) && backoff.RetryAt > now)
                {
                    failures.Add(new VenueFailure(venue.Id, VenueError.BackingOff, $"backing off after {backoff.ConsecutiveFailures} failure(s)", backoff.RetryAt));
                    excluded.Add(venue.Id);
                    continue;
                }
                var health = venue.Health(now);
                if (health.Status == VenueHealthStatus.Down) { Fail(venue.Id, VenueError.Outage, $"venue down: {health.Reason}"); continue; }
                var quote = venue.Quote(now);
                var error = VenueDataGuard.CheckQuote(quote, now, Settings.MaxQuoteAge, out string message);
                if (error != VenueError.None) { Fail(venue.Id, error, message); continue; }
                var funding = venue.Funding(now);
                error = VenueDataGuard.CheckFunding(funding, now, Settings.MaxFundingAge, out message);
                if (error != VenueError.None) { Fail(venue.Id, error, message); continue; }

                decimal position = book.PositionOn(venue.Id).Quantity + placed.GetValueOrDefault(venue.Id);
                candidates.Add(new VenueCandidate(venue.Id, quote.MarkPrice, quote.TakerFeeRate, quote.Depth, funding.RatePerYear,
                    position, route.MaxPosition, route.MaxOrder));
                byId[venue.Id] = route;
            }
            if (candidates.Count == 0) break;

            var plan = Plan(remaining, candidates, Settings);
            if (plan.Allocations.Count == 0) { capsHit = true; break; }
            if (Math.Abs(plan.Unallocated) >= lot) capsHit = true;

            foreach (var (venueId, size) in plan.Allocations)
            {
                var order = new HedgeOrder(string.Create(CultureInfo.InvariantCulture, $"{orderIdPrefix}-{orderNumber++}"), size);
                var result = byId[venueId].Venue.Place(order, now);
                var error = VenueDataGuard.CheckFill(result, order, out string message);
                if (error != VenueError.None)
                {
                    // An invalid report is not booked: the venue is quarantined until the engine reconciles its position.
                    orderFailed = true;
                    Fail(venueId, error, message);
                    continue;
                }
                backoffs = backoffs.Remove(venueId);
                decimal filled = result.FilledQuantity;
                if (filled != 0)
                {
                    fills.Add(new HedgeFilled(result.CompletedAt, venueId, result.OrderId, filled,
                        HedgeMoney.FillPrice(result.AveragePrice, filled), HedgeMoney.Cost(result.Fee)));
                    placed[venueId] = placed.GetValueOrDefault(venueId) + filled;
                    remaining -= filled;
                }
                if (filled != size)
                {
                    partial = true;
                    excluded.Add(venueId); // its visible depth is used up for this execution
                }
            }
        }

        if (Math.Abs(remaining) < lot)
            return new HedgeExecution(fills, backoffs, remaining, HedgeHealth.Hedged, failures);

        var reason = orderFailed ? UnderHedgeReason.VenueFailures
            : partial ? UnderHedgeReason.PartialFills
            : capsHit ? UnderHedgeReason.CapsExhausted
            : UnderHedgeReason.NoEligibleVenue;
        string detail = failures.Count == 0 ? "" : "; " + string.Join("; ", failures.Select(f => $"{f.VenueId}: {f.Error} ({f.Message})"));
        var healthAfter = new HedgeHealth(HedgeStatus.UnderHedged, reason, remaining,
            string.Create(CultureInfo.InvariantCulture, $"{remaining} of {quantity} could not be hedged: {reason}{detail}"));
        return new HedgeExecution(fills, backoffs, remaining, healthAfter, failures);
    }
}
