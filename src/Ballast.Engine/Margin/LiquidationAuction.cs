namespace Ballast.Engine.Margin;

/// <summary>
/// Derive-style Dutch liquidation auction (derivexyz/v2-core <c>src/liquidation/DutchAuction.sol</c>: <c>_getDiscountPercentage</c>,
/// <c>_getMaxProportion</c>), as pure functions. A bidder takes a fraction f of the whole account (every position and
/// both collateral balances) and pays f·d·E to the account, where E is the account's mark-to-market equity and d the
/// current price fraction.
/// </summary>
/// <remarks>
/// Price schedule: d falls linearly from <see cref="LiquidationParameters.StartingPriceFraction"/> (0.95) to
/// <see cref="LiquidationParameters.FastCutoffPriceFraction"/> (0.70) over the fast phase (15 min), then linearly to 0 over
/// the slow phase (<see cref="LiquidationParameters.SlowAuctionSeconds"/>, Derive mainnet 12 h), then stays 0.
/// <para>Maximum fraction, closed form. Buffer margin BM = MM + β·(MM − E) (Derive <c>bufferMarginPercentage</c> β).
/// Requirements are positively homogeneous in the positions (R(λP) = λR(P) for λ ≥ 0: sums, minima and maxima of linear
/// functions), so after the bidder takes f: margin collateral (1−f)·MC + f·d·E, requirement (1−f)·R, equity (1−f)·E + f·d·E, hence
/// MM(f) = (1−f)·MM + f·d·E and BM(f) = (1−f)·BM + f·d·E. Solving BM(f) = 0 gives f* = BM / (BM − d·E), in (0, 1) when BM &lt; 0 &lt; d·E
/// (Derive's formula with no reserved cash). f* is computed in decimal and rounded DOWN to 18 places, so the fraction taken never
/// exceeds the exact f*; the only inexactness is the 1e-8 rounding of requirements and collateral values (MarginMoney).</para>
/// </remarks>
public static class LiquidationAuction
{
    /// <summary>Decimal places of auction fractions (Derive uses 18-decimal fixed point).</summary>
    public const int FractionScale = 18;

    /// <summary>An auction may start only when the maintenance margin balance is negative.</summary>
    public static LiquidationRejection CanStart(MarginResult margin)
        => margin.MaintenanceMargin < 0 ? LiquidationRejection.None : LiquidationRejection.NotLiquidatable;

    /// <summary>Price fraction d after <paramref name="elapsedSeconds"/> (≥ 0) of auction, in [0, StartingPriceFraction].</summary>
    public static decimal PriceFraction(long elapsedSeconds, LiquidationParameters parameters)
    {
        if (elapsedSeconds < 0) throw new ArgumentOutOfRangeException(nameof(elapsedSeconds), "elapsed time must be ≥ 0");
        decimal start = parameters.StartingPriceFraction, cutoff = parameters.FastCutoffPriceFraction;
        if (elapsedSeconds < parameters.FastAuctionSeconds)
            return start - (start - cutoff) * elapsedSeconds / parameters.FastAuctionSeconds;
        long slowElapsed = elapsedSeconds - parameters.FastAuctionSeconds;
        if (slowElapsed < parameters.SlowAuctionSeconds)
            return cutoff - cutoff * slowElapsed / parameters.SlowAuctionSeconds;
        return 0m;
    }

    /// <summary>Buffer margin BM = MM + β·(MM − E) (quote; Derive <c>getBufferMargin</c> with β = bufferMarginPercentage).</summary>
    public static decimal BufferMargin(MarginResult margin, LiquidationParameters parameters)
        => margin.MaintenanceMargin + parameters.BufferMarginFraction * (margin.MaintenanceMargin - margin.Equity);

    /// <summary>
    /// Largest fraction a bidder may take at price fraction d: 0 when BM ≥ 0; f* = BM/(BM − d·E) rounded down to 18 places;
    /// 1 when d·E ≤ 0 (nothing restores the buffer short of taking everything).
    /// </summary>
    public static decimal MaxFraction(decimal bufferMargin, decimal equity, decimal priceFraction)
    {
        if (bufferMargin >= 0) return 0m;
        decimal paid = priceFraction * equity;
        if (paid <= 0) return 1m;
        decimal f = bufferMargin / (bufferMargin - paid);
        return Math.Min(1m, Math.Round(f, FractionScale, MidpointRounding.ToZero));
    }

    /// <summary>
    /// A bid for <paramref name="requestedFraction"/> of the account after <paramref name="elapsedSeconds"/> of auction. Accepted
    /// while the buffer margin is negative and equity is positive; the fraction taken is min(requested, max fraction).
    /// </summary>
    public static AuctionBid Bid(MarginResult margin, long elapsedSeconds, decimal requestedFraction, LiquidationParameters parameters)
    {
        if (elapsedSeconds < 0) return new AuctionBid(LiquidationRejection.InvalidTime, 0, 0, 0, 0);
        if (requestedFraction <= 0 || requestedFraction > 1) return new AuctionBid(LiquidationRejection.InvalidFraction, 0, 0, 0, 0);
        decimal bm = BufferMargin(margin, parameters);
        if (bm >= 0) return new AuctionBid(LiquidationRejection.NotLiquidatable, 0, 0, 0, 0);
        if (margin.Equity <= 0) return new AuctionBid(LiquidationRejection.Insolvent, 0, 0, 0, 0);
        decimal d = PriceFraction(elapsedSeconds, parameters);
        decimal max = MaxFraction(bm, margin.Equity, d);
        decimal f = Math.Min(requestedFraction, max);
        decimal payment = MarginMoney.Ceiling(f * d * margin.Equity);
        return new AuctionBid(LiquidationRejection.None, f, max, d, payment);
    }

    /// <summary>
    /// Payment an insolvent auction offers a bidder for taking the whole account after <paramref name="elapsedSeconds"/>:
    /// grows linearly from 0 to the maintenance deficit −MM over <see cref="LiquidationParameters.InsolventAuctionSeconds"/>
    /// (Derive insolvent auction), rounded down. Funded through <see cref="InsolvencyWaterfall"/>.
    /// </summary>
    public static decimal InsolventPayment(MarginResult margin, long elapsedSeconds, LiquidationParameters parameters)
    {
        if (elapsedSeconds < 0) throw new ArgumentOutOfRangeException(nameof(elapsedSeconds), "elapsed time must be ≥ 0");
        decimal deficit = Math.Max(0m, -margin.MaintenanceMargin);
        decimal share = Math.Min(1m, (decimal)elapsedSeconds / parameters.InsolventAuctionSeconds);
        return MarginMoney.Floor(deficit * share);
    }

    /// <summary>
    /// The account after a bidder takes <paramref name="fraction"/>: positions scaled by (1 − f), collateral reduced by the
    /// taken parts (rounded down to 1e-8; <paramref name="takenQuote"/>/<paramref name="takenBase"/> go to the bidder) and the
    /// <paramref name="payment"/> added to quote collateral. Quote and base are conserved exactly between account and bidder.
    /// </summary>
    public static TraderAccount Transfer(TraderAccount account, decimal fraction, decimal payment, out decimal takenQuote, out decimal takenBase)
    {
        takenQuote = MarginMoney.Floor(account.QuoteCollateral * fraction);
        takenBase = MarginMoney.Floor(account.BaseCollateral * fraction);
        double keep = (double)(1m - fraction);
        var positions = account.Positions.Select(p => p.Scaled(keep)).ToArray();
        return account with
        {
            QuoteCollateral = account.QuoteCollateral - takenQuote + payment,
            BaseCollateral = account.BaseCollateral - takenBase,
            Positions = positions,
        };
    }
}
