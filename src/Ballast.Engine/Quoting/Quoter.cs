using Ballast.Engine.Accounting;
using Ballast.Engine.Greeks;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Pricing;

namespace Ballast.Engine.Quoting;

/// <summary>
/// Prices one trade against a state: oracle guards, trade limits, vol impact, premium, fees, inventory term and
/// money rounding. Shared by <see cref="Vault.Quote"/> and <see cref="Vault.Decide"/> so a trade fills at exactly
/// the quote it would have been shown. Allocation-free unless it rejects.
/// </summary>
internal static class Quoter
{
    /// <summary>Largest order, options.</summary>
    public const double MaxSize = 1e9;

    /// <summary>Decimal places of option sizes.</summary>
    public const int SizeDecimals = 8;

    /// <summary>Validates a requested size and rounds it (toward zero) to <see cref="SizeDecimals"/>; null when invalid.</summary>
    public static Rejection? TryRoundSize(double size, out decimal rounded)
    {
        rounded = 0m;
        if (!double.IsFinite(size) || size <= 0 || size > MaxSize)
            return new Rejection(RejectionReason.InvalidSize, $"size {size} must be finite, > 0 and ≤ {MaxSize}");
        rounded = Money.RoundTowardZero(size, SizeDecimals);
        return rounded == 0m ? new Rejection(RejectionReason.InvalidSize, $"size {size} rounds to zero at {SizeDecimals} decimals") : null;
    }

    /// <summary>Checks the spot and the board's vol oracle (stale spot or vol, low confidence, spot deviating from the reference feed).</summary>
    public static Rejection? CheckOracle(VaultState s, BoardState board, VaultParameters p, long now)
    {
        if (!s.HasSpot) return new Rejection(RejectionReason.OracleUnavailable, "no spot price yet");
        long age = now - s.SpotObservedAt;
        if (age < 0 || age > p.MaxOracleAge)
            return new Rejection(RejectionReason.OracleStale, $"spot observed at {s.SpotObservedAt} is {age} s old (max {p.MaxOracleAge} s)");
        if (s.SpotConfidence < p.MinOracleConfidence)
            return new Rejection(RejectionReason.OracleLowConfidence, $"spot confidence {s.SpotConfidence} below {p.MinOracleConfidence}");
        long volAge = now - board.VolObservedAt;
        if (p.MaxVolOracleAge > 0 && volAge > p.MaxVolOracleAge)
            return new Rejection(RejectionReason.OracleStale, $"vol of board {board.Expiry} observed at {board.VolObservedAt} is {volAge} s old (max {p.MaxVolOracleAge} s)");
        if (board.VolConfidence < p.MinOracleConfidence)
            return new Rejection(RejectionReason.OracleLowConfidence, $"vol confidence {board.VolConfidence} below {p.MinOracleConfidence}");
        if (s.ReferencePrice is double reference && Math.Abs(s.Spot / reference - 1.0) > p.MaxReferenceDeviation)
            return new Rejection(RejectionReason.OracleDeviation, $"spot {s.Spot} deviates from reference {reference} by more than {p.MaxReferenceDeviation:P2}");
        return null;
    }

    /// <summary>
    /// Computes the quote for <paramref name="size"/> options (already rounded). <paramref name="traderPosition"/> is
    /// the trader's current position in the series (0 when unknown). A trade that only closes that position stays
    /// possible where a limit blocks new risk: past the trading cutoff, or with call delta outside
    /// [minForceCloseDelta, 1 − minForceCloseDelta], it is priced as a Lyra force close; caps, free liquidity and a
    /// stale cache do not block it at all.
    /// </summary>
    public static Rejection? TryQuote(VaultState s, VaultParameters p, StrikeState strike, in SeriesId series, TradeDirection direction,
        decimal size, decimal traderPosition, long now, out Quote quote)
    {
        quote = default;
        var board = strike.Board;
        if (now >= board.Expiry) return new Rejection(RejectionReason.SeriesExpired, $"series expired at {board.Expiry}");
        if (CheckOracle(s, board, p, now) is { } oracleProblem) return oracleProblem;

        bool buy = direction == TradeDirection.Buy;
        bool closing = buy ? traderPosition < 0 && size <= -traderPosition : traderPosition > 0 && size <= traderPosition;
        bool postCutoff = board.Expiry - now < p.TradingCutoff;
        if (!closing)
        {
            if (postCutoff) return new Rejection(RejectionReason.TradingCutoff, $"{board.Expiry - now} s to expiry is inside the {p.TradingCutoff} s trading cutoff");
            if (s.IsBoardCacheStale(board, now, p)) return new Rejection(RejectionReason.GreekCacheStale, $"Greek cache of board {board.Expiry} is stale (refreshed at {board.RefreshedAt} at spot {board.RefreshSpot})");
        }

        Rejection? rejection = null;
        double callDelta = double.NaN;
        if (!postCutoff)
        {
            rejection = Price(s, p, strike, series, direction, size, now, forceClose: false, closing, out quote, out callDelta);
            if (rejection is null || !closing || rejection.Reason is not (RejectionReason.DeltaOutOfRange or RejectionReason.VolBoundsBreached))
                return rejection;
            // Lyra v1 OptionMarket.forceClose is allowed only post-cutoff or outside the force-close delta range.
            if (callDelta >= p.MinForceCloseDelta && callDelta <= 1.0 - p.MinForceCloseDelta) return rejection;
        }

        return Price(s, p, strike, series, direction, size, now, forceClose: true, closing, out quote, out _);
    }

    /// <summary>
    /// Prices the order piece by piece (Lyra <c>iterations</c>): each piece moves the vols, is priced at its
    /// post-piece vol with fees computed on the vault's exposure as it stands after the previous piece.
    /// </summary>
    private static Rejection? Price(VaultState s, VaultParameters p, StrikeState strike, in SeriesId series, TradeDirection direction,
        decimal size, long now, bool forceClose, bool closing, out Quote quote, out double callDelta)
    {
        quote = default;
        callDelta = double.NaN;
        var board = strike.Board;
        var market = s.Market!;
        bool buy = direction == TradeDirection.Buy;
        bool isCall = series.Type == OptionType.Call;
        double amount = (double)size;
        double spot = s.Spot;
        double rate = p.RateAndCarry;
        double years = GreekCalculator.YearsToExpiry(board.Expiry, now);
        bool postCutoff = board.Expiry - now < p.TradingCutoff;

        // Lyra liquidity.NAV: the pool NAV with the book valued at GWAV vols (issue 5), so a single trade cannot move it,
        // taken from the Greek cache's GWAV book value (O(1), as Lyra v1 Avalon) rather than repricing every strike.
        // Only the vega-utilisation fee reads it, and only for a piece that grows |net std vega|: valued then, once.
        double nav = double.NaN;
        double hedge = s.HedgeDelta; // issue 6: the hedge counts in the net delta the inventory term and the delta cap see
        double varianceGwavIv = board.BaseIvGwav.AverageOverLast((long)p.VarianceIvGwavPeriod, now);
        double forceCloseGwavVol = forceClose
            ? board.BaseIvGwav.AverageOverLast((long)p.IvGwavPeriod, now) * strike.SkewGwav.AverageOverLast((long)p.SkewGwavPeriod, now)
            : 0.0;
        double baseIv = board.BaseIv, skew = strike.Skew, pricingVol = 0.0;
        double vaultCall = strike.VaultCallPositionValue, vaultPut = strike.VaultPutPositionValue;
        var exposure = s.Exposure;
        var strikeExposure = strike.Exposure;
        UnitGreeks unit = default, cacheCall = default, cachePut = default;
        double premium = 0.0, adjustment = 0.0;
        var fees = default(FeeBreakdown);
        int pieces = VolDynamics.PieceCount(p);
        decimal remaining = size;
        for (int i = 0; i < pieces; i++)
        {
            // Lyra _doTrade: n − 1 pieces of A/n, the last takes the remainder (kept exact in decimal for positions).
            double pieceAmount = amount;
            if (pieces > 1)
            {
                decimal pieceSize = i == pieces - 1 ? remaining : decimal.Round(size / pieces, SizeDecimals, MidpointRounding.ToZero);
                remaining -= pieceSize;
                pieceAmount = (double)pieceSize;
            }

            if (pieceAmount <= 0) continue;

            var move = forceClose
                ? VolDynamics.ApplyForceClose(baseIv, skew, pieceAmount, direction, p)
                : VolDynamics.Apply(baseIv, skew, pieceAmount, direction, p);
            GreekCalculator.Pair(spot, strike.StrikeValue, rate, years, move.NewVol, out cacheCall, out cachePut);
            callDelta = cacheCall.Delta;
            if (!forceClose && (callDelta < p.MinDelta || callDelta > 1.0 - p.MinDelta))
                return new Rejection(RejectionReason.DeltaOutOfRange, $"call delta {callDelta:F4} outside [{p.MinDelta}, {1 - p.MinDelta}]");
            if (move.Violation != VolBoundViolation.None)
                return new Rejection(RejectionReason.VolBoundsBreached, $"vol bound breached: {move.Violation} (base IV {move.NewBaseIv:F4}, skew {move.NewSkew:F4}, vol {move.NewVol:F4})");

            unit = isCall ? cacheCall : cachePut;
            pricingVol = move.NewVol;
            double unitPrice = unit.Price;
            if (forceClose)
            {
                // Lyra v1 (Avalon) OptionGreekCache.getPriceForForceClose: GWAV vol shocked against the closer; a
                // buy-back of a short never pays less than parity + shortSpotMin·spot.
                pricingVol = ForceCloseVolatility.Compute(forceCloseGwavVol, move.NewVol, direction, isLiquidation: false, postCutoff, p);
                if (pricingVol != move.NewVol)
                {
                    GreekCalculator.Pair(spot, strike.StrikeValue, rate, years, pricingVol, out var priceCall, out var pricePut);
                    unit = isCall ? priceCall : pricePut;
                }

                unitPrice = unit.Price;
                if (buy)
                {
                    double intrinsic = isCall ? Math.Max(spot - strike.StrikeValue, 0.0) : Math.Max(strike.StrikeValue - spot, 0.0);
                    unitPrice = Math.Max(unitPrice, ForceCloseVolatility.MinimumBuyPrice(intrinsic, spot, isLiquidation: false, p));
                }
            }

            // The vault takes the other side: a trader buy lowers the vault's position.
            double vaultChange = buy ? -pieceAmount : pieceAmount;
            if (isCall) vaultCall += vaultChange; else vaultPut += vaultChange;
            var newStrikeExposure = StrikeState.ExposureAt(vaultCall, vaultPut, cacheCall, cachePut);
            var post = exposure - strikeExposure + newStrikeExposure;

            double piecePremium = unitPrice * pieceAmount;
            if (double.IsNaN(nav) && Math.Abs(post.StandardVega) > Math.Abs(exposure.StandardVega)) nav = s.QuotingNav();
            var inputs = new FeeInputs(piecePremium, spot, pieceAmount, years, unit.Vega, pricingVol, move.NewSkew,
                exposure.StandardVega, post.StandardVega, double.IsNaN(nav) ? 0.0 : nav, Math.Abs(varianceGwavIv - move.NewBaseIv), forceClose);
            fees += FeeSchedule.Compute(inputs, p);
            adjustment += InventoryAdjustment.Compute(exposure.Delta + hedge, post.Delta + hedge, exposure.StandardVega, post.StandardVega, spot, p);
            premium += piecePremium;

            exposure = post;
            strikeExposure = newStrikeExposure;
            baseIv = move.NewBaseIv;
            skew = move.NewSkew;
        }

        if (!closing)
        {
            var unitBefore = strike.GreeksOf(series.Type);
            var unitAfter = isCall ? cacheCall : cachePut;
            double seriesBefore = isCall ? strike.VaultCallPositionValue : strike.VaultPutPositionValue;
            double seriesAfter = isCall ? vaultCall : vaultPut;
            var pre = s.Exposure;
            if (Exceeds(seriesBefore * unitBefore.Delta, seriesAfter * unitAfter.Delta, p.MaxSeriesNetDelta))
                return new Rejection(RejectionReason.SeriesDeltaCap, $"series net delta would be {seriesAfter * unitAfter.Delta:G6} (cap {p.MaxSeriesNetDelta})");
            if (Exceeds(seriesBefore * unitBefore.StandardVega, seriesAfter * unitAfter.StandardVega, p.MaxSeriesNetStdVega))
                return new Rejection(RejectionReason.SeriesVegaCap, $"series net std vega would be {seriesAfter * unitAfter.StandardVega:G6} (cap {p.MaxSeriesNetStdVega})");
            if (Exceeds(pre.Delta + hedge, exposure.Delta + hedge, p.MaxGlobalNetDelta))
                return new Rejection(RejectionReason.GlobalDeltaCap, $"global net delta would be {exposure.Delta + hedge:G6} (cap {p.MaxGlobalNetDelta})");
            if (s.HedgeHealth.IsUnderHedged && !Hedging.HedgeGate.CanHedge(s.HedgeHealth, pre.Delta, hedge, exposure.Delta - pre.Delta))
                return new Rejection(RejectionReason.HedgingUnavailable, $"the vault is under-hedged ({s.HedgeHealth.Reason}) and the trade would grow its unhedged delta to {exposure.Delta + hedge:G6}");
            if (Exceeds(pre.StandardVega, exposure.StandardVega, p.MaxGlobalNetStdVega))
                return new Rejection(RejectionReason.GlobalVegaCap, $"global net std vega would be {exposure.StandardVega:G6} (cap {p.MaxGlobalNetStdVega})");
        }

        double feeTotal = fees.Total;
        double total = buy ? Math.Max(premium + feeTotal + adjustment, 0.0) : Math.Max(premium - feeTotal - adjustment, 0.0);
        // Fees actually collected: all of them on a buy (capped by what was paid); on a sell, at most what the premium left.
        double feeShare = Math.Max(buy ? Math.Min(feeTotal, total) : Math.Min(feeTotal, premium - adjustment), 0.0);
        if (!double.IsFinite(total) || !double.IsFinite(feeShare) || !double.IsFinite(exposure.Value) || total > Money.MaxAmount)
            return new Rejection(RejectionReason.PricingFailed, $"non-finite or huge price (total {total}) for size {size}");

        var paymentAsset = market.PaymentAsset;
        double toAsset = paymentAsset == Asset.Quote ? 1.0 : 1.0 / spot;
        int decimals = market.DecimalsOf(paymentAsset);
        decimal payment = Money.RoundInVaultFavour(total * toAsset, buy ? MoneyFlow.ToVault : MoneyFlow.FromVault, decimals);
        decimal feesPayment = Money.RoundInVaultFavour(feeShare * toAsset, MoneyFlow.FromVault, decimals);
        if (buy && feesPayment > payment) feesPayment = payment;

        double paymentValue = total * toAsset;
        // Exact decimal check only near the boundary: the shadow is within far less than one unit of the decimals.
        if (!buy && s.HoldingsValue(paymentAsset) < paymentValue * (1 + 1e-9) + 1 && s.Capital(paymentAsset) + s.AccruedFees(paymentAsset) < payment)
            return new Rejection(RejectionReason.InsufficientLiquidity, $"vault holds less {paymentAsset} than the {payment} it would pay");
        if (!closing)
        {
            double signedPayment = buy ? paymentValue : -paymentValue;
            double quoteChange = paymentAsset == Asset.Quote ? signedPayment : 0.0;
            double baseChange = paymentAsset == Asset.Quote ? 0.0 : signedPayment;
            double putReserveChange = isCall ? 0.0 : (Math.Max(-vaultPut, 0.0) - Math.Max(-strike.VaultPutPositionValue, 0.0)) * strike.StrikeValue;
            double callReserveChange = isCall ? Math.Max(-vaultCall, 0.0) - Math.Max(-strike.VaultCallPositionValue, 0.0) : 0.0;
            if ((putReserveChange > 0 || callReserveChange > 0 || !buy)
                && s.FreeLiquidityAfter(quoteChange, baseChange, putReserveChange, callReserveChange) < 0)
                return new Rejection(RejectionReason.InsufficientLiquidity, "the vault's free liquidity would fall below zero");
        }

        double sign = buy ? amount : -amount;
        quote = new Quote
        {
            Series = series, Direction = direction, Size = size, Spot = spot, Vol = pricingVol,
            NewBaseIv = baseIv, NewSkew = skew, Premium = premium,
            OptionPriceFee = fees.OptionPriceFee, SpotPriceFee = fees.SpotPriceFee, VegaUtilFee = fees.VegaUtilFee, VarianceFee = fees.VarianceFee,
            InventoryAdjustment = adjustment, Total = total, PaymentAsset = paymentAsset, Payment = payment, FeesPayment = feesPayment,
            IsForceClose = forceClose,
            Delta = sign * unit.Delta, Gamma = sign * unit.Gamma, Vega = sign * unit.Vega, StandardVega = sign * unit.StandardVega, Theta = sign * unit.Theta,
            OracleTimestamp = s.SpotObservedAt, StateVersion = s.Version, ExpiresAt = now + (long)p.QuoteTimeToLive,
        };
        return null;
    }

    /// <summary>A cap (≤ 0 disables it) blocks a trade that ends above it and increases the magnitude.</summary>
    private static bool Exceeds(double before, double after, double cap) => cap > 0 && Math.Abs(after) > cap && Math.Abs(after) > Math.Abs(before);
}
