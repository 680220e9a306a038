using Ballast.Engine.Greeks;
using Ballast.Engine.State;

namespace Ballast.Engine.Tests.Support;

/// <summary>Recomputes the Greek cache from scratch and compares it with the incrementally maintained one.</summary>
public static class CacheAudit
{
    /// <summary>
    /// Null when every strike's exposure equals position × Greeks recomputed at its cached vol and time (Lyra semantics:
    /// a trade refreshes only its own strike, so other strikes keep the vol of their last refresh), every board's
    /// equals the sum of its strikes and the global equals the sum of boards (relative tolerance on gross sums).
    /// </summary>
    public static string? Problem(VaultState s)
    {
        var global = GreekExposure.Zero;
        var gross = GreekExposure.Zero;
        foreach (var board in s.BoardsByExpiry())
        {
            var sum = GreekExposure.Zero;
            var boardGross = GreekExposure.Zero;
            foreach (var k in board.Strikes)
            {
                GreekCalculator.Pair(s.Spot, k.StrikeValue, s.Parameters.RateAndCarry,
                    GreekCalculator.YearsToExpiry(board.Expiry, k.CachedAt), k.CachedVol, out var call, out var put);
                var fresh = s.HasSpot
                    ? GreekExposure.Of((double)k.VaultCallPosition, call) + GreekExposure.Of((double)k.VaultPutPosition, put)
                    : GreekExposure.Zero;
                if (!Close(fresh, k.Exposure, Abs(fresh) + Abs(k.Exposure))) return $"strike {k.Strike}: cached {k.Exposure} vs recomputed {fresh}";
                sum += fresh;
                boardGross += Abs(fresh);
            }

            if (!Close(sum, board.Exposure, boardGross)) return $"board {board.Expiry}: cached {board.Exposure} vs recomputed {sum}";
            global += sum;
            gross += boardGross;
        }

        return Close(global, s.Exposure, gross) ? null : $"global: cached {s.Exposure} vs recomputed {global}";
    }

    /// <summary>Null when every strike's cached vol is its current vol (true right after a full refresh).</summary>
    public static string? StaleVolProblem(VaultState s)
    {
        foreach (var k in s.Strikes.Values)
        {
            if (k.CachedVol != k.Vol) return $"strike {k.Strike}: cached vol {k.CachedVol} is not baseIv×skew {k.Vol}";
        }

        return null;
    }

    private static GreekExposure Abs(GreekExposure e) =>
        new(Math.Abs(e.Delta), Math.Abs(e.Gamma), Math.Abs(e.Vega), Math.Abs(e.StandardVega), Math.Abs(e.Theta), Math.Abs(e.Value));

    private static bool Close(GreekExposure a, GreekExposure b, GreekExposure scale) =>
        Near(a.Delta, b.Delta, scale.Delta) && Near(a.Gamma, b.Gamma, scale.Gamma) && Near(a.Vega, b.Vega, scale.Vega)
        && Near(a.StandardVega, b.StandardVega, scale.StandardVega) && Near(a.Theta, b.Theta, scale.Theta) && Near(a.Value, b.Value, scale.Value);

    private static bool Near(double a, double b, double scale) => Math.Abs(a - b) <= 1e-9 * (scale + 1e-12) + 1e-12;
}
