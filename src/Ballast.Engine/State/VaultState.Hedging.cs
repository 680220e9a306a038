using System.Collections.Immutable;
using Ballast.Engine.Events;
using Ballast.Engine.Hedging;
using Ballast.Engine.Markets;

namespace Ballast.Engine.State;

/// <summary>
/// The vault's hedge positions (issue 6), per venue, kept in a <see cref="HedgeBook"/> changed only by the hedge events.
/// Money: a fill's fee and a funding payment leave (or enter) quote capital when booked; the price P&amp;L of the hedge
/// (realised on reductions and unrealised at the mark) stays on the venue account and enters NAV through
/// <see cref="HedgeValue(double)"/>. These are the single accessors quoting, limits, NAV and the API read.
/// </summary>
public sealed partial class VaultState
{
    // Model-number shadows of the book for the allocation-free quote path, updated per hedge event.
    private double _hedgeDelta, _hedgeRealizedValue, _hedgeEntryNotionalValue;

    /// <summary>Hedge positions per venue and the hedge health (empty and hedged until the first hedge event).</summary>
    public HedgeBook Hedges { get; private set; } = HedgeBook.Empty;

    /// <summary>Net hedge position across venues, units of underlying (long &gt; 0), exact.</summary>
    public decimal HedgePosition { get; private set; }

    /// <summary>Net hedge delta, units of underlying: a linear perp or spot position of q units has delta q.</summary>
    public double HedgeDelta => _hedgeDelta;

    /// <summary>The vault's net delta as quoting and limits see it: option delta (Greek cache) + hedge delta, units of underlying.</summary>
    public double NetDelta => Exposure.Delta + _hedgeDelta;

    /// <summary>Hedge health; while under-hedged, risk-increasing trades are refused (<see cref="HedgeGate.CanHedge"/>).</summary>
    public HedgeHealth HedgeHealth => Hedges.Health;

    /// <summary>
    /// The hedge's contribution to NAV at <paramref name="mark"/>, quote (model number): price P&amp;L of every venue
    /// position, Σ realised + q·(mark − entry). Fees and funding are not in it: they already left quote capital.
    /// Allocation-free.
    /// </summary>
    /// <param name="mark">Mark price, quote per unit of underlying (one index for every venue).</param>
    public double HedgeValue(double mark) => _hedgeRealizedValue + _hedgeDelta * mark - _hedgeEntryNotionalValue;

    /// <summary>Exact form of <see cref="HedgeValue(double)"/>: Σ over venues of realised + unrealised price P&amp;L, quote.</summary>
    /// <param name="mark">Mark price, quote per unit of underlying.</param>
    public decimal HedgeValue(decimal mark) => Hedges.RealizedPnl + Hedges.UnrealizedPnl(mark);

    /// <summary>True once any hedge event was applied (the state hash includes the hedge section only then).</summary>
    public bool HasHedgeState => !Hedges.Venues.IsEmpty || Hedges.Health != HedgeHealth.Hedged;

    private void ApplyHedge(Event e)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(e.Time);
        switch (e)
        {
            case HedgeFillBooked f:
                Hedges = Hedges.Apply(new HedgeFilled(at, f.VenueId, f.OrderId, f.Quantity, f.Price, f.Fee));
                HedgePosition += f.Quantity;
                MoveHedgeCost(f.Fee);
                break;
            case HedgeFundingBooked p:
                Hedges = Hedges.Apply(new FundingPaid(at, p.VenueId, p.Amount, p.RatePerYear));
                MoveHedgeCost(p.Amount);
                break;
            case HedgeHealthReported h:
                Hedges = Hedges.Apply(new HedgeHealthChanged(at, new HedgeHealth(h.Status, h.Reason, h.UnhedgedQuantity, h.Message)));
                break;
            default: throw new InvalidOperationException($"not a hedge event: {e.GetType().Name}");
        }

        decimal realized = 0m, entryNotional = 0m;
        foreach (var position in Hedges.Venues.Values)
        {
            realized += position.RealizedPnl;
            entryNotional += position.Quantity * position.AverageEntryPrice;
        }

        _hedgeDelta = (double)HedgePosition;
        _hedgeRealizedValue = (double)realized;
        _hedgeEntryNotionalValue = (double)entryNotional;
    }

    /// <summary>A fee or funding payment (negative = received) moves quote capital, and its model shadow with it.</summary>
    private void MoveHedgeCost(decimal paid)
    {
        _capital[(int)Asset.Quote] -= paid;
        _holdingsValue[(int)Asset.Quote] = (double)(_capital[(int)Asset.Quote] + _fees[(int)Asset.Quote]);
    }

    // ---- snapshot section "hedges" (see VaultState.Snapshot): the book, the net position and its model shadows ----

    private void WriteHedgesSection(StateImageWriter w)
    {
        w.Int(Hedges.Venues.Count);
        foreach (var (venue, p) in Hedges.Venues)
        {
            w.String(venue); w.Decimal(p.Quantity); w.Decimal(p.AverageEntryPrice); w.Decimal(p.RealizedPnl); w.Decimal(p.FeesPaid); w.Decimal(p.FundingPaid);
        }

        var health = Hedges.Health;
        w.Int((int)health.Status); w.Int((int)health.Reason); w.Decimal(health.UnhedgedQuantity); w.String(health.Message);
        // The shadows are written, not recomputed, so the quote path reads exactly the doubles it read before the snapshot.
        w.Decimal(HedgePosition); w.Double(_hedgeDelta); w.Double(_hedgeRealizedValue); w.Double(_hedgeEntryNotionalValue);
    }

    private void ReadHedgesSection(StateImageReader r)
    {
        var venues = ImmutableSortedDictionary.CreateBuilder<string, VenueHedgePosition>(StringComparer.Ordinal);
        // A venue entry is at least a length prefix and five decimals: 4 + 5 × 16 bytes.
        for (int i = r.Count(84); i > 0; i--)
            venues.Add(r.String(), new VenueHedgePosition(r.Decimal(), r.Decimal(), r.Decimal(), r.Decimal(), r.Decimal()));
        var status = (HedgeStatus)r.Int();
        var reason = (UnderHedgeReason)r.Int();
        if (!Enum.IsDefined(status) || !Enum.IsDefined(reason)) throw new StateImageReader.Malformed($"hedge status {(int)status} or reason {(int)reason} unknown");
        var health = new HedgeHealth(status, reason, r.Decimal(), r.String());
        Hedges = new HedgeBook(venues.ToImmutable(), health == HedgeHealth.Hedged ? HedgeHealth.Hedged : health);
        HedgePosition = r.Decimal(); _hedgeDelta = r.Finite(); _hedgeRealizedValue = r.Finite(); _hedgeEntryNotionalValue = r.Finite();
    }
}
