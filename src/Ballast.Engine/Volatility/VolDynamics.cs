using Ballast.Engine.Parameters;

namespace Ballast.Engine.Volatility;

/// <summary>
/// Lyra v1's rule for how a trade moves a board's base IV and a strike's skew (derivexyz/v1-core
/// <c>OptionMarketPricer.ivImpactForTrade</c>): Δbase = (amount / standardSize) / 100,
/// Δskew = Δbase · skewAdjustmentFactor; a trader buy adds, a sell subtracts; vol = baseIv · skew.
/// Pure functions; nothing throws; a broken bound is reported in <see cref="VolMove.Violation"/>.
/// </summary>
/// <remarks>
/// Bounds follow Lyra's asymmetric check: a buy (vol going up) is checked against maxVol, maxBaseIv, maxSkew
/// only; a sell against minVol, minBaseIv, minSkew only — so a trade that moves vol back towards its range
/// is never blocked by the bound on the other side. Force closes use <see cref="ApplyForceClose"/>.
/// <para>Iterations (Lyra <c>OptionMarket._composeTrade</c>/<c>_doTrade</c>): an order of size A in n pieces
/// trades n − 1 pieces of A/n and a last piece of A − (n − 1)·A/n. Each piece moves base IV and skew from where
/// the previous piece left them, is checked against the bounds, and is priced (premium, delta, vega, every fee)
/// at its own post-piece vol <see cref="VolMove.NewVol"/> with the vault's exposure updated piece by piece; the
/// trade's premium and fees are the sums over pieces. NAV is taken once, before the first piece (as Lyra).
/// Because the move is linear in the amount, the final base IV/skew do not depend on n (up to rounding);
/// only the prices do — more pieces price the order along the vol path instead of at its end.</para>
/// </remarks>
public static class VolDynamics
{
    /// <summary>Moves base IV and skew for an ordinary (non-force-close) trade and checks Lyra's bounds.</summary>
    /// <param name="baseIv">Board base IV before the trade (annualised decimal, &gt; 0).</param>
    /// <param name="skew">Strike skew before the trade (&gt; 0).</param>
    /// <param name="amount">Options traded (&gt; 0, finite).</param>
    /// <param name="direction">The trader's side.</param>
    /// <param name="p">Parameters: standardSize, skewAdjustmentFactor and the min/max bounds.</param>
    /// <returns>The post-trade base IV, skew, vol and the first broken bound.</returns>
    public static VolMove Apply(double baseIv, double skew, double amount, TradeDirection direction, VaultParameters p)
    {
        if (!ValidInputs(baseIv, skew, amount))
            return new VolMove(baseIv, skew, baseIv * skew, VolBoundViolation.InvalidInput);

        var (newBaseIv, newSkew) = Move(baseIv, skew, amount, direction, p);
        double newVol = newBaseIv * newSkew;
        return new VolMove(newBaseIv, newSkew, newVol, CheckBounds(newBaseIv, newSkew, newVol, direction, p));
    }

    /// <summary>
    /// Vol move of a force close (Lyra <c>updateCacheAndGetTradeResult</c> with <c>isForceClose</c>): base IV is
    /// not moved, skew moves as in <see cref="Apply"/>, the ordinary bounds do not apply, and the trade is rejected
    /// when the new skew is at or below absMinSkew or at or above absMaxSkew.
    /// </summary>
    /// <param name="baseIv">Board base IV (unchanged by the trade).</param>
    /// <param name="skew">Strike skew before the trade.</param>
    /// <param name="amount">Options traded (&gt; 0).</param>
    /// <param name="direction">The trader's side.</param>
    /// <param name="p">Parameters.</param>
    /// <returns>The move; <see cref="VolMove.NewVol"/> is baseIv · newSkew before any force-close vol shock.</returns>
    public static VolMove ApplyForceClose(double baseIv, double skew, double amount, TradeDirection direction, VaultParameters p)
    {
        if (!ValidInputs(baseIv, skew, amount))
            return new VolMove(baseIv, skew, baseIv * skew, VolBoundViolation.InvalidInput);

        var (_, newSkew) = Move(baseIv, skew, amount, direction, p);
        var violation = newSkew <= p.AbsMinSkew || newSkew >= p.AbsMaxSkew
            ? VolBoundViolation.SkewOutsideAbsoluteRange
            : VolBoundViolation.None;
        return new VolMove(baseIv, newSkew, baseIv * newSkew, violation);
    }

    /// <summary>Number of pieces an order is split into: <see cref="VaultParameters.Iterations"/> as a whole number ≥ 1.</summary>
    /// <param name="p">Parameters.</param>
    /// <returns>The piece count.</returns>
    public static int PieceCount(VaultParameters p) => Math.Max(1, (int)p.Iterations);

    /// <summary>Size of piece <paramref name="index"/> (0-based) of an order of <paramref name="amount"/> split into
    /// <paramref name="pieces"/>: amount/pieces, the last piece taking the remainder (Lyra <c>_doTrade</c>).</summary>
    /// <param name="amount">Order size (options).</param>
    /// <param name="pieces">Piece count (≥ 1).</param>
    /// <param name="index">Piece index, 0 ≤ index &lt; pieces.</param>
    /// <returns>The piece size (options).</returns>
    public static double PieceAmount(double amount, int pieces, int index)
    {
        double piece = amount / pieces;
        return index == pieces - 1 ? amount - piece * (pieces - 1) : piece;
    }

    /// <summary>
    /// Moves base IV and skew piece by piece for an order split into <see cref="PieceCount"/> pieces, writing each
    /// piece's move to <paramref name="moves"/>. Stops at the first piece that breaks a bound (that piece is written,
    /// with its violation). Allocation-free.
    /// </summary>
    /// <param name="baseIv">Board base IV before the order.</param>
    /// <param name="skew">Strike skew before the order.</param>
    /// <param name="amount">Order size (options, &gt; 0).</param>
    /// <param name="direction">The trader's side.</param>
    /// <param name="p">Parameters (iterations, standardSize, skewAdjustmentFactor, bounds).</param>
    /// <param name="moves">Destination; needs at least <see cref="PieceCount"/> elements.</param>
    /// <returns>Number of moves written; the last one carries the violation if any.</returns>
    public static int ApplyInPieces(double baseIv, double skew, double amount, TradeDirection direction,
        VaultParameters p, Span<VolMove> moves)
    {
        int pieces = PieceCount(p);
        if (moves.Length < pieces)
            throw new ArgumentException($"need room for {pieces} moves, got {moves.Length}", nameof(moves));
        for (int i = 0; i < pieces; i++)
        {
            var move = Apply(baseIv, skew, PieceAmount(amount, pieces, i), direction, p);
            moves[i] = move;
            if (!move.IsAllowed) return i + 1;
            baseIv = move.NewBaseIv;
            skew = move.NewSkew;
        }
        return pieces;
    }

    /// <summary>The skew written to a strike's skew GWAV: clamped to [gwavSkewFloor, gwavSkewCap] (Lyra
    /// <c>OptionGreekCache._updateStrikeSkew</c>), so an extreme skew cannot dominate the average.</summary>
    /// <param name="skew">Strike skew.</param>
    /// <param name="p">Parameters.</param>
    /// <returns>The clamped skew.</returns>
    public static double SkewForGwav(double skew, VaultParameters p) => Math.Clamp(skew, p.GwavSkewFloor, p.GwavSkewCap);

    private static bool ValidInputs(double baseIv, double skew, double amount) =>
        double.IsFinite(amount) && amount > 0
        && double.IsFinite(baseIv) && baseIv > 0
        && double.IsFinite(skew) && skew > 0;

    private static (double BaseIv, double Skew) Move(double baseIv, double skew, double amount,
        TradeDirection direction, VaultParameters p)
    {
        // Lyra ivImpactForTrade: one standard size moves base IV by one vol point (0.01).
        double baseMove = amount / p.StandardSize / 100;
        double skewMove = baseMove * p.SkewAdjustmentFactor;
        return direction == TradeDirection.Buy
            ? (baseIv + baseMove, skew + skewMove)
            : (baseIv - baseMove, skew - skewMove);
    }

    private static VolBoundViolation CheckBounds(double newBaseIv, double newSkew, double newVol,
        TradeDirection direction, VaultParameters p)
    {
        if (newBaseIv <= 0 || newSkew <= 0) return VolBoundViolation.NotPositive;
        if (direction == TradeDirection.Buy)
        {
            if (newVol > p.MaxVol) return VolBoundViolation.VolAboveMax;
            if (newBaseIv > p.MaxBaseIv) return VolBoundViolation.BaseIvAboveMax;
            if (newSkew > p.MaxSkew) return VolBoundViolation.SkewAboveMax;
        }
        else
        {
            if (newVol < p.MinVol) return VolBoundViolation.VolBelowMin;
            if (newBaseIv < p.MinBaseIv) return VolBoundViolation.BaseIvBelowMin;
            if (newSkew < p.MinSkew) return VolBoundViolation.SkewBelowMin;
        }
        return VolBoundViolation.None;
    }
}
