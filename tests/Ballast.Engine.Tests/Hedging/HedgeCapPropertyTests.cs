using Ballast.Engine.Hedging;
using FsCheck.Xunit;
using static Ballast.Engine.Tests.Hedging.RouterFixture;

namespace Ballast.Engine.Tests.Hedging;

/// <summary>Invariants: no policy target or order, and no routed order, ever exceeds its caps.</summary>
public class HedgeCapPropertyTests
{
    [Property(MaxTest = 300)]
    public void No_policy_target_or_order_exceeds_the_hedge_cap_or_the_order_cap(short delta, short hedge, byte cap, byte orderCap,
        byte gammaHundredths, bool longGamma, ushort elapsed)
    {
        double hedgeCap = cap, maxOrder = 1 + orderCap;
        double currentHedge = Math.Clamp((double)hedge, -hedgeCap, hedgeCap); // the hedge itself was built within the cap
        var context = HedgeContexts.With(delta, currentHedge, elapsed, (longGamma ? 1 : -1) * gammaHundredths / 100.0);
        var band = new WhalleyWilmottParameters { RiskAversion = 0.001, HedgeCap = hedgeCap, MaxOrderSize = maxOrder };
        IHedgePolicy[] policies =
        [
            new LyraHedgePolicy(new() { HedgeCap = hedgeCap, MaxOrderSize = maxOrder, InteractionDelaySeconds = 600, DeltaThreshold = 5 }),
            new WhalleyWilmottHedgePolicy(band),
            new TimeBasedHedgePolicy(new() { HedgeCap = hedgeCap, MaxOrderSize = maxOrder, IntervalSeconds = 300 }),
            new GammaAwareHedgePolicy(new() { Band = band }),
        ];
        foreach (var policy in policies)
        {
            var decision = policy.Decide(context);
            Assert.True(Math.Abs(decision.TargetHedge) <= hedgeCap, $"{policy.Kind} target {decision.TargetHedge} > cap {hedgeCap}");
            Assert.True(Math.Abs(decision.OrderSize) <= maxOrder, $"{policy.Kind} order {decision.OrderSize} > {maxOrder}");
            Assert.True(Math.Abs(currentHedge + decision.OrderSize) <= hedgeCap + 1e-9, $"{policy.Kind} hedge after order beyond cap");
            Assert.True(Math.Abs(decision.OrderQuantity(0.001m)) <= (decimal)maxOrder);
        }
    }

    [Property(MaxTest = 300)]
    public void Routed_orders_never_exceed_a_venues_order_cap_or_position_cap(short quantityTenths, byte capA, byte orderA,
        byte capB, byte orderB, sbyte heldA, byte feeBpA, byte depthB)
    {
        decimal quantity = quantityTenths / 10m;
        var a = new ScriptedVenue("a") { TakerFee = feeBpA / 10_000.0 };
        var b = new ScriptedVenue("b") { Depth = new(0.0001, 0.0005, 1 + depthB, 10_000) };
        decimal held = Math.Clamp(heldA, -(int)capA, capA);
        var book = held == 0 ? HedgeBook.Empty : HedgeBook.Empty.Apply(new HedgeFilled(T0, "a", "seed", held, 2_000m, 0m));
        VenueRoute[] routes = [Route(a, capA, orderA), Route(b, capB, orderB)];

        var execution = Router.Execute(quantity, routes, book, NoBackoffs, T0, "p");

        foreach (var (venue, route, start) in new[] { (a, routes[0], held), (b, routes[1], 0m) })
        {
            foreach (var order in venue.Orders)
            {
                Assert.True(Math.Abs(order.Quantity) <= route.MaxOrder, $"{venue.Id} order {order.Quantity} > {route.MaxOrder}");
                Assert.Equal(Math.Sign(quantity), Math.Sign(order.Quantity));
            }
            decimal after = start + venue.Orders.Sum(o => o.Quantity);
            // A cap binds only on the side the hedge is growing; an existing position beyond it is only ever reduced.
            Assert.True(Math.Abs(after) <= Math.Max(route.MaxPosition, Math.Abs(start)), $"{venue.Id} position {after} > {route.MaxPosition}");
        }
        decimal placed = execution.Fills.Sum(f => f.Quantity);
        Assert.True(Math.Abs(placed) <= Math.Abs(quantity));
        Assert.Equal(quantity - placed, execution.Unfilled);
        Assert.Equal(Math.Abs(execution.Unfilled) >= 0.001m, execution.Health.IsUnderHedged);
    }
}
