using Ballast.Pricing;

namespace Ballast.Engine.Margin;

/// <summary>
/// The margin gate of a trade, called by the vault inside <c>Decide</c> (so there is no window between check and trade).
/// Pure: compares the account before and after the proposed trade.
/// </summary>
/// <remarks>
/// Definitions (issue 7):
/// <list type="bullet">
/// <item><b>Risk-reducing</b>: (1) no series' net quantity grows in magnitude or changes sign — for every (type, strike,
/// expiry) the net quantity after lies between 0 and the net quantity before, inclusive (new series count as growth);
/// and (2) the maintenance balance does not fall (MM after ≥ MM before). Both must hold. A collateral withdrawal leaves the
/// positions unchanged and lowers MM, so it is never risk-reducing; paying a premium to buy back a short lowers collateral
/// by the price but releases more requirement, so it is.</item>
/// <item><b>Allowed</b>: risk-reducing, or initial margin balance after the trade ≥ 0.</item>
/// </list>
/// Condition (2) matters because closing part of a hedged book (e.g. the long leg of a spread) shrinks every position yet raises risk.
/// </remarks>
public static class TradeRiskCheck
{
    /// <summary>Decides whether the trade from <paramref name="before"/> to <paramref name="after"/> may execute.</summary>
    public static TradeRiskDecision Evaluate(TraderAccount before, MarginResult marginBefore, TraderAccount after, MarginResult marginAfter)
    {
        bool reducing = OnlyShrinksPositions(before.Positions, after.Positions)
            && marginAfter.MaintenanceMargin >= marginBefore.MaintenanceMargin;
        var rejection = reducing || marginAfter.InitialMargin >= 0 ? TradeRiskRejection.None : TradeRiskRejection.InsufficientInitialMargin;
        return new TradeRiskDecision(reducing, rejection, marginAfter.InitialMargin, marginBefore.MaintenanceMargin, marginAfter.MaintenanceMargin);
    }

    /// <summary>Computes both margins with <paramref name="calculator"/> and decides (inputs must be validated).</summary>
    public static TradeRiskDecision Evaluate(TraderAccount before, TraderAccount after, MarginMarket market, MarginCalculator calculator)
        => Evaluate(before, calculator.Compute(before, market), after, calculator.Compute(after, market));

    /// <summary>True when every series' net quantity after lies between 0 and its net quantity before (inclusive).</summary>
    public static bool OnlyShrinksPositions(IReadOnlyList<MarginPosition> before, IReadOnlyList<MarginPosition> after)
    {
        var netBefore = Net(before);
        foreach (var (key, qAfter) in Net(after))
        {
            double qBefore = netBefore.GetValueOrDefault(key);
            bool within = qBefore >= 0 ? qAfter >= 0 && qAfter <= qBefore : qAfter <= 0 && qAfter >= qBefore;
            if (!within) return false;
        }

        return true;
    }

    private static Dictionary<(OptionType, double, double), double> Net(IReadOnlyList<MarginPosition> positions)
    {
        var net = new Dictionary<(OptionType, double, double), double>();
        foreach (var p in positions)
        {
            var key = (p.Type, p.Strike, p.TimeToExpiryYears);
            net[key] = net.GetValueOrDefault(key) + p.Quantity;
        }

        return net;
    }
}
