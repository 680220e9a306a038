using Ballast.Cluster.Contracts;
using Ballast.Cluster.Grains;
using Ballast.Engine;
using Ballast.Engine.State;

namespace Ballast.Cluster.Tests;

/// <summary>Series of the default vault and a reference engine fed the same commands directly.</summary>
internal static class Markets
{
    /// <summary>The default vault's 28-day board expiry at <paramref name="now"/> (see DefaultVault).</summary>
    public static long NearExpiry(long now) => now - now % 86_400 + 28 * 86_400L + 8 * 3_600L;

    public static readonly decimal[] Strikes = [2500m, 2750m, 3000m, 3250m, 3500m];

    /// <summary>Opens the default vault and funds the four traders of <see cref="Trade"/>.</summary>
    public static IReadOnlyList<VaultCommand> Setup(string? key = null) =>
    [
        new OpenDefaultVault(key is null ? null : key + "-open"),
        .. Enumerable.Range(0, 4).Select(t => new DepositTraderCollateral($"trader-{t}", 1_000_000m, key is null ? null : $"{key}-fund-{t}")),
    ];

    /// <summary>The i-th trade of a deterministic mixed stream: strikes, calls/puts and sides rotate.</summary>
    public static PlaceTrade Trade(long now, int i, string? key = null)
    {
        // Sells only of puts (cash-secured by the quote collateral); a short call would need base collateral.
        bool isCall = i % 2 == 0;
        bool buy = isCall || i % 3 != 2;
        var series = new SeriesRef(NearExpiry(now), Strikes[i % Strikes.Length], isCall);
        return new PlaceTrade($"trader-{i % 4}", series, buy, 1 + i % 3, buy ? 1_000_000m : 0m, key);
    }

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
