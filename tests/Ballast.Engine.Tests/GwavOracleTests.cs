using Ballast.Engine.Volatility;
using FsCheck.Xunit;

namespace Ballast.Engine.Tests;

public class GwavOracleTests
{
    private static GwavOracle ThreeSteps()
    {
        // value 1 on [0,100), 2 on [100,300), 0.5 from 300 on
        var oracle = new GwavOracle();
        Assert.Equal(GwavObserveResult.Recorded, oracle.Observe(1.0, 0));
        Assert.Equal(GwavObserveResult.Recorded, oracle.Observe(2.0, 100));
        Assert.Equal(GwavObserveResult.Recorded, oracle.Observe(0.5, 300));
        return oracle;
    }

    [Fact]
    public void Average_is_the_exponential_of_the_time_weighted_mean_log()
    {
        var oracle = ThreeSteps();
        // [0,400]: (100·ln1 + 200·ln2 + 100·ln0.5)/400 = 100·ln2/400 → 2^(1/4) = 1.189207115002721
        Assert.Equal(GwavQueryStatus.Exact, oracle.TryAverage(0, 400, out double whole));
        Assert.Equal(1.189207115002721, whole, 1e-14);
        // [50,200]: (50·0 + 100·ln2)/150 → 2^(2/3) = 1.5874010519681994
        Assert.Equal(GwavQueryStatus.Exact, oracle.TryAverage(50, 200, out double middle));
        Assert.Equal(1.5874010519681994, middle, 1e-14);
    }

    [Fact]
    public void Accumulator_is_the_sum_of_log_value_times_elapsed_time()
    {
        var q = ThreeSteps().Observations.ToArray().Select(o => o.LogAccumulator).ToArray();
        // Q(0) = 0; Q(100) = 100·ln 1 = 0; Q(300) = 0 + 200·ln 2 = 138.62943611198907
        Assert.Equal([0.0, 0.0, 200 * Math.Log(2)], q);
    }

    [Fact]
    public void Before_the_first_observation_the_first_value_holds_and_after_the_last_the_last_holds()
    {
        var oracle = ThreeSteps();
        oracle.TryAverage(-100, 0, out double before);
        oracle.TryAverage(300, 1_000, out double after);
        Assert.Equal(1.0, before, 1e-15);
        Assert.Equal(0.5, after, 1e-15);
    }

    [Fact]
    public void A_zero_length_period_returns_the_value_in_force()
    {
        var oracle = ThreeSteps();
        Assert.Equal(GwavQueryStatus.Exact, oracle.TryAverage(150, 150, out double v));
        Assert.Equal(2.0, v);
        Assert.Equal(0.5, oracle.ValueAt(300));
        Assert.Equal(2.0, oracle.ValueAt(299));
    }

    [Fact]
    public void AverageOverLast_looks_back_from_now()
    {
        // last 200 s ending at 400: [200,400] = (100·ln2 + 100·ln0.5)/200 = 0 → 1
        Assert.Equal(1.0, ThreeSteps().AverageOverLast(200, 400), 1e-15);
    }

    [Fact]
    public void A_brief_spike_barely_moves_a_day_long_average()
    {
        var oracle = new GwavOracle();
        oracle.Observe(1.0, 0);
        oracle.Observe(1.5, 86_340);  // a trade lifts base IV 50 % for the last minute of the day
        // exp(60·ln1.5/86400) = 1.000281620...
        double gwav = oracle.AverageOverLast(86_400, 86_400);
        Assert.Equal(Math.Exp(60 * Math.Log(1.5) / 86_400), gwav, 1e-15);
        Assert.True(gwav < 1.0003);
    }

    [Theory]
    [InlineData(double.NaN, 10L, GwavObserveResult.RejectedNotFinite)]
    [InlineData(double.PositiveInfinity, 10L, GwavObserveResult.RejectedNotFinite)]
    [InlineData(0.0, 10L, GwavObserveResult.RejectedNonPositive)]
    [InlineData(-1.0, 10L, GwavObserveResult.RejectedNonPositive)]
    [InlineData(1.0, 299L, GwavObserveResult.RejectedTimeWentBackwards)]
    public void Bad_observations_are_rejected_and_change_nothing(double value, long time, GwavObserveResult expected)
    {
        var oracle = ThreeSteps();
        var before = oracle.Observations.ToArray();
        Assert.Equal(expected, oracle.Observe(value, time));
        Assert.Equal(before, oracle.Observations.ToArray());
    }

    [Fact]
    public void A_second_value_at_the_same_time_replaces_the_first()
    {
        var oracle = ThreeSteps();
        Assert.Equal(GwavObserveResult.ReplacedSameTime, oracle.Observe(4.0, 300));
        Assert.Equal(3, oracle.Count);
        oracle.TryAverage(300, 400, out double v);
        Assert.Equal(4.0, v, 1e-14);
    }

    [Fact]
    public void An_unchanged_value_stores_nothing()
    {
        var oracle = ThreeSteps();
        Assert.Equal(GwavObserveResult.UnchangedValue, oracle.Observe(0.5, 500));
        Assert.Equal(3, oracle.Count);
    }

    [Fact]
    public void Queries_on_an_empty_oracle_or_a_reversed_period_are_reported()
    {
        Assert.Equal(GwavQueryStatus.Empty, new GwavOracle().TryAverage(0, 10, out double a));
        Assert.Equal(0, a);
        Assert.Equal(GwavQueryStatus.InvalidPeriod, ThreeSteps().TryAverage(10, 0, out _));
    }

    [Fact]
    public void Copy_is_independent_of_the_original()
    {
        var original = ThreeSteps();
        var copy = original.Copy();
        copy.Observe(3.0, 1_000);
        Assert.Equal(3, original.Count);
        Assert.Equal(4, copy.Count);
        Assert.Equal(original.Observations.ToArray(), copy.Observations[..3].ToArray());
    }

    [Fact]
    public void Full_history_is_thinned_keeping_the_accumulator_exact_at_kept_observations()
    {
        const int capacity = 8;
        var oracle = new GwavOracle(capacity);
        var series = new List<(long T, double V)>();
        for (int i = 0; i < 100; i++)
        {
            double v = 0.5 + (i * 37 % 11) / 10.0 + (i % 2) * 0.05;
            long t = i * 60L + (i % 3) * 7;
            if (oracle.Observe(v, t) == GwavObserveResult.Recorded) series.Add((t, v));
            Assert.True(oracle.Count <= capacity);
        }
        Assert.True(oracle.ExactFromSeconds > series[0].T);
        Assert.Equal(series[0].T, oracle.Observations[0].TimeSeconds);

        long first = series[0].T, last = series[^1].T + 100;
        // Whole history: exact because both ends are outside the thinned gaps.
        oracle.TryAverage(first, last, out double whole);
        Assert.Equal(Reference(series, first, last), whole, 1e-12);
        // Periods starting at or after ExactFromSeconds are exact and say so.
        for (long start = oracle.ExactFromSeconds; start < last; start += 13)
        {
            Assert.Equal(GwavQueryStatus.Exact, oracle.TryAverage(start, last, out double avg));
            Assert.Equal(Reference(series, start, last), avg, 1e-12);
        }
        Assert.Equal(GwavQueryStatus.Approximate, oracle.TryAverage(oracle.ExactFromSeconds - 1, last, out _));
    }

    [Fact]
    public void Same_observations_give_identical_state()
    {
        var a = new GwavOracle(16);
        var b = new GwavOracle(16);
        for (int i = 0; i < 50; i++)
        {
            double v = 1 + Math.Sin(i) / 2;
            a.Observe(v, i * 10L);
            b.Observe(v, i * 10L);
        }
        Assert.Equal(a.Observations.ToArray(), b.Observations.ToArray());
        Assert.Equal(a.ExactFromSeconds, b.ExactFromSeconds);
    }

    [Property(MaxTest = 200)]
    public void A_constant_series_averages_to_that_constant(ushort valueThousandths, byte[] gaps, short from, ushort length)
    {
        double value = 0.001 + valueThousandths / 1000.0;
        var oracle = new GwavOracle(8);
        long t = 0;
        oracle.Observe(value, t);
        foreach (var gap in gaps ?? []) oracle.Observe(value, t += gap);
        oracle.TryAverage(from, from + (long)length, out double avg);
        Assert.Equal(value, avg, value * 1e-12);
    }

    [Property(MaxTest = 200)]
    public void The_average_lies_between_the_smallest_and_largest_observed_values(byte[] steps, short from, ushort length)
    {
        var oracle = new GwavOracle(16);
        double min = double.MaxValue, max = double.MinValue;
        long t = 0;
        int i = 0;
        foreach (var step in steps ?? [])
        {
            double v = 0.05 + step / 50.0;
            t += 1 + (step * 7 + i++) % 400;
            if (oracle.Observe(v, t) > GwavObserveResult.UnchangedValue) continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (oracle.IsEmpty) return;
        // The oracle keeps the last value per timestamp; every value it ever held is within [min, max].
        oracle.TryAverage(from, from + (long)length, out double avg);
        Assert.InRange(avg, min * (1 - 1e-12), max * (1 + 1e-12));
    }

    /// <summary>∫ ln v dt over [a, b] / (b − a) from the full series (first value before, last value after), exponentiated.</summary>
    private static double Reference(List<(long T, double V)> s, long a, long b)
    {
        double integral = 0;
        for (int i = 0; i < s.Count; i++)
        {
            double segStart = i == 0 ? double.NegativeInfinity : s[i].T;
            double segEnd = i == s.Count - 1 ? double.PositiveInfinity : s[i + 1].T;
            double lo = Math.Max(segStart, a), hi = Math.Min(segEnd, b);
            if (hi > lo) integral += Math.Log(s[i].V) * (hi - lo);
        }
        return Math.Exp(integral / (b - a));
    }
}
