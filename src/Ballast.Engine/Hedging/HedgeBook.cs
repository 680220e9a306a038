using System.Collections.Immutable;

namespace Ballast.Engine.Hedging;

/// <summary>
/// Hedge accounting: one <see cref="VenueHedgePosition"/> per venue plus the current <see cref="HedgeHealth"/>,
/// immutable, changed only by applying <see cref="HedgeEvent"/>s. Its <see cref="Value(decimal)"/> is the hedge's
/// contribution to NAV.
/// </summary>
/// <param name="Venues">Positions by venue id (ordinal order, so iteration and sums are deterministic).</param>
/// <param name="Health">Hedged or under-hedged, with the reason.</param>
public sealed record HedgeBook(ImmutableSortedDictionary<string, VenueHedgePosition> Venues, HedgeHealth Health)
{
    /// <summary>No positions, hedged.</summary>
    public static HedgeBook Empty { get; } = new(ImmutableSortedDictionary.Create<string, VenueHedgePosition>(StringComparer.Ordinal), HedgeHealth.Hedged);

    /// <summary>Net hedge across venues, units of underlying.</summary>
    public decimal NetQuantity => Venues.Values.Sum(p => p.Quantity);

    /// <summary>Fees paid across venues, quote.</summary>
    public decimal FeesPaid => Venues.Values.Sum(p => p.FeesPaid);

    /// <summary>Net funding paid across venues, quote (negative = received).</summary>
    public decimal NetFundingPaid => Venues.Values.Sum(p => p.FundingPaid);

    /// <summary>Realised price P&amp;L across venues, quote.</summary>
    public decimal RealizedPnl => Venues.Values.Sum(p => p.RealizedPnl);

    /// <summary>Unrealised P&amp;L with one mark for every venue (perps on one index), quote.</summary>
    public decimal UnrealizedPnl(decimal mark) => Venues.Values.Sum(p => p.UnrealizedPnl(mark));

    /// <summary>Hedge value for NAV with one mark for every venue: realised + unrealised − fees − funding, quote.</summary>
    public decimal Value(decimal mark) => Venues.Values.Sum(p => p.Value(mark));

    /// <summary>Hedge value for NAV with a mark per venue (a venue missing from <paramref name="marks"/> is a bug).</summary>
    public decimal Value(IReadOnlyDictionary<string, decimal> marks) => Venues.Sum(kv => kv.Value.Value(marks[kv.Key]));

    /// <summary>Position on one venue (flat when the venue has none).</summary>
    public VenueHedgePosition PositionOn(string venueId) => Venues.GetValueOrDefault(venueId, VenueHedgePosition.Flat);

    /// <summary>Checks an event without applying it; the engine calls this in Decide so Apply never fails.</summary>
    public static HedgeBookError Validate(HedgeEvent hedgeEvent, out string message)
    {
        (HedgeBookError Error, string Message) result = hedgeEvent switch
        {
            HedgeFilled f when string.IsNullOrEmpty(f.VenueId) => (HedgeBookError.MissingVenue, "fill has no venue id"),
            HedgeFilled { Quantity: 0 } => (HedgeBookError.ZeroQuantity, "fill quantity must be non-zero"),
            HedgeFilled f when f.Price <= 0 => (HedgeBookError.NonPositivePrice, $"fill price must be > 0, got {f.Price}"),
            HedgeFilled f when f.Fee < 0 => (HedgeBookError.NegativeFee, $"fee must be >= 0, got {f.Fee}"),
            HedgeFilled => (HedgeBookError.None, ""),
            FundingPaid p when string.IsNullOrEmpty(p.VenueId) => (HedgeBookError.MissingVenue, "funding has no venue id"),
            FundingPaid => (HedgeBookError.None, ""),
            HedgeHealthChanged => (HedgeBookError.None, ""),
            _ => (HedgeBookError.UnknownEvent, $"unknown hedge event {hedgeEvent.GetType().Name}"),
        };
        message = result.Message;
        return result.Error;
    }

    /// <summary>Applies an event the caller has validated; an invalid event here is a bug and throws.</summary>
    public HedgeBook Apply(HedgeEvent hedgeEvent)
    {
        var error = Validate(hedgeEvent, out string message);
        if (error != HedgeBookError.None) throw new ArgumentException($"{error}: {message}", nameof(hedgeEvent));
        return hedgeEvent switch
        {
            HedgeFilled f => this with { Venues = Venues.SetItem(f.VenueId, PositionOn(f.VenueId).WithFill(f.Quantity, f.Price, f.Fee)) },
            FundingPaid p => this with { Venues = Venues.SetItem(p.VenueId, PositionOn(p.VenueId).WithFunding(p.Amount)) },
            HedgeHealthChanged h => this with { Health = h.Health },
            _ => throw new InvalidOperationException("unreachable: Validate rejects unknown events"),
        };
    }

    /// <summary>Applies events in order.</summary>
    public HedgeBook ApplyAll(IEnumerable<HedgeEvent> events) => events.Aggregate(this, (book, e) => book.Apply(e));
}
