using Ballast.Engine.MarketMaking;
using Ballast.Simulation.Randomness;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.MarketMaking;

/// <summary>
/// The simulation of Avellaneda &amp; Stoikov (2008), "High-frequency trading in a limit order book", Quantitative
/// Finance 8(3):217–224, §3.3 (Tables 1–3). Each step of length dt, for each strategy:
/// <list type="number">
/// <item>quote: the inventory strategy at r ± spread/2 (<see cref="AvellanedaStoikov"/>), the symmetric strategy at
/// s ± spread/2 with the same spread (<see cref="SymmetricQuoting"/>);</item>
/// <item>the mid moves ±σ√dt with probability ½ each (the paper's binomial steps);</item>
/// <item>fills: the bid is hit with probability λ(δᵇ)dt = A·e^(−kδᵇ)dt (capped at 1, since δ can be negative when the
/// reservation price is far from the mid), the ask likewise, one unit each, at the quoted price; δ is measured from
/// the moved mid by default (<see cref="FillTiming"/>).</item>
/// </list>
/// Both strategies see the same mid moves and the same two uniforms per step deciding fills (common random numbers),
/// so their difference is the strategy, not the luck. Profit per path = cash + q_T·s_T.
/// </summary>
public static class AvellanedaStoikovExperiment
{
    /// <summary>Runs the experiment; returns a typed rejection for bad settings.</summary>
    /// <param name="settings">Parameters (defaults are the paper's).</param>
    /// <param name="maxDegreeOfParallelism">Thread cap (null = all cores); the result does not depend on it.</param>
    /// <param name="report">The result when accepted.</param>
    /// <param name="message">Reason naming the bad setting, empty when accepted.</param>
    public static AvellanedaStoikovSettingsError TryRun(AvellanedaStoikovSettings settings, int? maxDegreeOfParallelism,
        out AvellanedaStoikovReport? report, out string message)
    {
        var error = settings.Validate(out message);
        report = null;
        if (error != AvellanedaStoikovSettingsError.None) return error;

        int paths = settings.Paths;
        var inventoryProfit = new double[paths];
        var inventoryFinal = new double[paths];
        var inventorySpread = new double[paths];
        var symmetricProfit = new double[paths];
        var symmetricFinal = new double[paths];
        var symmetricSpread = new double[paths];
        MonteCarlo.ForEachPath(paths, settings.Seed, maxDegreeOfParallelism, (i, rng) =>
        {
            var outcome = RunPath(settings, rng);
            (inventoryProfit[i], inventoryFinal[i], inventorySpread[i]) = outcome.Inventory;
            (symmetricProfit[i], symmetricFinal[i], symmetricSpread[i]) = outcome.Symmetric;
        });

        report = new AvellanedaStoikovReport(settings,
            Summarise(inventorySpread, inventoryProfit, inventoryFinal),
            Summarise(symmetricSpread, symmetricProfit, symmetricFinal));
        return AvellanedaStoikovSettingsError.None;
    }

    private static StrategySummary Summarise(double[] spreads, double[] profits, double[] finals)
        => new(SampleStatistics.Of(spreads).Mean, SampleStatistics.Of(profits), SampleStatistics.Of(finals), InventoryDistribution.Of(finals));

    /// <summary>(profit, final inventory, mean spread) of one path for each strategy.</summary>
    private static ((double, double, double) Inventory, (double, double, double) Symmetric) RunPath(
        AvellanedaStoikovSettings p, Xoshiro256StarStar rng)
    {
        int steps = p.Steps;
        double dt = p.TimeStep, sigma = p.Volatility, gamma = p.RiskAversion, k = p.IntensityDecay;
        double fillScale = p.ArrivalIntensity * dt, midStep = sigma * Math.Sqrt(dt);
        double mid = p.InitialMid;
        var inventory = new Book(p.InitialInventory);
        var symmetric = new Book(p.InitialInventory);
        for (int step = 0; step < steps; step++)
        {
            double timeLeft = p.Horizon - step * dt;
            var inventoryQuote = AvellanedaStoikov.QuoteUnchecked(mid, inventory.Position, sigma, gamma, k, timeLeft);
            var symmetricQuote = SymmetricQuoting.QuoteUnchecked(mid, sigma, gamma, k, timeLeft);
            double bidDraw = rng.NextDouble(), askDraw = rng.NextDouble();
            double movedMid = mid + (rng.NextDouble() < 0.5 ? midStep : -midStep);
            double fillMid = p.FillTiming == FillTiming.AfterMidMove ? movedMid : mid;
            inventory.Trade(inventoryQuote, fillMid, bidDraw, askDraw, fillScale, k);
            symmetric.Trade(symmetricQuote, fillMid, bidDraw, askDraw, fillScale, k);
            mid = movedMid;
        }

        return (inventory.Outcome(mid, steps), symmetric.Outcome(mid, steps));
    }

    /// <summary>One strategy's cash and inventory along a path.</summary>
    private struct Book(double initialInventory)
    {
        public double Position = initialInventory;
        private double _cash;
        private double _spreadSum;

        public void Trade(MarketMakerQuote quote, double mid, double bidDraw, double askDraw, double fillScale, double k)
        {
            _spreadSum += quote.Spread;
            // AS 2008 §3.3: P(fill in dt) = λ(δ)dt = A·e^(−kδ)·dt; u < p decides it (p ≥ 1 always fills).
            if (bidDraw < fillScale * Math.Exp(-k * (mid - quote.Bid)))
            {
                Position += 1;
                _cash -= quote.Bid;
            }

            if (askDraw < fillScale * Math.Exp(-k * (quote.Ask - mid)))
            {
                Position -= 1;
                _cash += quote.Ask;
            }
        }

        public readonly (double Profit, double FinalInventory, double SpreadMean) Outcome(double finalMid, int steps)
            => (_cash + Position * finalMid, Position, _spreadSum / steps);
    }
}
