using Ballast.Engine;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;

namespace Ballast.Simulation.Runner;

/// <summary>Tallies money entering or leaving the vault from outside, so a run can check that the engine conserved it.</summary>
internal static class ExternalMoney
{
    /// <summary>Adds the external flows of an accepted decision to <paramref name="tally"/> (index = <see cref="Asset"/>).</summary>
    public static void Add(decimal[] tally, in Decision decision)
    {
        for (int i = 0; i < decision.EventCount; i++)
        {
            switch (decision[i])
            {
                case CapitalDeposited c: tally[(int)c.Asset] += c.Amount; break;
                case CollateralDeposited d: tally[(int)d.Asset] += d.Amount; break;
                case CollateralWithdrawn w: tally[(int)w.Asset] -= w.Amount; break;
                case InsuranceFundDeposited f: tally[(int)Asset.Quote] += f.Amount; break;
            }
        }
    }
}
