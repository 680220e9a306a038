using Ballast.Engine.Hedging;

namespace Ballast.Engine.Tests.Hedging;

/// <summary>
/// A hand-driven venue for router and guard tests: every behaviour (mark, fees, depth, funding, health, rejections,
/// partial fills, corrupt prices) is a field the test sets; fills are recorded.
/// </summary>
internal sealed class ScriptedVenue(string id) : IHedgeVenue
{
    public string Id { get; } = id;
    public double Mark { get; set; } = 2_000;
    public double TakerFee { get; set; } = 0.0005;
    public OrderBookDepth Depth { get; set; } = new(0.0001, 0.0005, 100, 1_000);
    public double FundingRate { get; set; }
    public DateTimeOffset? FundingObservedAt { get; set; }
    public DateTimeOffset? QuoteObservedAt { get; set; }
    public bool Down { get; set; }
    public int RejectNext { get; set; }
    public double FillFraction { get; set; } = 1;
    public double FillPriceOverride { get; set; } = double.NaN;
    public bool CorruptFillPrice { get; set; }
    public List<HedgeOrder> Orders { get; } = [];
    public decimal Position { get; private set; }
    private int _ids;

    public VenueHealth Health(DateTimeOffset now) => Down ? new(VenueHealthStatus.Down, "scripted outage") : new(VenueHealthStatus.Up, "");

    public VenueQuote Quote(DateTimeOffset now) => Down
        ? new(double.NaN, 0, 0, default, now, VenueError.Outage, "down")
        : new(Mark, TakerFee, 0.0002, Depth, QuoteObservedAt ?? now, VenueError.None, "");

    public VenueOrderResult Place(HedgeOrder order, DateTimeOffset now)
    {
        Orders.Add(order);
        if (Down) return VenueOrderResult.Fail(order.Quantity, now, VenueError.Outage, "down");
        if (RejectNext > 0)
        {
            RejectNext--;
            return VenueOrderResult.Fail(order.Quantity, now, VenueError.Rejected, "scripted rejection");
        }
        decimal filled = decimal.Round(order.Quantity * (decimal)FillFraction, 3, MidpointRounding.ToZero);
        Position += filled;
        double price = CorruptFillPrice ? double.NaN
            : double.IsNaN(FillPriceOverride) ? Mark * (1 + Math.Sign(order.Quantity) * Depth.SlippageFraction((double)filled)) : FillPriceOverride;
        double fee = Math.Abs((double)filled) * Mark * TakerFee;
        var status = filled == order.Quantity ? VenueOrderStatus.Filled : filled == 0 ? VenueOrderStatus.Unfilled : VenueOrderStatus.PartiallyFilled;
        return new(status, $"{Id}-{++_ids}", order.Quantity, filled, filled == 0 ? 0 : price, fee, now, VenueError.None, "");
    }

    public VenueCancelResult Cancel(string orderId, DateTimeOffset now) => new(VenueError.UnknownOrder, "final");

    public VenuePosition Position_(DateTimeOffset now) => new(Position, VenueError.None, "");

    VenuePosition IHedgeVenue.Position(DateTimeOffset now) => Position_(now);

    public VenueFunding Funding(DateTimeOffset now) => new(FundingRate, FundingObservedAt ?? now, VenueError.None, "");

    public VenueFundingSettlement SettleFunding(DateTimeOffset now) => new(0, FundingRate, 0, now, VenueError.None, "");
}
