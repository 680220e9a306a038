using Ballast.Pricing;
using Ballast.Pricing.Volatility;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Ballast.Pricing.Tests;

public class ImpliedVolatilityTests(ITestOutputHelper output)
{
    private const double Forward = 100.0;
    private const double Rate = 0.05;
    private const double OneDay = 1.0 / 365.0;
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>
    /// Round-trip tolerance on σ, relative: σ spans 0.01…5 and every error source (price rounding, the solver's
    /// final step) scales with σ, so an absolute bound would be 500 times looser at σ = 5 than at σ = 0.01.
    /// </summary>
    private const double RoundTripTolerance = 1e-10;

    /// <summary>
    /// The "numerically zero vega" rule. The price handed to the solver is a double with a relative error of a few
    /// units in its last place (pricing, discounting, un-discounting). A relative price error δ moves σ by δ/E, where
    /// E = (σ/P)·∂P/∂σ is the price's elasticity to σ. A case is excluded when
    /// (a) the price, discounted or normalised (P/√(FK)), has underflowed to 0 or into the subnormals, which carry
    ///     fewer than 53 bits, or
    /// (b) a price error of 100 ulp could move σ by more than the tolerance: E·1e-10 &lt; 100·2⁻⁵².
    /// No algorithm can recover σ to 1e-10 from such a price.
    /// </summary>
    internal static bool VegaIsNumericallyZero(double forward, double strike, double time, double vol, double undiscountedPrice, double discountedPrice, out double elasticity)
    {
        const double smallestNormal = 2.2250738585072014e-308;
        double rootFk = Math.Sqrt(forward) * Math.Sqrt(strike);
        double s = vol * Math.Sqrt(time);
        elasticity = s * LetsBeRational.NormalisedVega(Math.Log(forward / strike), s) * rootFk / undiscountedPrice;
        if (!(discountedPrice >= smallestNormal) || !(undiscountedPrice / rootFk >= smallestNormal)) return true;
        return !(elasticity * RoundTripTolerance >= 100.0 * Epsilon);
    }

    private static double RelativeRoundTripError(OptionType type, double forward, double strike, double time, double vol, out ImpliedVolError error, out bool excluded)
        => RelativeRoundTripError(type, forward, strike, time, vol, out error, out excluded, out _);

    private static double RelativeRoundTripError(OptionType type, double forward, double strike, double time, double vol, out ImpliedVolError error, out bool excluded, out double elasticity)
    {
        double undiscounted = LetsBeRational.UndiscountedBlack(type, forward, strike, vol * Math.Sqrt(time));
        double price = Math.Exp(-Rate * time) * undiscounted;
        excluded = VegaIsNumericallyZero(forward, strike, time, vol, undiscounted, price, out elasticity);
        ImpliedVolResult result = ImpliedVolatility.ForBlack76(type, price, forward, strike, Rate, time);
        error = result.Error;
        return Math.Abs(result.Vol / vol - 1.0);
    }

    [Fact]
    public void Round_trip_recovers_sigma_to_1e_10_relative_on_a_24600_case_grid()
    {
        // σ: 25 log-spaced in [0.01, 5]; T: 12 log-spaced in [1 day, 5 years]; ln(F/K): 41 in [−3, 3]; call and put.
        int cases = 0, failures = 0, underflowed = 0, inTheMoney = 0, nearMaximum = 0;
        double maxError = 0.0, maxErrorInResolutionUnits = 0.0, maxGapToMaximum = 0.0;
        string worst = "";
        for (int iv = 0; iv < 25; iv++)
        for (int it = 0; it < 12; it++)
        for (int ix = 0; ix < 41; ix++)
        foreach (OptionType type in new[] { OptionType.Call, OptionType.Put })
        {
            double vol = 0.01 * Math.Pow(500.0, iv / 24.0);
            double time = OneDay * Math.Pow(5.0 / OneDay, it / 11.0);
            double x = -3.0 + 6.0 * ix / 40.0;
            double strike = Forward * Math.Exp(-x);
            cases++;
            double error = RelativeRoundTripError(type, Forward, strike, time, vol, out ImpliedVolError code, out bool isExcluded, out double elasticity);
            if (isExcluded)
            {
                double price = LetsBeRational.UndiscountedBlack(type, Forward, strike, vol * Math.Sqrt(time));
                double maximum = type == OptionType.Call ? Forward : strike;
                if (!(price / Math.Sqrt(Forward * strike) >= 2.2250738585072014e-308)) underflowed++;
                else if (type == OptionType.Call ? x > 0 : x < 0) inTheMoney++;
                else
                {
                    nearMaximum++;
                    maxGapToMaximum = Math.Max(maxGapToMaximum, (maximum - price) / maximum);
                }

                continue;
            }

            if (code != ImpliedVolError.None || !(error <= RoundTripTolerance)) failures++;
            // The σ error in units of the best achievable, ε·(1 + 1/E): one rounding of σ itself plus one rounding
            // of the price propagated through its elasticity.
            maxErrorInResolutionUnits = Math.Max(maxErrorInResolutionUnits, error / (Epsilon * (1.0 + 1.0 / elasticity)));
            if (error > maxError)
            {
                maxError = error;
                worst = $"{type} x={x} T={time} σ={vol}";
            }
        }

        int included = cases - underflowed - inTheMoney - nearMaximum;
        output.WriteLine($"cases {cases}, included {included}; excluded: price underflow {underflowed}, in the money {inTheMoney}, "
            + $"near the maximum {nearMaximum} (max gap {maxGapToMaximum:E2}); max relative error {maxError:E3} at {worst}; "
            + $"max error in units of ε(1 + 1/E) {maxErrorInResolutionUnits:F2}");
        Assert.Equal(0, failures);
        Assert.True(included >= 10_000, $"only {included} cases included");
        // Pinned: the worst error observed is 5.6e-13, on an in-the-money put whose price moves only ~4e-4 relative
        // per relative move in σ (E = 4e-4). Measured against what the input allows, ε·(1 + 1/E), every error is
        // below 6 units (observed 5.8): the solver is at machine accuracy and what remains is the input's conditioning.
        Assert.True(maxError < 2e-12, $"max relative error {maxError:E3} at {worst}");
        Assert.True(maxErrorInResolutionUnits < 16, $"max error in units of ε(1 + 1/E): {maxErrorInResolutionUnits:F2}");
        // Why the rule excludes 13,372 of 24,600 (observed 4,512 + 8,818 + 42): the grid is uniform in ln(F/K) ∈ [−3, 3]
        // down to σ√T = 5e-4, so most of its points lie 20 to 6,000 standard deviations from the money. Out of the
        // money the price underflows (e^(−h²/2) with |h| ≥ 37); in the money it is the intrinsic value to the last bit.
        // Apart from those two, the rule may only remove the σ√T = 11 corner (σ = 5, T = 5y), where the price is
        // within 1e-7 of its maximum: it must not exclude any other option.
        Assert.True(nearMaximum <= 50, $"excluded near the maximum: {nearMaximum}");
        Assert.True(maxGapToMaximum < 1e-6, $"an out-of-the-money case was excluded {maxGapToMaximum:E2} below its maximum");
        Assert.True(underflowed < 5_000 && inTheMoney < 9_000, $"underflow {underflowed}, in the money {inTheMoney}");
    }

    [Fact]
    public void Excluded_cases_still_get_a_typed_answer_and_never_NaN()
    {
        for (int ix = 0; ix <= 30; ix++)
        foreach (OptionType type in new[] { OptionType.Call, OptionType.Put })
        {
            double strike = Forward * Math.Exp(3.0 - 0.2 * ix);
            double price = Math.Exp(-Rate * OneDay) * LetsBeRational.UndiscountedBlack(type, Forward, strike, 0.01 * Math.Sqrt(OneDay));
            ImpliedVolResult result = ImpliedVolatility.ForBlack76(type, price, Forward, strike, Rate, OneDay);
            if (result.IsSuccess) Assert.True(double.IsFinite(result.Vol) && result.Vol >= 0, result.Message);
            else Assert.Contains(result.Error, new[] { ImpliedVolError.PriceBelowIntrinsic, ImpliedVolError.PriceAboveMaximum });
        }
    }

    [Theory]
    [InlineData(OptionType.Call, 5.0, 100.0, 90.0)] // below intrinsic 10
    [InlineData(OptionType.Put, 5.0, 90.0, 100.0)] // below intrinsic 10
    [InlineData(OptionType.Call, -1e-12, 100.0, 120.0)] // negative price
    public void A_price_below_intrinsic_is_rejected(OptionType type, double price, double forward, double strike)
    {
        ImpliedVolResult result = ImpliedVolatility.ForBlack76(type, price, forward, strike, 0.0, 1.0);
        Assert.Equal(ImpliedVolError.PriceBelowIntrinsic, result.Error);
        Assert.False(result.IsSuccess);
    }

    [Theory]
    [InlineData(OptionType.Call, 100.0, 100.0, 90.0)] // call at the forward
    [InlineData(OptionType.Call, 150.0, 100.0, 90.0)]
    [InlineData(OptionType.Put, 90.0, 100.0, 90.0)] // put at the strike
    [InlineData(OptionType.Put, 1e6, 100.0, 90.0)]
    public void A_price_at_or_above_the_maximum_is_rejected(OptionType type, double price, double forward, double strike)
    {
        Assert.Equal(ImpliedVolError.PriceAboveMaximum, ImpliedVolatility.ForBlack76(type, price, forward, strike, 0.0, 1.0).Error);
        Assert.Equal(ImpliedVolError.PriceAboveMaximum, ImpliedVolatility.FromUndiscounted(type, price, forward, strike, 1.0).Error);
    }

    [Fact]
    public void The_maximum_is_the_discounted_forward_for_calls()
    {
        double df = Math.Exp(-Rate * 2.0);
        Assert.Equal(ImpliedVolError.PriceAboveMaximum, ImpliedVolatility.ForBlack76(OptionType.Call, df * 100.0, 100.0, 80.0, Rate, 2.0).Error);
        Assert.True(ImpliedVolatility.ForBlack76(OptionType.Call, df * 99.0, 100.0, 80.0, Rate, 2.0).IsSuccess);
    }

    public static TheoryData<double, double, double, double, double> NonFiniteInputs()
    {
        var data = new TheoryData<double, double, double, double, double>();
        foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            data.Add(bad, 100, 100, 0.01, 1);
            data.Add(5, bad, 100, 0.01, 1);
            data.Add(5, 100, bad, 0.01, 1);
            data.Add(5, 100, 100, bad, 1);
            data.Add(5, 100, 100, 0.01, bad);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NonFiniteInputs))]
    public void NaN_or_infinite_inputs_are_rejected_as_not_finite(double price, double forward, double strike, double rate, double time)
    {
        ImpliedVolResult result = ImpliedVolatility.ForBlack76(OptionType.Call, price, forward, strike, rate, time);
        Assert.Equal(ImpliedVolError.NotFinite, result.Error);
        Assert.Equal(ImpliedVolError.NotFinite, ImpliedVolatility.ForBlackScholes(OptionType.Put, price, forward, strike, rate, 0.0, time).Error);
        if (!double.IsFinite(price) || !double.IsFinite(forward) || !double.IsFinite(strike) || !double.IsFinite(time))
            Assert.Equal(ImpliedVolError.NotFinite, ImpliedVolatility.FromUndiscounted(OptionType.Call, price, forward, strike, time).Error);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(-1e-300)]
    public void Non_positive_time_is_rejected(double time)
    {
        Assert.Equal(ImpliedVolError.NonPositiveTime, ImpliedVolatility.ForBlack76(OptionType.Call, 5, 100, 100, 0.01, time).Error);
        Assert.Equal(ImpliedVolError.NonPositiveTime, ImpliedVolatility.ForBlackScholes(OptionType.Call, 5, 100, 100, 0.01, 0.0, time).Error);
        Assert.Equal(ImpliedVolError.NonPositiveTime, ImpliedVolatility.FromUndiscounted(OptionType.Put, 5, 100, 100, time).Error);
    }

    [Theory]
    [InlineData(0.0, 100.0)]
    [InlineData(-100.0, 100.0)]
    [InlineData(100.0, 0.0)]
    [InlineData(100.0, -5.0)]
    public void Non_positive_forward_spot_or_strike_is_rejected(double underlying, double strike)
    {
        Assert.Equal(ImpliedVolError.NonPositiveUnderlyingOrStrike, ImpliedVolatility.ForBlack76(OptionType.Call, 5, underlying, strike, 0.01, 1).Error);
        Assert.Equal(ImpliedVolError.NonPositiveUnderlyingOrStrike, ImpliedVolatility.ForBlackScholes(OptionType.Put, 5, underlying, strike, 0.01, 0.0, 1).Error);
        Assert.Equal(ImpliedVolError.NonPositiveUnderlyingOrStrike, ImpliedVolatility.FromUndiscounted(OptionType.Call, 5, underlying, strike, 1).Error);
    }

    [Fact]
    public void Rejections_carry_a_NaN_vol_and_a_human_message()
    {
        ImpliedVolResult result = ImpliedVolatility.ForBlack76(OptionType.Call, 200, 100, 100, 0.0, 1.0);
        Assert.True(double.IsNaN(result.Vol));
        Assert.Contains("maximum", result.Message);
    }

    [Theory]
    [InlineData(OptionType.Call, 120.0, 100.0)]
    [InlineData(OptionType.Put, 80.0, 100.0)]
    [InlineData(OptionType.Call, 80.0, 100.0)] // out of the money: intrinsic 0
    [InlineData(OptionType.Put, 100.0, 100.0)] // at the money: intrinsic 0
    public void A_price_exactly_at_intrinsic_has_zero_vol(OptionType type, double forward, double strike)
    {
        double intrinsic = Math.Max(type == OptionType.Call ? forward - strike : strike - forward, 0.0);
        ImpliedVolResult undiscounted = ImpliedVolatility.FromUndiscounted(type, intrinsic, forward, strike, 0.5);
        Assert.Equal(new ImpliedVolResult(0.0, ImpliedVolError.None), undiscounted);
        // A discounted intrinsic computed the obvious way also counts, whatever the rounding of e^(−rT).
        double price = Math.Exp(-Rate * 0.5) * intrinsic;
        Assert.Equal(new ImpliedVolResult(0.0, ImpliedVolError.None), ImpliedVolatility.ForBlack76(type, price, forward, strike, Rate, 0.5));
    }

    [Theory]
    [InlineData(OptionType.Call, 150.0)]
    [InlineData(OptionType.Call, 1000.0)]
    [InlineData(OptionType.Put, 50.0)]
    [InlineData(OptionType.Put, 5.0)]
    public void An_extremely_small_out_of_the_money_price_of_1e_300_has_a_vol_that_reprices_it(OptionType type, double strike)
    {
        ImpliedVolResult result = ImpliedVolatility.FromUndiscounted(type, 1e-300, Forward, strike, 1.0);
        Assert.True(result.IsSuccess, result.Message);
        Assert.True(result.Vol > 0 && double.IsFinite(result.Vol));
        double repriced = LetsBeRational.UndiscountedBlack(type, Forward, strike, result.Vol);
        // The price is ~e^(−h²/2) with h² ≈ 1380, so its relative sensitivity to σ is ~1380: reprice to 1e-12.
        Assert.Equal(1.0, repriced / 1e-300, 1e-12);
    }

    [Theory]
    [InlineData(0.01, 1.0 / 365.0)]
    [InlineData(0.2, 1.0 / 365.0)]
    [InlineData(0.2, 1.0)]
    [InlineData(1.0, 5.0)]
    [InlineData(0.5, 30.0)]
    public void At_the_money_round_trip_is_exact_to_1e_13(double vol, double time)
    {
        foreach (OptionType type in new[] { OptionType.Call, OptionType.Put })
        {
            double price = LetsBeRational.UndiscountedBlack(type, Forward, Forward, vol * Math.Sqrt(time));
            ImpliedVolResult result = ImpliedVolatility.FromUndiscounted(type, price, Forward, Forward, time);
            Assert.True(result.IsSuccess, result.Message);
            Assert.Equal(1.0, result.Vol / vol, 1e-13);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.0002)]
    [InlineData(-0.0002)]
    [InlineData(0.0005)]
    [InlineData(-0.0005)]
    public void One_day_expiry_at_one_percent_vol_round_trips(double logMoneyness)
    {
        double strike = Forward * Math.Exp(-logMoneyness);
        foreach (OptionType type in new[] { OptionType.Call, OptionType.Put })
        {
            double error = RelativeRoundTripError(type, Forward, strike, OneDay, 0.01, out ImpliedVolError code, out bool excluded);
            Assert.False(excluded);
            Assert.Equal(ImpliedVolError.None, code);
            Assert.True(error <= RoundTripTolerance, $"{type} x={logMoneyness}: error {error:E2}");
        }
    }

    [Fact]
    public void Five_year_expiry_at_500_percent_vol_round_trips_within_its_conditioning()
    {
        // σ√T = 11.2: the call is worth 1 − 2e-8 of the forward, so one ulp of price is ~1e-10 of σ at the money.
        foreach (double x in new[] { -3.0, -1.0, 0.0, 1.0, 3.0 })
        foreach (OptionType type in new[] { OptionType.Call, OptionType.Put })
        {
            double strike = Forward * Math.Exp(-x);
            double price = LetsBeRational.UndiscountedBlack(type, Forward, strike, 5.0 * Math.Sqrt(5.0));
            ImpliedVolResult result = ImpliedVolatility.FromUndiscounted(type, price, Forward, strike, 5.0);
            Assert.True(result.IsSuccess, result.Message);
            double elasticity = 5.0 * Math.Sqrt(5.0) * LetsBeRational.NormalisedVega(x, 5.0 * Math.Sqrt(5.0)) * Math.Sqrt(Forward * strike) / price;
            double bound = Math.Max(1e-13, 4.0 * 2.220446049250313e-16 / elasticity);
            Assert.True(Math.Abs(result.Vol / 5.0 - 1.0) <= bound, $"{type} x={x}: vol {result.Vol:R}, bound {bound:E2}");
        }
    }

    [Fact]
    public void Black_Scholes_round_trip_goes_through_the_forward()
    {
        double spot = 100, strike = 110, rate = 0.03, dividend = 0.01, time = 0.75, vol = 0.35;
        double price = BlackScholesMerton.Price(OptionType.Call, spot, strike, rate, dividend, time, vol);
        ImpliedVolResult result = ImpliedVolatility.ForBlackScholes(OptionType.Call, price, spot, strike, rate, dividend, time);
        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(vol, result.Vol, 1e-12);
    }

    [Fact]
    public void Batch_matches_the_scalar_solver_element_by_element_including_errors()
    {
        OptionType[] types = [OptionType.Call, OptionType.Put, OptionType.Call, OptionType.Put, OptionType.Call, OptionType.Call];
        double[] forwards = [100, 100, 100, -1, 100, 100];
        double[] strikes = [90, 120, 100, 100, 100, 150];
        double[] rates = [0.01, 0.02, 0.0, 0.0, 0.0, 0.05];
        double[] times = [0.5, 2.0, 1.0, 1.0, 0.0, 1.0 / 365];
        double[] prices = new double[types.Length];
        for (int i = 0; i < prices.Length; i++)
            prices[i] = forwards[i] > 0 ? Black76.Price(types[i], forwards[i], strikes[i], rates[i], Math.Max(times[i], 0.1), 0.3) : 5;
        prices[5] = 0.0; // far out of the money at one day: zero time value → vol 0

        var vols = new double[types.Length];
        var errors = new ImpliedVolError[types.Length];
        ImpliedVolatility.ForBlack76(types, prices, forwards, strikes, rates, times, vols, errors);

        for (int i = 0; i < types.Length; i++)
        {
            ImpliedVolResult scalar = ImpliedVolatility.ForBlack76(types[i], prices[i], forwards[i], strikes[i], rates[i], times[i]);
            Assert.Equal(scalar.Error, errors[i]);
            Assert.Equal(scalar.Vol, vols[i]);
        }

        Assert.Equal(ImpliedVolError.NonPositiveUnderlyingOrStrike, errors[3]);
        Assert.Equal(ImpliedVolError.NonPositiveTime, errors[4]);
        Assert.Equal(0.0, vols[5]);
        Assert.Equal(0.3, vols[0], 1e-12);
    }

    [Fact]
    public void Batch_allocates_nothing()
    {
        const int n = 256;
        var types = new OptionType[n];
        double[] prices = new double[n], forwards = new double[n], strikes = new double[n], rates = new double[n], times = new double[n], vols = new double[n];
        var errors = new ImpliedVolError[n];
        for (int i = 0; i < n; i++)
        {
            types[i] = i % 2 == 0 ? OptionType.Call : OptionType.Put;
            forwards[i] = 100;
            strikes[i] = 50 + i;
            rates[i] = 0.02;
            times[i] = 0.01 + i / 64.0;
            prices[i] = i % 7 == 0 ? -1.0 : Black76.Price(types[i], 100, strikes[i], 0.02, times[i], 0.1 + i / 200.0);
        }

        ImpliedVolatility.ForBlack76(types, prices, forwards, strikes, rates, times, vols, errors); // warm-up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        ImpliedVolatility.ForBlack76(types, prices, forwards, strikes, rates, times, vols, errors);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(ImpliedVolError.PriceBelowIntrinsic, errors[0]);
        Assert.Equal(ImpliedVolError.None, errors[1]);
    }

    [Fact]
    public void Batch_with_spans_of_different_lengths_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => ImpliedVolatility.ForBlack76(
            new OptionType[2], new double[2], new double[2], new double[2], new double[2], new double[1], new double[2], new ImpliedVolError[2]));
    }

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public Property Round_trip_holds_for_random_options_in_the_domain()
    {
        Gen<double> unit = Gen.Choose(0, int.MaxValue).Select(i => i / (double)int.MaxValue);
        Gen<(OptionType Type, double Forward, double X, double Time, double Vol)> cases =
            from call in Gen.Elements(true, false)
            from forward in unit.Select(u => Math.Pow(10.0, -2.0 + 6.0 * u)) // 0.01 … 10,000
            from x in unit.Select(u => -3.0 + 6.0 * u)
            from time in unit.Select(u => OneDay * Math.Pow(5.0 / OneDay, u))
            from vol in unit.Select(u => 0.01 * Math.Pow(500.0, u))
            select (call ? OptionType.Call : OptionType.Put, forward, x, time, vol);

        return Prop.ForAll(Arb.From(cases), c =>
        {
            double strike = c.Forward * Math.Exp(-c.X);
            double error = RelativeRoundTripError(c.Type, c.Forward, strike, c.Time, c.Vol, out ImpliedVolError code, out bool excluded);
            return excluded || (code == ImpliedVolError.None && error <= RoundTripTolerance);
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Any_finite_input_gives_a_finite_non_negative_vol_or_a_typed_rejection()
    {
        // Far outside any market: forwards and strikes from 1e-150 to 1e150, |ln(F/K)| up to 700, T from 1e-10 to
        // 1e4 years, prices anywhere between below intrinsic and above the maximum, including within ulps of both.
        Gen<double> unit = Gen.Choose(0, int.MaxValue).Select(i => i / (double)int.MaxValue);
        Gen<(OptionType Type, double Price, double Forward, double Strike, double Time)> inputs =
            from call in Gen.Elements(true, false)
            from forward in unit.Select(u => Math.Pow(10.0, -150.0 + 300.0 * u))
            from x in unit.Select(u => -700.0 + 1400.0 * u * u * u * u)
            from time in unit.Select(u => Math.Pow(10.0, -10.0 + 14.0 * u))
            from shape in Gen.Choose(0, 3)
            from u in unit
            let strike = forward * Math.Exp(-x)
            let type = call ? OptionType.Call : OptionType.Put
            let intrinsic = Math.Max(call ? forward - strike : strike - forward, 0.0)
            let maximum = call ? forward : strike
            let price = shape switch
            {
                0 => intrinsic + (maximum - intrinsic) * u,
                1 => intrinsic + (maximum - intrinsic) * Math.Pow(10.0, -300.0 * u),
                2 => maximum * (1.0 - Math.Pow(10.0, -17.0 * u)),
                _ => intrinsic * (1.0 - 1e-15 * u),
            }
            select (type, price, forward, strike, time);

        return Prop.ForAll(Arb.From(inputs), c =>
        {
            ImpliedVolResult result = ImpliedVolatility.FromUndiscounted(c.Type, c.Price, c.Forward, c.Strike, c.Time);
            return result.IsSuccess ? double.IsFinite(result.Vol) && result.Vol >= 0 : double.IsNaN(result.Vol) && Enum.IsDefined(result.Error);
        });
    }
}
