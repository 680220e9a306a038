using Ballast.Engine.Hedging;
using Ballast.Engine.State;

namespace Ballast.Server.Api;

/// <summary>One venue's hedge position (money in quote, quantities in units of underlying).</summary>
public sealed record VenueHedgeView(string Venue, decimal Quantity, decimal AverageEntryPrice, decimal RealizedPnl, decimal? UnrealizedPnl,
    decimal FeesPaid, decimal FundingPaid);

/// <summary>
/// The vault's hedge (issue 6): net position and delta, the hedge's value in NAV at spot (price P&amp;L; fees and funding
/// already left capital), costs, health, and each venue. Unrealised P&amp;L and value are null before the first spot.
/// </summary>
public sealed record HedgePositionsView(double Spot, decimal NetPosition, double OptionDelta, double NetDelta, decimal? HedgeValue,
    decimal FeesPaid, decimal NetFundingPaid, string Status, string Reason, decimal UnhedgedQuantity, string Message,
    IReadOnlyList<VenueHedgeView> Venues);

/// <summary>Read model of <see cref="VaultState.Hedges"/> for <c>GET /v1/hedges</c>; called under the host's read lock.</summary>
public static class HedgeViews
{
    public static HedgePositionsView Positions(VaultState s)
    {
        decimal? mark = s.HasSpot ? (decimal)s.Spot : null;
        var book = s.Hedges;
        var health = book.Health;
        var venues = book.Venues.Select(kv => new VenueHedgeView(kv.Key, kv.Value.Quantity, kv.Value.AverageEntryPrice, kv.Value.RealizedPnl,
            mark is { } m ? kv.Value.UnrealizedPnl(m) : null, kv.Value.FeesPaid, kv.Value.FundingPaid)).ToArray();
        return new HedgePositionsView(s.Spot, s.HedgePosition, s.Exposure.Delta, s.NetDelta, mark is { } at ? s.HedgeValue(at) : null,
            book.FeesPaid, book.NetFundingPaid, Kebab(health.Status.ToString()), Kebab(health.Reason.ToString()), health.UnhedgedQuantity,
            health.Message, venues);
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
