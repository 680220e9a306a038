namespace Ballast.Pricing.Surfaces;

/// <summary>
/// An implied-volatility surface made of SVI slices, one per expiry, interpolated in total implied variance.
/// Immutable; build it with <see cref="Create"/>.
/// </summary>
/// <remarks>
/// <para><b>Between expiries</b> total variance is linear in T at fixed log-moneyness k = ln(K/F(T)):
/// w(k, T) = w(k, Tᵢ) + (T − Tᵢ)/(Tᵢ₊₁ − Tᵢ)·(w(k, Tᵢ₊₁) − w(k, Tᵢ)) (Gatheral-Jacquier 2014, §5: interpolating total
/// variance at fixed k keeps a calendar-arbitrage-free pair of slices arbitrage-free in between).</para>
/// <para><b>Before the first expiry</b> w(k, T) = w(k, T₁)·T/T₁ (the first slice's implied vol at each k is held), which
/// goes to 0 as T → 0; <b>after the last</b> w(k, T) = w(k, T_N)·T/T_N (the last slice's implied vol at each k is held).
/// Both keep w non-decreasing in T.</para>
/// <para><b>Forwards</b> are interpolated with ln F linear in T (a constant carry rate between expiries). Before the
/// first expiry, ln F runs linearly from ln(spot) at T = 0 when a spot was given, else F is flat at F₁; after the last
/// expiry the last interval's carry rate continues (flat with a single expiry).</para>
/// <para><b>Sticky strike</b>: <see cref="Vol"/> takes a strike and a time, finds F(T), and reads the surface at
/// k = ln(K/F(T)), so the vol of a fixed strike does not move with the forward unless the surface is refitted.</para>
/// </remarks>
public sealed class VolSurface
{
    private readonly SurfaceSlice[] _slices;
    private readonly double? _spot;

    private VolSurface(SurfaceSlice[] slices, double? spot)
    {
        _slices = slices;
        _spot = spot;
    }

    /// <summary>The slices in increasing time order.</summary>
    public IReadOnlyList<SurfaceSlice> Slices => _slices;

    /// <summary>Builds a surface; slices may come in any order.</summary>
    /// <param name="slices">One slice per expiry (distinct times).</param>
    /// <param name="spot">Optional spot price in quote currency, the forward at T = 0.</param>
    public static VolSurfaceResult Create(IEnumerable<SurfaceSlice> slices, double? spot = null)
    {
        var list = slices.ToArray();
        if (list.Length == 0) return new VolSurfaceResult(null, VolSurfaceError.NoSlices, -1);
        if (spot is { } s && !(double.IsFinite(s) && s > 0)) return new VolSurfaceResult(null, VolSurfaceError.InvalidTimeOrForward, -1);
        for (int i = 0; i < list.Length; i++)
        {
            var slice = list[i];
            if (!(double.IsFinite(slice.Time) && slice.Time > 0 && double.IsFinite(slice.Forward) && slice.Forward > 0))
                return new VolSurfaceResult(null, VolSurfaceError.InvalidTimeOrForward, i);
            if (slice.Smile.Validate() != SviParameterError.None) return new VolSurfaceResult(null, VolSurfaceError.InvalidSmile, i);
            for (int j = 0; j < i; j++)
            {
                if (list[j].Time == slice.Time) return new VolSurfaceResult(null, VolSurfaceError.DuplicateExpiry, i);
            }
        }

        var sorted = list.OrderBy(x => x.Time).ToArray();
        return new VolSurfaceResult(new VolSurface(sorted, spot), VolSurfaceError.None, -1);
    }

    /// <summary>Total implied variance w(k, T) = σ²T at log-moneyness k = ln(K/F(T)) and time T (years, &gt; 0).</summary>
    /// <param name="logMoneyness">k = ln(K/F(T)).</param>
    /// <param name="time">Time T &gt; 0 in years.</param>
    public double TotalVariance(double logMoneyness, double time)
    {
        RequirePositive(time, nameof(time));
        var first = _slices[0];
        var last = _slices[^1];
        if (time <= first.Time) return first.Smile.TotalVariance(logMoneyness) * time / first.Time;
        if (time >= last.Time) return last.Smile.TotalVariance(logMoneyness) * time / last.Time;
        int i = UpperIndex(time);
        var lo = _slices[i - 1];
        var hi = _slices[i];
        double weight = (time - lo.Time) / (hi.Time - lo.Time);
        double wLo = lo.Smile.TotalVariance(logMoneyness), wHi = hi.Smile.TotalVariance(logMoneyness);
        return wLo + weight * (wHi - wLo);
    }

    /// <summary>Black implied vol per √year at log-moneyness k = ln(K/F(T)) and time T (years, &gt; 0).</summary>
    /// <param name="logMoneyness">k = ln(K/F(T)).</param>
    /// <param name="time">Time T &gt; 0 in years.</param>
    public double ImpliedVol(double logMoneyness, double time) => Math.Sqrt(Math.Max(TotalVariance(logMoneyness, time), 0) / time);

    /// <summary>Forward F(T) in quote currency, interpolated with ln F linear in T (see remarks).</summary>
    /// <param name="time">Time T ≥ 0 in years.</param>
    public double Forward(double time)
    {
        if (!(double.IsFinite(time) && time >= 0)) throw new ArgumentOutOfRangeException(nameof(time), time, "time must be finite and ≥ 0");
        var first = _slices[0];
        var last = _slices[^1];
        if (time <= first.Time)
        {
            if (_spot is not { } spot) return first.Forward;
            return spot * Math.Exp(Math.Log(first.Forward / spot) * time / first.Time);
        }

        if (time >= last.Time)
        {
            if (_slices.Length == 1) return last.Forward;
            var previous = _slices[^2];
            double carry = Math.Log(last.Forward / previous.Forward) / (last.Time - previous.Time);
            return last.Forward * Math.Exp(carry * (time - last.Time));
        }

        int i = UpperIndex(time);
        var lo = _slices[i - 1];
        var hi = _slices[i];
        double weight = (time - lo.Time) / (hi.Time - lo.Time);
        return lo.Forward * Math.Exp(weight * Math.Log(hi.Forward / lo.Forward));
    }

    /// <summary>Sticky-strike lookup: Black implied vol per √year for strike K (quote currency) and time T (years).</summary>
    /// <param name="strike">Strike K &gt; 0.</param>
    /// <param name="time">Time T &gt; 0 in years.</param>
    /// <exception cref="ArgumentOutOfRangeException">Strike or time not finite and positive (a caller bug: validate at the boundary).</exception>
    public double Vol(double strike, double time)
    {
        RequirePositive(strike, nameof(strike));
        RequirePositive(time, nameof(time));
        return ImpliedVol(Math.Log(strike / Forward(time)), time);
    }

    /// <summary>
    /// Calendar check: the smallest w(k, Tᵢ₊₁) − w(k, Tᵢ) over consecutive slices and an even grid of k. Between and
    /// beyond the slices the interpolation is monotone in T, so the slices decide.
    /// </summary>
    /// <param name="kMin">Lowest log-moneyness of the grid.</param>
    /// <param name="kMax">Highest log-moneyness of the grid.</param>
    /// <param name="points">Grid points (≥ 2).</param>
    public CalendarCheck CheckCalendar(double kMin = -SviFitter.CheckRange, double kMax = SviFitter.CheckRange, int points = 601)
    {
        if (_slices.Length == 1) return new CalendarCheck(double.PositiveInfinity, 0, -1);
        var worst = CheckCalendar(0, kMin, kMax, points);
        for (int i = 1; i + 1 < _slices.Length; i++)
        {
            var pair = CheckCalendar(i, kMin, kMax, points);
            if (pair.WorstIncrease < worst.WorstIncrease) worst = pair;
        }

        return worst;
    }

    /// <summary>
    /// Calendar check of one pair of consecutive slices: the smallest w(k, Tᵢ₊₁) − w(k, Tᵢ) on an even grid of k, e.g.
    /// the log-moneyness range both expiries have quotes in.
    /// </summary>
    /// <param name="earlierSlice">Index i of the earlier slice (0 ≤ i &lt; N − 1).</param>
    /// <param name="kMin">Lowest log-moneyness of the grid.</param>
    /// <param name="kMax">Highest log-moneyness of the grid.</param>
    /// <param name="points">Grid points (≥ 2).</param>
    public CalendarCheck CheckCalendar(int earlierSlice, double kMin, double kMax, int points)
    {
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), "a grid needs at least two points");
        if (earlierSlice < 0 || earlierSlice + 1 >= _slices.Length) throw new ArgumentOutOfRangeException(nameof(earlierSlice));
        double worst = double.PositiveInfinity, worstK = kMin;
        var earlier = _slices[earlierSlice].Smile;
        var later = _slices[earlierSlice + 1].Smile;
        for (int j = 0; j < points; j++)
        {
            double k = kMin + (kMax - kMin) * j / (points - 1);
            double increase = later.TotalVariance(k) - earlier.TotalVariance(k);
            if (increase < worst) { worst = increase; worstK = k; }
        }

        return new CalendarCheck(worst, worstK, earlierSlice);
    }

    // Index of the first slice with Time > time (1 ≤ result ≤ N − 1 when time is strictly inside the range).
    private int UpperIndex(double time)
    {
        int lo = 0, hi = _slices.Length - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (_slices[mid].Time <= time) lo = mid; else hi = mid;
        }

        return hi;
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(double.IsFinite(value) && value > 0)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and > 0");
    }
}
