using Ballast.Engine.Greeks;
using Ballast.Engine.State;

namespace Ballast.Engine.Tests.Support;

/// <summary>
/// Recomputes the Greek cache's GWAV book value from scratch. Definition checked: each strike's term is the vault's
/// call and put positions priced by BSM at vol = GWAV(base IV over ivGwavPeriod) × GWAV(skew over skewGwavPeriod), both
/// GWAVs ending at the strike's <see cref="StrikeState.CachedAt"/> (its last trade or its board's last refresh), with
/// the current spot and rate (every spot update and parameter activation refreshes all boards, so they are the ones
/// in force at that time) and time to expiry from CachedAt; 0 for a flat strike.
/// </summary>
public static class GwavBookAudit
{
    /// <summary>A strike's term recomputed by the definition above.</summary>
    public static double StrikeTerm(VaultState s, StrikeState k)
    {
        if (!s.HasSpot || k.IsFlat) return 0.0;
        var p = s.Parameters;
        var board = k.Board;
        double baseIv = board.BaseIvGwav.AverageOverLast((long)p.OptionValueIvGwavPeriod, k.CachedAt);
        double skew = k.SkewGwav.AverageOverLast((long)p.OptionValueSkewGwavPeriod, k.CachedAt);
        GreekCalculator.Pair(s.Spot, k.StrikeValue, p.RateAndCarry, GreekCalculator.YearsToExpiry(board.Expiry, k.CachedAt),
            baseIv * skew, out var call, out var put);
        return (double)k.VaultCallPosition * call.Price + (double)k.VaultPutPosition * put.Price;
    }

    /// <summary>
    /// Null when every strike's cached term equals <see cref="StrikeTerm"/> to 1e-12 relative (recomputed later, a GWAV
    /// at CachedAt is interpolated between observations made since, which moves its last bits; right at the update it is
    /// bit for bit, see the property test), every board's sum equals the sum of its strikes' terms and the global value
    /// the sum of the boards, both to 1e-10 of the gross (Σ|term|) — the sums are moved by differences on trades, so
    /// they carry round-off the terms do not.
    /// </summary>
    public static string? Problem(VaultState s)
    {
        double global = 0.0, gross = 0.0;
        foreach (var board in s.BoardsByExpiry())
        {
            double sum = 0.0, boardGross = 0.0;
            foreach (var k in board.Strikes)
            {
                double term = StrikeTerm(s, k);
                if (Math.Abs(term - k.CachedGwavValue) > 1e-12 * Math.Abs(term) + 1e-12)
                    return $"strike {k.Strike}: cached GWAV value {k.CachedGwavValue:R} vs recomputed {term:R} (cached at {k.CachedAt})";
                sum += term;
                boardGross += Math.Abs(term);
            }

            if (!Near(sum, board.CachedGwavBookValue, boardGross)) return $"board {board.Expiry}: cached {board.CachedGwavBookValue:R} vs recomputed {sum:R}";
            global += sum;
            gross += boardGross;
        }

        return Near(global, s.CachedGwavBookValue, gross) ? null : $"global: cached {s.CachedGwavBookValue:R} vs recomputed {global:R}";
    }

    private static bool Near(double a, double b, double scale) => Math.Abs(a - b) <= 1e-10 * scale + 1e-12;
}
