namespace Ballast.Simulation.Hedging;

/// <summary>Result of <see cref="HedgingEffectivenessExperiment"/>.</summary>
/// <param name="Settings">The settings run.</param>
/// <param name="PremiumMean">Premium received for the strip at t = 0, quote (the same on every path).</param>
/// <param name="Policies">One summary per policy; the first is "none" (unhedged).</param>
public sealed record HedgingEffectivenessReport(HedgingEffectivenessSettings Settings, double PremiumMean,
    IReadOnlyList<PolicyHedgeSummary> Policies)
{
    /// <summary>The unhedged row.</summary>
    public PolicyHedgeSummary Unhedged => Policies[0];

    /// <summary>The row with this name (a missing name is a bug).</summary>
    public PolicyHedgeSummary this[string name] => Policies.Single(p => p.Name == name);

    /// <summary>The fixed-interval rows.</summary>
    public IEnumerable<PolicyHedgeSummary> FixedInterval => Policies.Where(p => p.Name.StartsWith("fixed ", StringComparison.Ordinal));

    /// <summary>
    /// The honest comparator for a policy: the fixed-interval row whose P&amp;L std is the smallest one at least as
    /// large as the policy's (the most expensive fixed interval that does not beat it on risk); null when every
    /// fixed interval has a lower std.
    /// </summary>
    public PolicyHedgeSummary? FixedIntervalComparator(PolicyHedgeSummary policy) =>
        FixedInterval.Where(f => f.PnlStd >= policy.PnlStd).OrderBy(f => f.PnlStd).FirstOrDefault();

    /// <summary>The fixed-interval row whose P&amp;L std is nearest the policy's, on either side.</summary>
    public PolicyHedgeSummary NearestFixedInterval(PolicyHedgeSummary policy) =>
        FixedInterval.OrderBy(f => Math.Abs(f.PnlStd - policy.PnlStd)).First();

    /// <summary>
    /// Cost of fixed-interval hedging interpolated (linearly in std) at the policy's std from the two fixed-interval rows
    /// that bracket it; null when the std is outside the fixed-interval range.
    /// </summary>
    public double? FixedIntervalFrontierCost(PolicyHedgeSummary policy)
    {
        var sorted = FixedInterval.OrderBy(f => f.PnlStd).ToList();
        for (int i = 0; i + 1 < sorted.Count; i++)
        {
            var (low, high) = (sorted[i], sorted[i + 1]);
            if (policy.PnlStd < low.PnlStd || policy.PnlStd > high.PnlStd) continue;
            double w = high.PnlStd == low.PnlStd ? 0 : (policy.PnlStd - low.PnlStd) / (high.PnlStd - low.PnlStd);
            return low.CostMean + w * (high.CostMean - low.CostMean);
        }
        return null;
    }
}
