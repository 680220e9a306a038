using Ballast.Engine.Parameters;
using Ballast.Engine.Volatility;
using FsCheck.Xunit;

namespace Ballast.Engine.Tests;

public class VolDynamicsTests
{
    private static readonly VaultParameters Lyra = VaultParameters.Default;
    private const double Tol = 1e-14;

    [Fact]
    public void Buying_one_standard_size_raises_base_iv_one_vol_point_and_skew_by_the_adjustment_factor()
    {
        // standardSize 5: Δbase = (5/5)/100 = 0.01; Δskew = 0.01·0.75 = 0.0075; vol = 1.01·1.0075 = 1.017575
        var move = VolDynamics.Apply(1.0, 1.0, 5, TradeDirection.Buy, Lyra);
        Assert.Equal(VolBoundViolation.None, move.Violation);
        Assert.Equal(1.01, move.NewBaseIv, Tol);
        Assert.Equal(1.0075, move.NewSkew, Tol);
        Assert.Equal(1.017575, move.NewVol, Tol);
    }

    [Fact]
    public void Selling_lowers_base_iv_and_skew_by_the_same_rule()
    {
        // amount 12.5: Δbase = 2.5/100 = 0.025; Δskew = 0.01875; base 0.9 → 0.875; skew 1.1 → 1.08125; vol = 0.94609375
        var move = VolDynamics.Apply(0.9, 1.1, 12.5, TradeDirection.Sell, Lyra);
        Assert.True(move.IsAllowed);
        Assert.Equal(0.875, move.NewBaseIv, Tol);
        Assert.Equal(1.08125, move.NewSkew, Tol);
        Assert.Equal(0.875 * 1.08125, move.NewVol, Tol);
    }

    [Fact]
    public void Skew_adjustment_factor_and_standard_size_are_read_from_parameters()
    {
        var p = Lyra with { StandardSize = 40, SkewAdjustmentFactor = 2 };
        // Δbase = (10/40)/100 = 0.0025; Δskew = 0.005
        var move = VolDynamics.Apply(0.8, 1.0, 10, TradeDirection.Buy, p);
        Assert.Equal(0.8025, move.NewBaseIv, Tol);
        Assert.Equal(1.005, move.NewSkew, Tol);
    }

    [Theory]
    // buy: base 1.995 + 0.01 = 2.005 > maxBaseIv 2 (vol 2.005·1.0075 = 2.02 < 3 passes first)
    [InlineData(1.995, 1.0, TradeDirection.Buy, VolBoundViolation.BaseIvAboveMax)]
    // buy: skew 1.495 + 0.0075 = 1.5025 > maxSkew 1.5 (vol 1.01·1.5025 = 1.5175, base 1.01 fine)
    [InlineData(1.0, 1.495, TradeDirection.Buy, VolBoundViolation.SkewAboveMax)]
    // buy: base 1.98 → 1.99, skew 1.49 → 1.4975, vol 2.980025 < 3: everything inside, allowed
    [InlineData(1.98, 1.49, TradeDirection.Buy, VolBoundViolation.None)]
    // sell: base 0.355 − 0.01 = 0.345 < minBaseIv 0.35 (vol 0.345·1.9925 = 0.687 > 0.55)
    [InlineData(0.355, 2.0, TradeDirection.Sell, VolBoundViolation.BaseIvBelowMin)]
    // sell: vol 0.49·1.0925 = 0.535325 < minVol 0.55
    [InlineData(0.5, 1.1, TradeDirection.Sell, VolBoundViolation.VolBelowMin)]
    // sell: skew 0.505 − 0.0075 = 0.4975 < 0.5 (vol 1.49·0.4975 = 0.741 fine)
    [InlineData(1.5, 0.505, TradeDirection.Sell, VolBoundViolation.SkewBelowMin)]
    // sell from above maxBaseIv moves back towards the range: Lyra checks only the min bounds on a sell
    [InlineData(2.5, 1.0, TradeDirection.Sell, VolBoundViolation.None)]
    // buy from below minBaseIv moves back towards the range: only max bounds checked
    [InlineData(0.2, 1.0, TradeDirection.Buy, VolBoundViolation.None)]
    public void Post_trade_values_are_checked_against_the_bounds_on_the_side_the_trade_moves(
        double baseIv, double skew, TradeDirection direction, VolBoundViolation expected)
    {
        Assert.Equal(expected, VolDynamics.Apply(baseIv, skew, 5, direction, Lyra).Violation);
    }

    [Fact]
    public void Buying_above_max_vol_is_reported_before_base_and_skew()
    {
        var p = Lyra with { MaxVol = 2 };
        // base 1.6 → 1.61, skew 1.3 → 1.3075, vol = 2.105075 > 2
        Assert.Equal(VolBoundViolation.VolAboveMax, VolDynamics.Apply(1.6, 1.3, 5, TradeDirection.Buy, p).Violation);
    }

    [Fact]
    public void A_sell_that_would_take_base_iv_to_zero_is_reported_not_positive()
    {
        var p = Lyra with { MinBaseIv = 0, MinVol = 0, MinSkew = 0, AbsMinSkew = 0 };
        // base 0.01 − 0.01 = 0
        Assert.Equal(VolBoundViolation.NotPositive, VolDynamics.Apply(0.01, 1.0, 5, TradeDirection.Sell, p).Violation);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_amounts_are_reported_not_thrown(double amount)
    {
        var move = VolDynamics.Apply(1.0, 1.0, amount, TradeDirection.Buy, Lyra);
        Assert.Equal(VolBoundViolation.InvalidInput, move.Violation);
        Assert.Equal(1.0, move.NewBaseIv);
    }

    [Fact]
    public void Invalid_starting_vols_are_reported_not_thrown()
    {
        Assert.Equal(VolBoundViolation.InvalidInput, VolDynamics.Apply(double.NaN, 1.0, 1, TradeDirection.Buy, Lyra).Violation);
        Assert.Equal(VolBoundViolation.InvalidInput, VolDynamics.Apply(1.0, 0.0, 1, TradeDirection.Buy, Lyra).Violation);
    }

    [Fact]
    public void Force_close_moves_skew_only_and_ignores_the_ordinary_bounds()
    {
        // base 2.5 is above maxBaseIv; skew 1.6 → 1.6075 is above maxSkew; still inside (absMinSkew, absMaxSkew)
        var move = VolDynamics.ApplyForceClose(2.5, 1.6, 5, TradeDirection.Buy, Lyra);
        Assert.Equal(VolBoundViolation.None, move.Violation);
        Assert.Equal(2.5, move.NewBaseIv);
        Assert.Equal(1.6075, move.NewSkew, Tol);
        Assert.Equal(2.5 * 1.6075, move.NewVol, Tol);
    }

    [Theory]
    [InlineData(4.995, TradeDirection.Buy)]  // 5.0025 ≥ absMaxSkew 5
    [InlineData(0.155, TradeDirection.Sell)] // 0.1475 ≤ absMinSkew 0.15
    public void Force_close_is_rejected_when_skew_reaches_the_absolute_range(double skew, TradeDirection direction)
    {
        Assert.Equal(VolBoundViolation.SkewOutsideAbsoluteRange,
            VolDynamics.ApplyForceClose(1.0, skew, 5, direction, Lyra).Violation);
    }

    [Fact]
    public void An_order_in_pieces_ends_where_the_single_trade_ends_and_each_piece_is_priced_higher_on_a_buy()
    {
        var p = Lyra with { Iterations = 4 };
        Span<VolMove> moves = stackalloc VolMove[4];
        int written = VolDynamics.ApplyInPieces(1.0, 1.0, 10, TradeDirection.Buy, p, moves);
        Assert.Equal(4, written);
        // each piece 2.5 options: Δbase 0.005, Δskew 0.00375
        Assert.Equal(1.005, moves[0].NewBaseIv, Tol);
        Assert.Equal(1.00375, moves[0].NewSkew, Tol);
        for (int i = 1; i < 4; i++) Assert.True(moves[i].NewVol > moves[i - 1].NewVol);
        var single = VolDynamics.Apply(1.0, 1.0, 10, TradeDirection.Buy, p);
        Assert.Equal(single.NewBaseIv, moves[3].NewBaseIv, 1e-13);
        Assert.Equal(single.NewSkew, moves[3].NewSkew, 1e-13);
    }

    [Fact]
    public void An_order_in_pieces_stops_at_the_first_piece_that_breaks_a_bound()
    {
        var p = Lyra with { Iterations = 4 };
        Span<VolMove> moves = stackalloc VolMove[4];
        // base 1.984 → 1.989 → 1.994 → 1.999 → 2.004 (above maxBaseIv 2)
        int written = VolDynamics.ApplyInPieces(1.984, 1.0, 10, TradeDirection.Buy, p, moves);
        Assert.Equal(4, written);
        Assert.True(moves[2].IsAllowed);
        Assert.Equal(VolBoundViolation.BaseIvAboveMax, moves[3].Violation);

        // base 1.9925 → 1.9975 → 2.0025: the second piece breaks it
        written = VolDynamics.ApplyInPieces(1.9925, 1.0, 10, TradeDirection.Buy, p, moves);
        Assert.Equal(2, written);
        Assert.Equal(VolBoundViolation.BaseIvAboveMax, moves[1].Violation);
    }

    [Fact]
    public void The_last_piece_takes_the_remainder_as_in_Lyra()
    {
        double piece = 10.0 / 3;
        Assert.Equal(piece, VolDynamics.PieceAmount(10, 3, 0));
        Assert.Equal(piece, VolDynamics.PieceAmount(10, 3, 1));
        Assert.Equal(10 - 2 * piece, VolDynamics.PieceAmount(10, 3, 2));
        Assert.Equal(3, VolDynamics.PieceCount(Lyra with { Iterations = 3 }));
    }

    [Property(MaxTest = 200)]
    public void A_buy_followed_by_an_equal_sell_restores_base_iv_and_skew(ushort amountHundredths, byte baseTenths, byte skewTenths)
    {
        double amount = 0.01 + amountHundredths / 100.0;       // (0, 655] options
        double baseIv = 0.5 + (baseTenths % 15) / 10.0;         // [0.5, 1.9]
        double skew = 0.6 + (skewTenths % 9) / 10.0;            // [0.6, 1.4]
        var wide = Lyra with { MaxBaseIv = 100, MaxSkew = 10, MaxVol = 100, AbsMaxSkew = 100 };
        var up = VolDynamics.Apply(baseIv, skew, amount, TradeDirection.Buy, wide);
        var down = VolDynamics.Apply(up.NewBaseIv, up.NewSkew, amount, TradeDirection.Sell, wide);
        Assert.Equal(baseIv, down.NewBaseIv, 1e-12);
        Assert.Equal(skew, down.NewSkew, 1e-12);
    }

    [Theory]
    // closing a short (buy) before the cutoff: max(0.9, 1.0)·1.2 = 1.2; after: max(0.9, 1.0)·1.4 = 1.4
    [InlineData(TradeDirection.Buy, false, false, 1.2)]
    [InlineData(TradeDirection.Buy, false, true, 1.4)]
    // closing a long (sell): min(0.9, 1.0)·0.8 = 0.72; after the cutoff ·0.5 = 0.45
    [InlineData(TradeDirection.Sell, false, false, 0.72)]
    [InlineData(TradeDirection.Sell, false, true, 0.45)]
    // liquidation: GWAV vol 0.9 · 1.3 = 1.17; after the cutoff · 1.6 = 1.44
    [InlineData(TradeDirection.Buy, true, false, 1.17)]
    [InlineData(TradeDirection.Buy, true, true, 1.44)]
    public void Force_closes_are_priced_off_the_GWAV_vol_with_Lyras_shocks(TradeDirection direction, bool liquidation, bool postCutoff, double expected)
    {
        Assert.Equal(expected, ForceCloseVolatility.Compute(0.9, 1.0, direction, liquidation, postCutoff, Lyra), 1e-15);
    }

    [Fact]
    public void Buying_back_a_short_never_costs_less_than_parity_plus_a_slice_of_spot()
    {
        // parity 50, spot 2000: 50 + 0.01·2000 = 70; liquidation 50 + 0.02·2000 = 90
        Assert.Equal(70, ForceCloseVolatility.MinimumBuyPrice(50, 2_000, false, Lyra), 1e-12);
        Assert.Equal(90, ForceCloseVolatility.MinimumBuyPrice(50, 2_000, true, Lyra), 1e-12);
    }

    [Theory]
    [InlineData(0.3, 0.5)]
    [InlineData(1.2, 1.2)]
    [InlineData(2.7, 2.0)]
    public void Skews_entering_the_GWAV_are_clamped_to_the_floor_and_cap(double skew, double expected)
    {
        Assert.Equal(expected, VolDynamics.SkewForGwav(skew, Lyra));
    }
}
