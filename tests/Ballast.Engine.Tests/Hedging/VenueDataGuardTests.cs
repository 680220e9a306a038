using Ballast.Engine.Hedging;
using static Ballast.Engine.Tests.Hedging.RouterFixture;

namespace Ballast.Engine.Tests.Hedging;

/// <summary>NaN prices, stale quotes and stale funding from a venue are refused and never reach the book.</summary>
public class VenueDataGuardTests
{
    private static readonly TimeSpan Ten = TimeSpan.FromSeconds(10);
    private static VenueQuote GoodQuote => new(2_000, 0.0005, 0.0002, new(0.0001, 0.0005, 100, 1_000), T0, VenueError.None, "");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_quote_with_a_bad_mark_is_invalid_data(double mark)
    {
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckQuote(GoodQuote with { MarkPrice = mark }, T0, Ten, out string message));
        Assert.Contains("mark", message);
    }

    [Fact]
    public void A_quote_older_than_allowed_or_from_the_future_is_stale()
    {
        Assert.Equal(VenueError.None, VenueDataGuard.CheckQuote(GoodQuote, T0.AddSeconds(10), Ten, out _));
        Assert.Equal(VenueError.StaleQuote, VenueDataGuard.CheckQuote(GoodQuote, T0.AddSeconds(11), Ten, out _));
        Assert.Equal(VenueError.StaleQuote, VenueDataGuard.CheckQuote(GoodQuote, T0.AddSeconds(-1), Ten, out _));
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckQuote(GoodQuote with { TakerFeeRate = double.NaN }, T0, Ten, out _));
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckQuote(GoodQuote with { Depth = new(0, 0, 0, 1) }, T0, Ten, out _));
    }

    [Fact]
    public void Funding_that_is_nan_or_older_than_allowed_is_refused()
    {
        var funding = new VenueFunding(0.1, T0, VenueError.None, "");
        var hour = TimeSpan.FromHours(1);
        Assert.Equal(VenueError.None, VenueDataGuard.CheckFunding(funding, T0.AddHours(1), hour, out _));
        Assert.Equal(VenueError.StaleFunding, VenueDataGuard.CheckFunding(funding, T0.AddHours(1).AddSeconds(1), hour, out string message));
        Assert.Contains("older", message);
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckFunding(funding with { RatePerYear = double.NaN }, T0, hour, out _));
    }

    [Fact]
    public void Fills_that_overfill_flip_sign_or_carry_nan_are_refused()
    {
        var order = new HedgeOrder("o", 5m);
        var good = new VenueOrderResult(VenueOrderStatus.Filled, "1", 5m, 5m, 2_000, 5, T0, VenueError.None, "");
        Assert.Equal(VenueError.None, VenueDataGuard.CheckFill(good, order, out _));
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckFill(good with { FilledQuantity = 6m }, order, out _));
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckFill(good with { FilledQuantity = -1m }, order, out _));
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckFill(good with { AveragePrice = double.NaN }, order, out _));
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckFill(good with { Fee = double.NaN }, order, out _));
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckFill(good with { RequestedQuantity = 4m }, order, out _));
        Assert.Equal(VenueError.None, VenueDataGuard.CheckFill(good with { FilledQuantity = 0m, AveragePrice = double.NaN }, order, out _));
        Assert.Equal(VenueError.InvalidData, VenueDataGuard.CheckSettlement(new(double.NaN, 0.1, 1, T0, VenueError.None, ""), out _));
    }

    [Fact]
    public void A_nan_fill_price_is_not_booked_and_leaves_the_book_unchanged()
    {
        var book = HedgeBook.Empty.Apply(new HedgeFilled(T0, "v", "seed", 3m, 1_990m, 0.5m));
        var venue = new ScriptedVenue("v") { CorruptFillPrice = true };
        var execution = Router.Execute(2m, [Route(venue)], book, NoBackoffs, T0, "n");
        Assert.Empty(execution.Fills);
        Assert.Equal(VenueError.InvalidData, Assert.Single(execution.Failures).Error);
        Assert.True(execution.Health.IsUnderHedged);
        var after = book.ApplyAll(execution.Fills);
        Assert.Equal(book.PositionOn("v"), after.PositionOn("v"));
        Assert.True(execution.Backoffs.ContainsKey("v")); // quarantined until reconciled
    }

    [Fact]
    public void A_nan_mark_or_stale_funding_stops_any_order_being_sent()
    {
        var nanMark = new ScriptedVenue("nan") { Mark = double.NaN };
        var staleFunding = new ScriptedVenue("stale") { FundingObservedAt = T0.AddHours(-2) };
        var execution = Execute(4m, Route(nanMark), Route(staleFunding));
        Assert.Empty(nanMark.Orders);
        Assert.Empty(staleFunding.Orders);
        Assert.Equal([VenueError.InvalidData, VenueError.StaleFunding], execution.Failures.Select(f => f.Error));
        Assert.Equal(HedgeStatus.UnderHedged, execution.Health.Status);
    }

    [Fact]
    public void Converting_unvalidated_nan_to_money_is_a_bug_and_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HedgeMoney.Cost(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => HedgeMoney.FillPrice(double.PositiveInfinity, 1m));
        Assert.Equal(0.00000002m, HedgeMoney.Cost(0.000000011));
        Assert.Equal(-0.00000001m, HedgeMoney.Cost(-0.000000011));
        Assert.Equal(99.99999999m, HedgeMoney.FillPrice(99.999999999, -1m));
    }
}
