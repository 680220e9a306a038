using Ballast.Engine.Events;
using Ballast.Engine.Hedging;
using Ballast.Engine.Markets;
using Ballast.Engine.State;
using Ballast.Simulation.Data;
using Ballast.Simulation.Hedging;
using Ballast.Simulation.Metrics;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Tests.Hedging;

public class EngineHedgingRunnerTests
{
    /// <summary>Full hedge at 10 bp on a venue whose funding is a constant 20 %/year (longs pay), so funding really flows.</summary>
    private sealed class FundedFullHedge : IDeltaHedger
    {
        public double CostRate => 0.001;

        public double TargetHedge(in HedgeContext context, long now) => context.FullHedge;

        public SimulatedVenueSettings Venue => SimulatedVenueSettings.ProportionalCost("perp-funded", CostRate) with
        {
            FundingSeries = [new FundingRatePoint(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), 0.20)],
        };
    }

    /// <summary>Full hedge on a venue that rejects, fills partly, sends NaN prices and goes down.</summary>
    private sealed class FaultyVenueHedge : IDeltaHedger
    {
        public double CostRate => 0.0005;

        public double TargetHedge(in HedgeContext context, long now) => context.FullHedge;

        public SimulatedVenueSettings Venue => SimulatedVenueSettings.ProportionalCost("perp-flaky", CostRate) with
        {
            RejectionProbability = 0.2, PartialFillProbability = 0.3, InvalidPriceProbability = 0.1, OutagesPerDay = 2, MeanOutageSeconds = 4 * 3600,
        };
    }

        private static (VaultPathSimulation Path, PathResult Result) RunHedged(IDeltaHedger hedger, int days = 10)
    {
        var path = ScenarioRunner.CreatePath(TestScenarios.Short(days: days, paths: 1), 0, hedger);
        path.KeepJournal();
        return (path, path.Run(record: false));
    }

    [Fact]
    public void The_runner_books_every_hedge_fill_in_the_vault_and_replay_gives_the_same_hash()
    {
        Assert.True(PolicyDeltaHedger.TryCreate(HedgePolicyKind.WhalleyWilmott, 0.0005, out var hedger, out string message), message);
        var (path, result) = RunHedged(hedger!);

        var fills = path.Journal!.OfType<HedgeFillBooked>().ToList();
        Assert.NotEmpty(fills);
        Assert.Equal(fills.Sum(f => f.Quantity), path.State.HedgePosition);
        Assert.Equal(fills.Sum(f => f.Fee), path.State.Hedges.FeesPaid);
        var replayed = new VaultState();
        foreach (var e in path.Journal!) replayed.Apply(e);
        Assert.Equal(result.FinalStateHash, replayed.StateHash());
        Assert.Equal(path.State.HedgePosition, replayed.HedgePosition);
    }

    [Fact]
    public void The_same_seed_gives_the_same_hedged_run_and_a_different_hash_from_the_unhedged_one()
    {
        Assert.True(PolicyDeltaHedger.TryCreate(HedgePolicyKind.Lyra, 0.0005, out var hedger, out string message), message);

        var first = RunHedged(hedger!).Result;
        var second = RunHedged(hedger!).Result;
        var unhedged = ScenarioRunner.RunPath(TestScenarios.Short(days: 10, paths: 1), 0);

        Assert.Equal(first.FinalStateHash, second.FinalStateHash);
        Assert.NotEqual(unhedged.FinalStateHash, first.FinalStateHash);
    }

    [Fact]
    public void Hedge_fees_and_funding_leave_vault_capital_and_money_adds_up()
    {
        var (path, result) = RunHedged(new FundedFullHedge(), days: 6);
        var s = path.State;
        var journal = path.Journal!;

        var funding = journal.OfType<HedgeFundingBooked>().ToList();
        Assert.NotEmpty(funding);
        Assert.Equal(funding.Sum(f => f.Amount), s.Hedges.NetFundingPaid);
        // Pool events come one by one or in a batch; LP quote enters on a queued request or an instant deposit (id 0).
        var flat = journal.SelectMany(e => e is Engine.Pool.Events.PoolEventBatch b ? b.Changes.Cast<Engine.Events.Event>() : [e]);
        decimal deposits = flat.Sum(e => e switch
        {
            CapitalDeposited c when c.Asset == Asset.Quote => c.Amount,
            Engine.Pool.Events.DepositRequested r => r.Amount,
            Engine.Pool.Events.DepositProcessed { RequestId: 0 } d => d.Amount,
            Engine.Pool.Events.WithdrawalProcessed w => -w.Payout,
            Engine.Pool.Events.RequestCancelled c => -c.RefundedQuote,
            CollateralDeposited c when c.Asset == Asset.Quote => c.Amount,
            CollateralWithdrawn w when w.Asset == Asset.Quote => -w.Amount,
            HedgeFillBooked f => -f.Fee,
            HedgeFundingBooked f => -f.Amount,
            _ => 0m,
        });
        decimal held = s.Capital(Asset.Quote) + s.AccruedFees(Asset.Quote) + s.Accounts.Values.Sum(a => a.Free(Asset.Quote) + a.Locked(Asset.Quote))
            + (s.Pool?.QueuedDepositTotal ?? 0m);
        Assert.Equal(deposits, held);
        Assert.Equal(result.Pnl, result.Components.Sum(), 4);
        Assert.Equal(0, result.FinalNetDelta, 6);
    }

    [Fact]
    public void Venue_faults_leave_the_vault_under_hedged_but_never_corrupt_its_state()
    {
        var (path, result) = RunHedged(new FaultyVenueHedge(), days: 10);
        var journal = path.Journal!;

        var health = journal.OfType<HedgeHealthReported>().ToList();
        Assert.Contains(health, h => h.Status == HedgeStatus.UnderHedged);
        Assert.Contains(health, h => h.Status == HedgeStatus.Hedged); // and it recovers
        Assert.NotEmpty(journal.OfType<HedgeFillBooked>());
        Assert.True(double.IsFinite(path.State.HedgeValue(path.State.Spot)));
        var replayed = new VaultState();
        foreach (var e in journal) replayed.Apply(e);
        Assert.Equal(result.FinalStateHash, replayed.StateHash());
        Assert.Equal(result.Pnl, result.Components.Sum(), 4);
    }
}
