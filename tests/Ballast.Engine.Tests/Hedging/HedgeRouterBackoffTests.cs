using Ballast.Engine.Hedging;
using static Ballast.Engine.Tests.Hedging.RouterFixture;

namespace Ballast.Engine.Tests.Hedging;

/// <summary>Venue failures, exponential back-off and recovery.</summary>
public class HedgeRouterBackoffTests
{
    [Fact]
    public void A_rejected_venue_is_skipped_until_its_back_off_expires_then_retried()
    {
        var flaky = new ScriptedVenue("flaky") { TakerFee = 0.0001, RejectNext = 1 };
        var steady = new ScriptedVenue("steady");
        VenueRoute[] routes = [Route(flaky), Route(steady)];

        var first = Router.Execute(2m, routes, HedgeBook.Empty, NoBackoffs, T0, "a");
        Assert.Equal(2m, first.FilledOn("steady"));
        Assert.Equal(new VenueBackoff(1, T0.AddSeconds(5)), first.Backoffs["flaky"]);

        var during = Router.Execute(2m, routes, HedgeBook.Empty, first.Backoffs, T0.AddSeconds(4), "b");
        Assert.Single(flaky.Orders); // not tried again while backing off
        Assert.Equal(2m, during.FilledOn("steady"));
        Assert.Equal(VenueError.BackingOff, Assert.Single(during.Failures).Error);
        Assert.Equal(first.Backoffs["flaky"], during.Backoffs["flaky"]); // skipping is not another failure

        var after = Router.Execute(2m, routes, HedgeBook.Empty, during.Backoffs, T0.AddSeconds(5), "c");
        Assert.Equal(2m, after.FilledOn("flaky"));
        Assert.False(after.Backoffs.ContainsKey("flaky")); // success clears the streak
    }

    [Fact]
    public void Consecutive_failures_double_the_back_off_up_to_the_cap()
    {
        var broken = new ScriptedVenue("broken") { RejectNext = int.MaxValue };
        var backoffs = NoBackoffs;
        var now = T0;
        var delays = new List<double>();
        for (int i = 0; i < 8; i++)
        {
            var execution = Router.Execute(1m, [Route(broken)], HedgeBook.Empty, backoffs, now, $"o{i}");
            backoffs = execution.Backoffs;
            delays.Add((backoffs["broken"].RetryAt - now).TotalSeconds);
            now = backoffs["broken"].RetryAt;
        }
        Assert.Equal([5, 10, 20, 40, 80, 160, 300, 300], delays);
        Assert.Equal(8, backoffs["broken"].ConsecutiveFailures);
    }

    [Fact]
    public void When_every_venue_fails_the_vault_is_under_hedged_and_risk_increasing_trades_are_refused_until_recovery()
    {
        var a = new ScriptedVenue("a") { RejectNext = 1 };
        var b = new ScriptedVenue("b") { Down = true };
        VenueRoute[] routes = [Route(a), Route(b)];
        var failed = Router.Execute(-8m, routes, HedgeBook.Empty, NoBackoffs, T0, "x");
        Assert.Empty(failed.Fills);
        Assert.Equal(HedgeStatus.UnderHedged, failed.Health.Status);
        Assert.Equal(UnderHedgeReason.VenueFailures, failed.Health.Reason);
        Assert.Equal(-8m, failed.Health.UnhedgedQuantity);
        Assert.Contains("a: Rejected", failed.Health.Message);
        Assert.Contains("b: Outage", failed.Health.Message);

        // Book is long 8 delta unhedged: a trade adding delta is refused, one removing it is allowed.
        Assert.False(HedgeGate.CanHedge(failed.Health, netOptionDelta: 8, currentHedge: 0, tradeDelta: 1));
        Assert.True(HedgeGate.CanHedge(failed.Health, netOptionDelta: 8, currentHedge: 0, tradeDelta: -3));

        b.Down = false;
        var recovered = Router.Execute(-8m, routes, HedgeBook.Empty, failed.Backoffs, T0.AddSeconds(5), "y");
        Assert.Equal(HedgeStatus.Hedged, recovered.Health.Status);
        Assert.Equal(-8m, recovered.Fills.Sum(f => f.Quantity));
        Assert.False(recovered.Backoffs.ContainsKey("a"));
        Assert.True(HedgeGate.CanHedge(recovered.Health, 8, 0, 1));
    }

    [Fact]
    public void With_no_routable_venue_at_all_the_reason_says_so()
    {
        var execution = Execute(1m, Route(new ScriptedVenue("a") { Mark = double.NaN }));
        Assert.Equal(UnderHedgeReason.NoEligibleVenue, execution.Health.Reason);
        Assert.Equal(VenueError.InvalidData, Assert.Single(execution.Failures).Error);
    }
}
