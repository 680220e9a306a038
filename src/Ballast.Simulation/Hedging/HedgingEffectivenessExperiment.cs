using System.Collections.Immutable;
using System.Globalization;
using Ballast.Engine.Hedging;
using Ballast.Pricing;
using Ballast.Simulation.Markets;
using Ballast.Simulation.Randomness;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Hedging;

/// <summary>
/// Runs every hedge policy on the same GBM paths (common random numbers) against a short option strip:
/// <list type="number">
/// <item>t = 0: the vault sells (or, with <see cref="HedgingEffectivenessSettings.VaultIsShort"/> false, buys)
/// <see cref="HedgingEffectivenessSettings.ContractsPerStrike"/> calls and puts per strike at their Black-Scholes value (σ as simulated, r = q = 0), so unhedged P&amp;L has mean ≈ 0;</item>
/// <item>each step: the book's delta, gamma and vega (BSM) and the current hedge go into the policy's
/// <see cref="HedgeContext"/>; an order, if any, is routed by <see cref="HedgeRouter"/> to a
/// <see cref="SimulatedVenue"/> and the fills and funding are applied to a <see cref="HedgeBook"/>;</item>
/// <item>expiry: P&amp;L = premium − Σ payoffs + hedge value at the final spot (price P&amp;L − fees − funding). The
/// hedge is marked, not closed (no closing cost).</item>
/// </list>
/// Each (policy, path) has its own venue stream, so policies do not perturb each other.
/// </summary>
public static class HedgingEffectivenessExperiment
{
    private const double SecondsPerYear = 365.0 * 86_400.0;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the experiment; a typed rejection for bad settings.</summary>
    /// <param name="settings">Parameters.</param>
    /// <param name="maxDegreeOfParallelism">Thread cap (null = all cores); the result does not depend on it.</param>
    /// <param name="report">The result when accepted.</param>
    /// <param name="message">Reason naming the bad setting; empty when accepted.</param>
    public static HedgingEffectivenessError TryRun(HedgingEffectivenessSettings settings, int? maxDegreeOfParallelism,
        out HedgingEffectivenessReport? report, out string message)
    {
        report = null;
        var error = settings.Validate(out message);
        if (error != HedgingEffectivenessError.None) return error;

        var policies = Policies(settings);
        int paths = settings.Paths, count = policies.Count;
        var pnl = new double[count][];
        var cost = new double[count][];
        var fees = new double[count][];
        var slippage = new double[count][];
        var funding = new double[count][];
        var trades = new double[count][];
        foreach (var array in new[] { pnl, cost, fees, slippage, funding, trades })
            for (int p = 0; p < count; p++) array[p] = new double[paths];

        double premium = Premium(settings);
        MonteCarlo.ForEachPath(paths, settings.Seed, maxDegreeOfParallelism, (i, rng) =>
        {
            var spots = new double[settings.Steps + 1];
            new GeometricBrownianMotion(settings.InitialSpot, 0, settings.Volatility).Simulate(rng, settings.StepSeconds / SecondsPerYear, spots);
            var book = BookGreeks(settings, spots);
            double payoff = Payoff(settings, spots[^1]);
            for (int p = 0; p < count; p++)
            {
                var outcome = HedgePath(settings, policies[p].Policy, spots, book, settings.Seed, p, i);
                // Short: premium received, payoffs paid; long: the reverse (Side = −1 short, +1 long).
                pnl[p][i] = -settings.Side * (premium - payoff) + outcome.HedgeValue;
                fees[p][i] = outcome.Fees;
                slippage[p][i] = outcome.Slippage;
                funding[p][i] = outcome.Funding;
                cost[p][i] = outcome.Fees + outcome.Slippage + outcome.Funding;
                trades[p][i] = outcome.Trades;
            }
        });

        var summaries = new List<PolicyHedgeSummary>(count);
        for (int p = 0; p < count; p++)
            summaries.Add(new PolicyHedgeSummary(policies[p].Name, SampleStatistics.Of(pnl[p]), SampleStatistics.Of(cost[p]),
                SampleStatistics.Of(fees[p]).Mean, SampleStatistics.Of(slippage[p]).Mean, SampleStatistics.Of(funding[p]).Mean,
                SampleStatistics.Of(trades[p]).Mean));
        report = new HedgingEffectivenessReport(settings, premium, summaries);
        return HedgingEffectivenessError.None;
    }

    /// <summary>The policies run, in report order: none, fixed intervals, Lyra, Whalley-Wilmott per γ, gamma-aware.</summary>
    public static IReadOnlyList<(string Name, IHedgePolicy? Policy)> Policies(HedgingEffectivenessSettings settings)
    {
        var list = new List<(string, IHedgePolicy?)> { ("none", null) };
        foreach (double hours in settings.FixedIntervalHours)
            list.Add((string.Create(CultureInfo.InvariantCulture, $"fixed {hours}h"),
                new TimeBasedHedgePolicy(new TimeBasedHedgeParameters { IntervalSeconds = hours * 3_600, HedgeCap = 1e6 })));
        list.Add(("lyra", new LyraHedgePolicy(settings.Lyra)));
        foreach (double gamma in settings.WhalleyWilmottRiskAversions)
            list.Add((string.Create(CultureInfo.InvariantCulture, $"ww γ={gamma}"),
                new WhalleyWilmottHedgePolicy(new WhalleyWilmottParameters { RiskAversion = gamma, HedgeCap = 1e6 })));
        list.Add(("gamma-aware", new GammaAwareHedgePolicy(settings.GammaAware)));
        return list;
    }

    private readonly record struct PathOutcome(double HedgeValue, double Fees, double Slippage, double Funding, int Trades);

    private static PathOutcome HedgePath(HedgingEffectivenessSettings s, IHedgePolicy? policy, double[] spots,
        (double Delta, double Gamma, double Vega)[] greeks, ulong seed, int policyIndex, int pathIndex)
    {
        if (policy is null) return default;
        // A stream per (policy, path): seed mixed with the policy index by the golden-ratio increment (SplitMix64's).
        var venueRng = Xoshiro256StarStar.ForPath(unchecked(seed + 0x9E3779B97F4A7C15UL * (ulong)(policyIndex + 1)), pathIndex);
        var venue = new SimulatedVenue(s.Venue, venueRng, Start);
        var router = new HedgeRouter(new HedgeRouterSettings { MaxFundingAge = TimeSpan.FromSeconds(s.Venue.FundingIntervalSeconds + s.StepSeconds) });
        VenueRoute[] routes = [new VenueRoute(venue, 1e6m, 1e6m)];
        var book = HedgeBook.Empty;
        var backoffs = ImmutableSortedDictionary.Create<string, VenueBackoff>(StringComparer.Ordinal);
        double lastHedge = double.NegativeInfinity, slippage = 0;
        decimal hedge = 0m; // = book.NetQuantity, tracked here to avoid summing the book every step
        int trades = 0;
        double lambda = s.ProportionalCost;
        int steps = s.Steps;
        for (int k = 0; k < steps; k++)
        {
            var now = Start + TimeSpan.FromSeconds(k * s.StepSeconds);
            double spot = spots[k];
            venue.SetMark(spot, now);
            book = ApplyFunding(venue, book, now);
            double elapsed = k * s.StepSeconds - lastHedge;
            var context = new HedgeContext(greeks[k].Delta, (double)hedge, greeks[k].Gamma, greeks[k].Vega, spot,
                s.Volatility, elapsed, (steps - k) * s.StepSeconds / SecondsPerYear, 0, lambda);
            var decision = policy.Decide(context);
            decimal quantity = decision.OrderQuantity(router.Settings.LotSize);
            if (quantity == 0) continue;
            var execution = router.Execute(quantity, routes, book, backoffs, now, "h");
            backoffs = execution.Backoffs;
            foreach (var fill in execution.Fills)
            {
                slippage += (double)fill.Quantity * ((double)fill.Price - spot);
                book = book.Apply(fill);
                hedge += fill.Quantity;
            }
            lastHedge = k * s.StepSeconds;
            trades++;
        }

        var end = Start + TimeSpan.FromSeconds(steps * s.StepSeconds);
        venue.SetMark(spots[^1], end);
        book = ApplyFunding(venue, book, end);
        decimal finalMark = (decimal)spots[^1];
        return new PathOutcome((double)book.Value(finalMark), (double)book.FeesPaid, slippage, (double)book.NetFundingPaid, trades);
    }

    private static HedgeBook ApplyFunding(SimulatedVenue venue, HedgeBook book, DateTimeOffset now)
    {
        var settlement = venue.SettleFunding(now);
        if (VenueDataGuard.CheckSettlement(settlement, out _) != VenueError.None || settlement.Periods == 0) return book;
        return book.Apply(new FundingPaid(settlement.SettledAt, venue.Id, HedgeMoney.Cost(settlement.Amount), settlement.RatePerYear));
    }

    private static double Premium(HedgingEffectivenessSettings s)
    {
        double total = 0, t = s.ExpiryDays / 365.0;
        foreach (double m in s.StrikeMultipliers)
        {
            double strike = m * s.InitialSpot;
            total += BlackScholesMerton.Price(OptionType.Call, s.InitialSpot, strike, 0, 0, t, s.Volatility)
                   + BlackScholesMerton.Price(OptionType.Put, s.InitialSpot, strike, 0, 0, t, s.Volatility);
        }
        return total * s.ContractsPerStrike;
    }

    private static double Payoff(HedgingEffectivenessSettings s, double spot)
    {
        double total = 0;
        foreach (double m in s.StrikeMultipliers)
            total += Math.Max(spot - m * s.InitialSpot, 0) + Math.Max(m * s.InitialSpot - spot, 0);
        return total * s.ContractsPerStrike;
    }

    /// <summary>The vault's book Greeks at each step before expiry.</summary>
    private static (double Delta, double Gamma, double Vega)[] BookGreeks(HedgingEffectivenessSettings s, double[] spots)
    {
        int steps = s.Steps;
        var greeks = new (double, double, double)[steps];
        for (int k = 0; k < steps; k++)
        {
            double t = (steps - k) * s.StepSeconds / SecondsPerYear, delta = 0, gamma = 0, vega = 0;
            foreach (double m in s.StrikeMultipliers)
            {
                // Put-call parity with r = q = 0 (C − P = S − K): put delta = call delta − 1, equal gamma and vega;
                // pricing only the call halves the experiment's dominant cost.
                var call = BlackScholesMerton.Greeks(OptionType.Call, spots[k], m * s.InitialSpot, 0, 0, t, s.Volatility);
                delta -= 2 * call.Delta - 1;
                gamma -= 2 * call.Gamma;
                vega -= 2 * call.Vega;
            }
            double size = -s.Side * s.ContractsPerStrike; // the sums above are of a short strip
            greeks[k] = (delta * size, gamma * size, vega * size);
        }
        return greeks;
    }
}
