using Ballast.Pricing.Surfaces;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Ballast.Pricing.Tests;

public class VolSurfaceTests(ITestOutputHelper output)
{
    private static readonly SurfaceSlice Quarter = new(0.25, 100, new SviSlice(0.01, 0.1, -0.3, 0.0, 0.1));
    private static readonly SurfaceSlice Year = new(1.0, 105, new SviSlice(0.04, 0.2, -0.3, 0.0, 0.2));

    private static VolSurface Build(double? spot = null, params SurfaceSlice[] slices)
    {
        var result = VolSurface.Create(slices.Length == 0 ? [Year, Quarter] : slices, spot);
        Assert.True(result.IsSuccess, result.Error.ToString());
        return result.Surface!;
    }

    [Fact]
    public void Slices_are_sorted_by_expiry_and_reproduced_exactly_at_their_expiries()
    {
        var surface = Build();
        Assert.Equal([0.25, 1.0], surface.Slices.Select(s => s.Time));
        foreach (double k in (double[])[-0.5, 0, 0.3])
        {
            Assert.Equal(Quarter.Smile.TotalVariance(k), surface.TotalVariance(k, 0.25), 15);
            Assert.Equal(Year.Smile.TotalVariance(k), surface.TotalVariance(k, 1.0), 15);
        }

        Assert.Equal(100, surface.Forward(0.25), 12);
        Assert.Equal(105, surface.Forward(1.0), 12);
    }

    [Fact]
    public void Between_expiries_total_variance_is_linear_in_time_at_fixed_log_moneyness()
    {
        var surface = Build();
        double k = 0.1, w1 = Quarter.Smile.TotalVariance(k), w2 = Year.Smile.TotalVariance(k);
        Assert.Equal(w1 + (w2 - w1) / 3, surface.TotalVariance(k, 0.5), 15);
        Assert.Equal(w1 + (w2 - w1) * 2 / 3, surface.TotalVariance(k, 0.75), 15);
    }

    [Fact]
    public void Outside_the_expiries_each_strikes_implied_vol_is_held()
    {
        var surface = Build();
        Assert.Equal(Quarter.Smile.ImpliedVol(0.2, 0.25), surface.ImpliedVol(0.2, 0.01), 14);
        Assert.Equal(Year.Smile.ImpliedVol(-0.4, 1.0), surface.ImpliedVol(-0.4, 3.0), 14);
    }

    [Fact]
    public void Sticky_strike_vol_between_expiries_matches_a_hand_computed_value()
    {
        // mpmath: F(0.5) = 100·1.05^(1/3) = 101.6396…, k = ln(110/F), w interpolated at weight 1/3, σ = √(w/0.5).
        var surface = Build();
        Assert.Equal(101.639635681485342878, surface.Forward(0.5), 11);
        Assert.Equal(0.281684343237051554, surface.Vol(110, 0.5), 14);
    }

    [Fact]
    public void Forward_runs_from_spot_before_the_first_expiry_and_keeps_the_last_carry_after_the_last()
    {
        var surface = Build(spot: 98);
        Assert.Equal(98, surface.Forward(0), 12);
        Assert.Equal(98.7951546549797253, surface.Forward(0.1), 11);
        Assert.Equal(0.325389495092797121, surface.Vol(90, 0.1), 14);
        Assert.Equal(112.057698338837591, surface.Forward(2), 10);
        Assert.Equal(0.279590731221632641, surface.Vol(120, 2), 14);

        var noSpot = Build();
        Assert.Equal(100, noSpot.Forward(0.1), 12);
    }

    [Fact]
    public void Total_variance_never_decreases_in_time_when_the_slices_are_nested()
    {
        var surface = Build();
        Assert.True(surface.CheckCalendar().IsArbitrageFree);
        Prop.ForAll(
            Gen.Choose(-3000, 3000).Select(i => i / 1000.0).ToArbitrary(),
            Gen.Choose(1, 3000).Select(i => i / 1000.0).ToArbitrary(),
            Gen.Choose(1, 3000).Select(i => i / 1000.0).ToArbitrary(),
            (k, t1, t2) => surface.TotalVariance(k, Math.Min(t1, t2)) <= surface.TotalVariance(k, Math.Max(t1, t2)) + 1e-15)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Calendar_check_finds_crossing_slices()
    {
        // A later slice with lower variance in its left wing: w falls with T there.
        var crossing = new SurfaceSlice(2.0, 110, new SviSlice(0.09, 0.2, 0.9, 0.0, 0.2));
        var check = Build(null, Quarter, Year, crossing).CheckCalendar();
        output.WriteLine(check.ToString());
        Assert.False(check.IsArbitrageFree);
        Assert.Equal(1, check.EarlierSlice);
        Assert.True(check.AtLogMoneyness < 0);
        Assert.True(Year.Smile.TotalVariance(check.AtLogMoneyness) > crossing.Smile.TotalVariance(check.AtLogMoneyness));
    }

    [Fact]
    public void Invalid_slices_are_rejected_with_a_typed_reason()
    {
        Assert.Equal(VolSurfaceError.NoSlices, VolSurface.Create([]).Error);
        Assert.Equal(VolSurfaceError.DuplicateExpiry, VolSurface.Create([Quarter, Quarter]).Error);
        Assert.Equal(VolSurfaceError.InvalidTimeOrForward, VolSurface.Create([Quarter with { Time = 0 }]).Error);
        Assert.Equal(VolSurfaceError.InvalidTimeOrForward, VolSurface.Create([Quarter with { Forward = double.NaN }]).Error);
        Assert.Equal(VolSurfaceError.InvalidTimeOrForward, VolSurface.Create([Quarter], spot: -1).Error);
        var bad = VolSurface.Create([Quarter, Year with { Smile = new SviSlice(0.04, 0.2, 1.5, 0, 0.2) }]);
        Assert.Equal(VolSurfaceError.InvalidSmile, bad.Error);
        Assert.Equal(1, bad.SliceIndex);
    }

    [Fact]
    public void Surface_of_the_real_deribit_chain_is_calendar_free_where_consecutive_expiries_both_have_quotes()
    {
        if (SharedDataForSurfaces.DeribitChainFits is not { } real)
        {
            output.WriteLine($"SKIPPED: ../shared/{SharedDataForSurfaces.DeribitChain} is absent");
            return;
        }

        var (chain, sviFits) = real;
        var fits = chain.Expiries.Zip(sviFits, (e, f) => (Expiry: e, Fit: f)).ToArray();
        var surface = VolSurface.Create(fits.Select(f => new SurfaceSlice(f.Expiry.Time, f.Expiry.Forward, f.Fit.Slice)), chain.Spot).Surface!;
        for (int i = 0; i + 1 < fits.Length; i++)
        {
            var (earlier, later) = (fits[i].Expiry, fits[i + 1].Expiry);
            double kMin = Math.Max(earlier.Quotes.Min(q => q.LogMoneyness), later.Quotes.Min(q => q.LogMoneyness));
            double kMax = Math.Min(earlier.Quotes.Max(q => q.LogMoneyness), later.Quotes.Max(q => q.LogMoneyness));
            var check = surface.CheckCalendar(i, kMin, kMax, 201);
            output.WriteLine($"{earlier.Expiry:yyyy-MM-dd} → {later.Expiry:yyyy-MM-dd} on k ∈ [{kMin:F3}, {kMax:F3}]: min Δw = {check.WorstIncrease:G3}");
            Assert.True(check.IsArbitrageFree);
        }

        // Sticky-strike lookups inside the quoted range reproduce the fitted slices at their own expiries.
        var first = fits[0];
        foreach (var q in first.Expiry.Quotes)
            Assert.Equal(first.Fit.Slice.ImpliedVol(q.LogMoneyness, first.Expiry.Time), surface.Vol(q.Strike, first.Expiry.Time), 12);
    }
}
