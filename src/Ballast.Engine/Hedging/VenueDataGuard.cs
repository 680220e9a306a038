namespace Ballast.Engine.Hedging;

/// <summary>
/// The one place venue numbers are checked before they reach the router or the <see cref="HedgeBook"/>: NaN or
/// infinite prices, fees and rates, non-positive marks, fills larger than asked, and stale quotes or funding are
/// refused with a typed error, so they never enter state.
/// </summary>
public static class VenueDataGuard
{
    /// <summary>Checks a quote: finite positive mark, finite fees, valid depth, not older than <paramref name="maxAge"/>.</summary>
    public static VenueError CheckQuote(in VenueQuote quote, DateTimeOffset now, TimeSpan maxAge, out string message)
    {
        if (quote.Error != VenueError.None) { message = quote.Message; return quote.Error; }
        if (!double.IsFinite(quote.MarkPrice) || quote.MarkPrice <= 0)
            return Fail(VenueError.InvalidData, $"mark price must be finite and > 0, got {quote.MarkPrice}", out message);
        if (!double.IsFinite(quote.TakerFeeRate) || !double.IsFinite(quote.MakerFeeRate) || quote.TakerFeeRate < 0)
            return Fail(VenueError.InvalidData, $"fee rates must be finite (taker >= 0), got taker {quote.TakerFeeRate}, maker {quote.MakerFeeRate}", out message);
        if (!quote.Depth.IsValid)
            return Fail(VenueError.InvalidData, $"depth model is invalid: {quote.Depth}", out message);
        if (now - quote.ObservedAt > maxAge || quote.ObservedAt > now)
            return Fail(VenueError.StaleQuote, $"quote observed at {quote.ObservedAt:O} is outside [now − {maxAge}, now] (now {now:O})", out message);
        message = "";
        return VenueError.None;
    }

    /// <summary>Checks a funding rate: finite, updated no longer than <paramref name="maxAge"/> ago.</summary>
    public static VenueError CheckFunding(in VenueFunding funding, DateTimeOffset now, TimeSpan maxAge, out string message)
    {
        if (funding.Error != VenueError.None) { message = funding.Message; return funding.Error; }
        if (!double.IsFinite(funding.RatePerYear))
            return Fail(VenueError.InvalidData, $"funding rate must be finite, got {funding.RatePerYear}", out message);
        if (now - funding.ObservedAt > maxAge || funding.ObservedAt > now)
            return Fail(VenueError.StaleFunding, $"funding rate set at {funding.ObservedAt:O} is older than {maxAge} (now {now:O})", out message);
        message = "";
        return VenueError.None;
    }

    /// <summary>Checks a fill against its order: same sign, no overfill, finite positive price when filled, finite non-negative fee.</summary>
    public static VenueError CheckFill(in VenueOrderResult result, HedgeOrder order, out string message)
    {
        if (result.Error != VenueError.None) { message = result.Message; return result.Error; }
        decimal filled = result.FilledQuantity;
        if (result.RequestedQuantity != order.Quantity)
            return Fail(VenueError.InvalidData, $"venue echoed quantity {result.RequestedQuantity} for an order of {order.Quantity}", out message);
        if (filled != 0 && Math.Sign(filled) != Math.Sign(order.Quantity))
            return Fail(VenueError.InvalidData, $"fill {filled} has the opposite sign of the order {order.Quantity}", out message);
        if (Math.Abs(filled) > Math.Abs(order.Quantity))
            return Fail(VenueError.InvalidData, $"fill {filled} exceeds the order {order.Quantity}", out message);
        if (filled != 0 && (!double.IsFinite(result.AveragePrice) || result.AveragePrice <= 0))
            return Fail(VenueError.InvalidData, $"fill price must be finite and > 0, got {result.AveragePrice}", out message);
        if (!double.IsFinite(result.Fee) || result.Fee < 0)
            return Fail(VenueError.InvalidData, $"fee must be finite and >= 0, got {result.Fee}", out message);
        message = "";
        return VenueError.None;
    }

    /// <summary>Checks a funding settlement: finite amount and rate, non-negative period count.</summary>
    public static VenueError CheckSettlement(in VenueFundingSettlement settlement, out string message)
    {
        if (settlement.Error != VenueError.None) { message = settlement.Message; return settlement.Error; }
        if (!double.IsFinite(settlement.Amount) || !double.IsFinite(settlement.RatePerYear) || settlement.Periods < 0)
            return Fail(VenueError.InvalidData, $"funding settlement must be finite, got amount {settlement.Amount}, rate {settlement.RatePerYear}, periods {settlement.Periods}", out message);
        message = "";
        return VenueError.None;
    }

    private static VenueError Fail(VenueError error, string text, out string message)
    {
        message = text;
        return error;
    }
}
