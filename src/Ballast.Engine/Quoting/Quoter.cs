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
        rounded = decimal.Round((decimal)size, SizeDecimals, MidpointRounding.ToZero);
        return rounded == 0m ? new Rejection(RejectionReason.InvalidSize, $"size {size} rounds to zero at {SizeDecimals} decimals") : null;
    }

    /// <summary>Checks the spot and the board's vol oracle (stale, low confidence, deviating from the reference feed).</summary>
    public static Rejection? CheckOracle(VaultState s, BoardState board, VaultParameters p, long now)
    {
        if (!s.HasSpot) return new Rejection(RejectionReason.OracleUnavailable, "no spot price yet");
        long age = now - s.SpotObservedAt;
        if (age < 0 || age > p.OracleMaxAgeSeconds)
            return new Rejection(RejectionReason.OracleStale, $"spot observed at {s.SpotObservedAt} is {age} s old (max {p.OracleMaxAgeSeconds} s)");
        if (s.SpotConfidence < p.MinOracleConfidence)
            return new Rejection(RejectionReason.OracleLowConfidence, $"spot confidence {s.SpotConfidence} below {p.MinOracleConfidence}");
        if (board.VolConfidence < p.MinOracleConfidence)
            return new Rejection(RejectionReason.OracleLowConfidence, $"vol confidence {board.VolConfidence} below {p.MinOracleConfidence}");
        if (s.ReferencePrice is double reference && Math.Abs(s.Spot / reference - 1.0) > p.MaxOracleDeviation)
            return new Rejection(RejectionReason.OracleDeviation, $"spot {s.Spot} deviates from reference {reference} by more than {p.MaxOracleDeviation:P2}");
        return null;
    }

    /// <summary>
    /// Computes the quote for <paramref name="size"/> options (already rounded). <paramref name="traderPosition"/> is
    /// the trader's current position in the series (0 when unknown): a trade that only closes it is a force close
    /// when a limit would block new risk.
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
        double amount = (double)size;
        double spot = s.Spot;
        double rate = p.RiskFreeRate;
        double years = GreekCalculator.YearsToExpiry(board.Expiry, now);

        // Lyra v1 OptionMarketPricer.ivImpactForTrade: base IV and skew move with the trade.
        var move = VolDynamics.Apply(board.BaseIv, strike.Skew, amount, direction, p);
        double newBaseIv = move.NewBaseIv, newSkew = move.NewSkew, pricingVol = move.NewVol;
        GreekCalculator.Pair(spot, strike.StrikeValue, rate, years, pricingVol, out var call, out var put);

        RejectionReason block = 0;
        if (board.Expiry - now < p.TradingCutoffSeconds) block = RejectionReason.TradingCutoff;
        else if (call.Delta < p.MinDelta || call.Delta > 1.0 - p.MinDelta) block = RejectionReason.DeltaOutOfRange;
        else if (move.Violation != VolBoundViolation.None) block = RejectionReason.VolBoundsBreached;
        else if (s.IsBoardCacheStale(board, now, p)) block = RejectionReason.GreekCacheStale;

        bool forceClose = false;
        var cacheCall = call;
        var cachePut = put;
        if (block != 0)
        {
            if (!closing) return BlockRejection(block, call.Delta, move, board, now, p);
            // Lyra v1 (Avalon) OptionMarketPricer force-close pricing: GWAV vol shocked against the closer,
            // never better than the current vol. Vols are not moved by a force close.
            forceClose = true;
            double gwavVol = board.BaseIvGwav.Average(now - (long)p.IvGwavPeriodSeconds, now)
                             * strike.SkewGwav.Average(now - (long)p.SkewGwavPeriodSeconds, now);
            bool postCutoff = block == RejectionReason.TradingCutoff;
            newBaseIv = board.BaseIv;
            newSkew = strike.Skew;
            double currentVol = newBaseIv * newSkew;
            pricingVol = buy
                ? Math.Max(gwavVol * (postCutoff ? p.ShortPostCutoffVolShock : p.ShortVolShock), currentVol)
                : Math.Min(gwavVol * (postCutoff ? p.LongPostCutoffVolShock : p.LongVolShock), currentVol);
            GreekCalculator.Pair(spot, strike.StrikeValue, rate, years, pricingVol, out call, out put);
            GreekCalculator.Pair(spot, strike.StrikeValue, rate, years, currentVol, out cacheCall, out cachePut);
        }
        else if (newBaseIv * newSkew != pricingVol)
        {
            // The cache will hold Greeks at baseIv × skew; keep the post-trade exposure identical to what Apply computes.
            GreekCalculator.Pair(spot, strike.StrikeValue, rate, years, newBaseIv * newSkew, out cacheCall, out cachePut);
        }

        // Post-trade exposure: the vault takes the other side (trader buys → vault position falls).
        decimal vaultChange = buy ? -size : size;
        bool isCall = series.Type == OptionType.Call;
        decimal vaultCall = strike.VaultCallPosition + (isCall ? vaultChange : 0m);
        decimal vaultPut = strike.VaultPutPosition + (isCall ? 0m : vaultChange);
        var pre = s.Exposure;
        var post = pre - strike.Exposure + StrikeState.ExposureAt(vaultCall, vaultPut, cacheCall, cachePut);

        if (!closing)
        {
            var unitBefore = strike.GreeksOf(series.Type);
            var unitAfter = isCall ? cacheCall : cachePut;
            double seriesBefore = (double)strike.VaultPosition(series.Type);
            double seriesAfter = (double)(isCall ? vaultCall : vaultPut);
            if (Exceeds(seriesBefore * unitBefore.Delta, seriesAfter * unitAfter.Delta, p.MaxSeriesNetDelta))
                return new Rejection(RejectionReason.SeriesDeltaCap, $"series net delta would be {seriesAfter * unitAfter.Delta:G6} (cap {p.MaxSeriesNetDelta})");
            if (Exceeds(seriesBefore * unitBefore.StandardVega, seriesAfter * unitAfter.StandardVega, p.MaxSeriesNetStdVega))
                return new Rejection(RejectionReason.SeriesVegaCap, $"series net std vega would be {seriesAfter * unitAfter.StandardVega:G6} (cap {p.MaxSeriesNetStdVega})");
            if (Exceeds(pre.Delta, post.Delta, p.MaxGlobalNetDelta))
                return new Rejection(RejectionReason.GlobalDeltaCap, $"global net delta would be {post.Delta:G6} (cap {p.MaxGlobalNetDelta})");
            if (Exceeds(pre.StandardVega, post.StandardVega, p.MaxGlobalNetStdVega))
                return new Rejection(RejectionReason.GlobalVegaCap, $"global net std vega would be {post.StandardVega:G6} (cap {p.MaxGlobalNetStdVega})");
        }

        var unit = isCall ? call : put;
        double premium = unit.Price * amount;
        double gwavIv = board.BaseIvGwav.Average(now - (long)p.IvGwavPeriodSeconds, now);
        var market = s.Market!;
        // NAV seam: capital + fees at spot + the book at cached vols. The pool issue values the book at GWAV vols.
        double nav = (double)(s.Capital(Asset.Quote) + s.AccruedFees(Asset.Quote))
                     + (double)(s.Capital(Asset.Base) + s.AccruedFees(Asset.Base)) * spot + pre.Value;
        var inputs = new FeeInputs(premium, spot, amount, years, unit.Vega, pricingVol, newSkew, pre.StandardVega, post.StandardVega,
            nav, Math.Abs(gwavIv - board.BaseIv), forceClose);
        var fees = FeeSchedule.Compute(inputs, p);
        double feeTotal = fees.OptionPriceFee + fees.SpotPriceFee + fees.VegaUtilFee + fees.VarianceFee;
        double adjustment = InventoryAdjustment.Compute(pre.Delta, post.Delta, pre.StandardVega, post.StandardVega, spot, p);
        double total = buy ? Math.Max(premium + feeTotal + adjustment, 0.0) : Math.Max(premium - feeTotal - adjustment, 0.0);
        // Fees actually collected: all of them on a buy (capped by what was paid); on a sell, at most what the premium left.
        double feeShare = Math.Max(buy ? Math.Min(feeTotal, total) : Math.Min(feeTotal, premium - adjustment), 0.0);
        if (!double.IsFinite(total) || !double.IsFinite(feeShare) || !double.IsFinite(post.StandardVega) || total > Money.MaxAmount)
            return new Rejection(RejectionReason.PricingFailed, $"non-finite or huge price (total {total}) for size {size}");

        var paymentAsset = market.PaymentAsset;
        double toAsset = paymentAsset == Asset.Quote ? 1.0 : 1.0 / spot;
        int decimals = market.DecimalsOf(paymentAsset);
        decimal payment = Money.RoundInVaultFavour(total * toAsset, buy ? MoneyFlow.ToVault : MoneyFlow.FromVault, decimals);
        decimal feesPayment = Money.RoundInVaultFavour(feeShare * toAsset, MoneyFlow.FromVault, decimals);
        if (buy && feesPayment > payment) feesPayment = payment;

        if (!buy && s.Capital(paymentAsset) + s.AccruedFees(paymentAsset) < payment)
            return new Rejection(RejectionReason.InsufficientLiquidity, $"vault holds less {paymentAsset} than the {payment} it would pay");
        if (!closing)
        {
            decimal quoteChange = 0m, baseChange = 0m;
            decimal signedPayment = buy ? payment : -payment;
            if (paymentAsset == Asset.Quote) quoteChange = signedPayment; else baseChange = signedPayment;
            decimal putReserveChange = isCall ? 0m : (Math.Max(-vaultPut, 0m) - Math.Max(-strike.VaultPutPosition, 0m)) * series.Strike;
            decimal callReserveChange = isCall ? Math.Max(-vaultCall, 0m) - Math.Max(-strike.VaultCallPosition, 0m) : 0m;
            if ((putReserveChange > 0m || callReserveChange > 0m || !buy)
                && s.FreeLiquidityAfter(quoteChange, baseChange, putReserveChange, callReserveChange) < 0)
                return new Rejection(RejectionReason.InsufficientLiquidity, "the vault's free liquidity would fall below zero");
        }

        double sign = buy ? amount : -amount;
        quote = new Quote
        {
            Series = series, Direction = direction, Size = size, Spot = spot, Vol = pricingVol,
            NewBaseIv = newBaseIv, NewSkew = newSkew, Premium = premium,
            OptionPriceFee = fees.OptionPriceFee, SpotPriceFee = fees.SpotPriceFee, VegaUtilFee = fees.VegaUtilFee, VarianceFee = fees.VarianceFee,
            InventoryAdjustment = adjustment, Total = total, PaymentAsset = paymentAsset, Payment = payment, FeesPayment = feesPayment,
            IsForceClose = forceClose,
            Delta = sign * unit.Delta, Gamma = sign * unit.Gamma, Vega = sign * unit.Vega, StandardVega = sign * unit.StandardVega, Theta = sign * unit.Theta,
            OracleTimestamp = s.SpotObservedAt, StateVersion = s.Version, ExpiresAt = now + (long)p.QuoteLifetimeSeconds,
        };
        return null;
    }

    /// <summary>A cap (≤ 0 disables it) blocks a trade that ends above it and increases the magnitude.</summary>
    private static bool Exceeds(double before, double after, double cap) => cap > 0 && Math.Abs(after) > cap && Math.Abs(after) > Math.Abs(before);

    private static Rejection BlockRejection(RejectionReason block, double callDelta, in VolMove move, BoardState board, long now, VaultParameters p) => block switch
    {
        RejectionReason.TradingCutoff => new Rejection(block, $"{board.Expiry - now} s to expiry is inside the {p.TradingCutoffSeconds} s trading cutoff"),
        RejectionReason.DeltaOutOfRange => new Rejection(block, $"call delta {callDelta:F4} outside [{p.MinDelta}, {1 - p.MinDelta}]"),
        RejectionReason.VolBoundsBreached => new Rejection(block, $"vol bound breached: {move.Violation} (base IV {move.NewBaseIv:F4}, skew {move.NewSkew:F4}, vol {move.NewVol:F4})"),
        _ => new Rejection(block, $"Greek cache of board {board.Expiry} is stale (refreshed at {board.RefreshedAt})"),
    };
}
