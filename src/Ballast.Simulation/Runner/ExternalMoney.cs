using Ballast.Engine;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool.Events;

namespace Ballast.Simulation.Runner;

/// <summary>Tallies money entering or leaving the vault from outside, so a run can check that the engine conserved it.</summary>
internal static class ExternalMoney
{
    /// <summary>Adds the external flows of an accepted decision to <paramref name="tally"/> (index = <see cref="Asset"/>).</summary>
    public static void Add(decimal[] tally, in Decision decision)
    {
        for (int i = 0; i < decision.EventCount; i++) Add(tally, decision[i]);
    }

    private static void Add(decimal[] tally, Event e)
    {
        switch (e)
        {
            case CapitalDeposited c: tally[(int)c.Asset] += c.Amount; break;
            case CollateralDeposited d: tally[(int)d.Asset] += d.Amount; break;
            case CollateralWithdrawn w: tally[(int)w.Asset] -= w.Amount; break;
            case InsuranceFundDeposited f: tally[(int)Asset.Quote] += f.Amount; break;
            // LP quote enters when a deposit is queued (held outside capital until processed) or minted instantly
            // (request id 0), and leaves when a withdrawal is paid or a queued deposit is refunded.
            case DepositRequested r: tally[(int)Asset.Quote] += r.Amount; break;
            case DepositProcessed { RequestId: 0 } d: tally[(int)Asset.Quote] += d.Amount; break;
            case WithdrawalProcessed w: tally[(int)Asset.Quote] -= w.Payout; break;
            case RequestCancelled c: tally[(int)Asset.Quote] -= c.RefundedQuote; break;
            case PoolEventBatch b:
                foreach (var change in b.Changes) Add(tally, change);
                break;
        }
    }
}
