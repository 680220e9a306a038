using Ballast.Engine.Hedging;

namespace Ballast.Engine.Tests.Hedging;

/// <summary>A plain context for policy tests: ETH at 2,000, 80 % vol, 30 days, 7 bp cost.</summary>
internal static class HedgeContexts
{
    public static HedgeContext With(double netDelta, double currentHedge, double secondsSinceLastHedge = 0, double gamma = -0.05) =>
        new(NetOptionDelta: netDelta, CurrentHedge: currentHedge, NetGamma: gamma, NetVega: -500, Spot: 2_000, Volatility: 0.8,
            SecondsSinceLastHedge: secondsSinceLastHedge, TimeToExpiryYears: 30 / 365.0, RiskFreeRate: 0, ProportionalCost: 0.0007);
}
