using Ballast.Cluster.Contracts;
using Ballast.Cluster.Grains;
using Ballast.Cluster.Load;
using Ballast.Engine;
using Ballast.Engine.State;

namespace Ballast.Cluster.Tests;

/// <summary>Series of the default vault and a reference engine fed the same commands directly.</summary>
internal static class Markets
{
    /// <summary>The default vault's 28-day board expiry at <paramref name="now"/> (see DefaultVault).</summary>
    public static long NearExpiry(long now) => now - now % 86_400 + 28 * 86_400L + 8 * 3_600L;

    public static readonly decimal[] Strikes = [2500m, 2750m, 3000m, 3250m, 3500m];

    /// <summary>Opens the default vault and funds the traders of <see cref="Trade"/>.</summary>
    public static IReadOnlyList<VaultCommand> Setup(string? key = null) => DemoFlow.Setup(key);

    /// <summary>The i-th trade of the deterministic demo flow on the near board.</summary>
    public static PlaceTrade Trade(long now, int i, string? key = null) => DemoFlow.Trade(NearExpiry(now), Strikes, i, key);

    /// <summary>Applies wire commands straight to a fresh engine state at <paramref name="now"/>: Decide, then Apply.</summary>
    public static VaultState Direct(IEnumerable<VaultCommand> commands, long now)
    {
        var state = new VaultState();
        foreach (var wire in commands)
        {
            foreach (var command in CommandMapper.ToEngine(wire, now))
            {
                var decision = Vault.Decide(state, command, now);
                if (decision.IsAccepted) state.Apply(decision);
            }
        }

        return state;
    }
}
