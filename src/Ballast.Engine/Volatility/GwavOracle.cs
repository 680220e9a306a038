namespace Ballast.Engine.Volatility;

/// <summary>
/// Geometric time-weighted average (GWAV) of a positive, piecewise-constant series such as a board's base IV or a
/// strike's skew (Lyra v1 <c>libraries/GWAV.sol</c>, derivexyz/v1-core). The oracle keeps the accumulator
/// Q(t) = ∫ ln v(s) ds; the average over [t1, t2] is exp((Q(t2) − Q(t1)) / (t2 − t1)), so one trade moving the
/// value for a few seconds barely moves a day-long average.
/// </summary>
/// <remarks>
/// <para>Semantics (as Lyra): a value observed at t holds until the next observation; before the first
/// observation the first value is assumed to have held (Lyra initialises q = ln(v₀)·t₀); after the latest
/// observation the latest value holds. A zero-length period returns the value in force at that time.</para>
/// <para>Capacity: at most <see cref="Capacity"/> observations are kept (default 512, at least 8). When an append
/// would exceed it, the older half is thinned: every second observation in it is dropped (the oldest is kept),
/// freeing a quarter of the buffer — amortised O(1) per observation. Q stays exact at every kept observation, and
/// Q between two kept observations is interpolated linearly, which is exact where nothing was dropped (Q is linear
/// with slope ln v there) and gives the gap's geometric mean where something was. Queries starting at or after
/// <see cref="ExactFromSeconds"/> are therefore exact; earlier ones report <see cref="GwavQueryStatus.Approximate"/>.
/// Nothing is ever dropped silently: the earliest observation and the total accumulator are always kept.</para>
/// <para>Deterministic (no clock, no randomness); not thread-safe; <see cref="Copy"/> gives an independent clone.
/// <see cref="Observations"/> exposes the kept observations (oldest first) for state hashing.</para>
/// </remarks>
public sealed class GwavOracle
{
    /// <summary>Default number of observations kept.</summary>
    public const int DefaultCapacity = 512;

    private GwavObservation[] _items;
    private int _count;
    private long _exactFromSeconds = long.MinValue;

    /// <summary>Creates an empty oracle.</summary>
    /// <param name="capacity">Maximum observations kept (≥ 8).</param>
    public GwavOracle(int capacity = DefaultCapacity)
    {
        if (capacity < 8) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be at least 8");
        _items = new GwavObservation[capacity];
    }

    private GwavOracle(GwavObservation[] items, int count, long exactFromSeconds)
    {
        _items = items;
        _count = count;
        _exactFromSeconds = exactFromSeconds;
    }

    /// <summary>Maximum number of observations kept.</summary>
    public int Capacity => _items.Length;

    /// <summary>Number of observations kept.</summary>
    public int Count => _count;

    /// <summary>True before the first accepted observation.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>Kept observations, oldest first (valid until the next <see cref="Observe"/>).</summary>
    public ReadOnlySpan<GwavObservation> Observations => _items.AsSpan(0, _count);

    /// <summary>Averages over periods starting at or after this time (seconds) are exact; <see cref="long.MinValue"/>
    /// until history has been thinned.</summary>
    public long ExactFromSeconds => _exactFromSeconds;

    /// <summary>The latest observed value (0 when empty).</summary>
    public double LatestValue => _count == 0 ? 0 : _items[_count - 1].Value;

    /// <summary>Time of the latest observation (seconds; 0 when empty).</summary>
    public long LatestTimeSeconds => _count == 0 ? 0 : _items[_count - 1].TimeSeconds;

    /// <summary>Records that <paramref name="value"/> holds from <paramref name="timeSeconds"/> on. Never throws.</summary>
    /// <param name="value">New value (finite, &gt; 0).</param>
    /// <param name="timeSeconds">Time (seconds), not earlier than the latest observation.</param>
    /// <returns>What happened; rejected observations change nothing.</returns>
    public GwavObserveResult Observe(double value, long timeSeconds)
    {
        if (!double.IsFinite(value)) return GwavObserveResult.RejectedNotFinite;
        if (value <= 0) return GwavObserveResult.RejectedNonPositive;
        if (_count == 0)
        {
            _items[0] = new GwavObservation(timeSeconds, value, 0);
            _count = 1;
            return GwavObserveResult.Recorded;
        }

        ref var last = ref _items[_count - 1];
        if (timeSeconds < last.TimeSeconds) return GwavObserveResult.RejectedTimeWentBackwards;
        if (timeSeconds == last.TimeSeconds)
        {
            // Q at the latest observation does not depend on its own value, only on the values before it.
            last = last with { Value = value };
            return GwavObserveResult.ReplacedSameTime;
        }
        if (value == last.Value) return GwavObserveResult.UnchangedValue;

        // Lyra GWAV._write: q_new = q_last + ln(v_last)·Δt (the last value held over the elapsed interval).
        double q = last.LogAccumulator + Math.Log(last.Value) * (timeSeconds - last.TimeSeconds);
        if (_count == _items.Length) Thin();
        _items[_count++] = new GwavObservation(timeSeconds, value, q);
        return GwavObserveResult.Recorded;
    }

    /// <summary>The value in force at <paramref name="timeSeconds"/> (first value before history; 0 when empty).</summary>
    /// <param name="timeSeconds">Time (seconds).</param>
    /// <returns>The value.</returns>
    public double ValueAt(long timeSeconds)
    {
        if (_count == 0) return 0;
        int i = IndexAtOrBefore(timeSeconds);
        return _items[i < 0 ? 0 : i].Value;
    }

    /// <summary>
    /// Geometric average over [<paramref name="fromSeconds"/>, <paramref name="toSeconds"/>]:
    /// exp((Q(to) − Q(from)) / (to − from)); for from = to, the value in force then.
    /// </summary>
    /// <param name="fromSeconds">Start of the period (seconds).</param>
    /// <param name="toSeconds">End of the period (seconds), ≥ start.</param>
    /// <param name="average">The average (strictly between the min and max value in force over the period, or equal
    /// to them); 0 when the status is <see cref="GwavQueryStatus.Empty"/> or <see cref="GwavQueryStatus.InvalidPeriod"/>.</param>
    /// <returns>Whether the average is exact, approximate, or unavailable.</returns>
    public GwavQueryStatus TryAverage(long fromSeconds, long toSeconds, out double average)
    {
        average = 0;
        if (_count == 0) return GwavQueryStatus.Empty;
        if (toSeconds < fromSeconds) return GwavQueryStatus.InvalidPeriod;
        var status = fromSeconds < _exactFromSeconds ? GwavQueryStatus.Approximate : GwavQueryStatus.Exact;
        if (toSeconds == fromSeconds)
        {
            average = ValueAt(fromSeconds);
            return status;
        }
        double meanLog = (Accumulator(toSeconds) - Accumulator(fromSeconds)) / ((double)toSeconds - fromSeconds);
        average = Math.Exp(meanLog);
        return status;
    }

    /// <summary>GWAV over the <paramref name="periodSeconds"/> ending at <paramref name="nowSeconds"/> (Lyra
    /// <c>getGWAVForPeriod(period, 0)</c>). Calling it on an empty oracle is a bug.</summary>
    /// <param name="periodSeconds">Length of the period (seconds, ≥ 0).</param>
    /// <param name="nowSeconds">End of the period (seconds).</param>
    /// <returns>The average (exact or approximate, see <see cref="TryAverage"/>).</returns>
    public double AverageOverLast(long periodSeconds, long nowSeconds)
    {
        var status = TryAverage(nowSeconds - periodSeconds, nowSeconds, out double average);
        if (status is GwavQueryStatus.Empty or GwavQueryStatus.InvalidPeriod)
            throw new InvalidOperationException($"GWAV query on an oracle that cannot answer it: {status}");
        return average;
    }

    /// <summary>Independent deep copy.</summary>
    /// <returns>A clone with the same capacity, observations and thinning state.</returns>
    public GwavOracle Copy() => new((GwavObservation[])_items.Clone(), _count, _exactFromSeconds);

    /// <summary>Replaces the whole history with a stored one (state snapshot restore); the caller validated it.</summary>
    /// <param name="capacity">Capacity the stored oracle had (≥ 8, ≥ the number of observations).</param>
    /// <param name="observations">Kept observations, oldest first, exactly as <see cref="Observations"/> gave them.</param>
    /// <param name="exactFromSeconds">The stored <see cref="ExactFromSeconds"/>.</param>
    internal void Restore(int capacity, ReadOnlySpan<GwavObservation> observations, long exactFromSeconds)
    {
        _items = new GwavObservation[capacity];
        observations.CopyTo(_items);
        _count = observations.Length;
        _exactFromSeconds = exactFromSeconds;
    }

    /// <summary>Q(t) with the conventions in the remarks.</summary>
    private double Accumulator(long t)
    {
        var first = _items[0];
        if (t <= first.TimeSeconds) return first.LogAccumulator + Math.Log(first.Value) * ((double)t - first.TimeSeconds);
        int i = IndexAtOrBefore(t);
        var a = _items[i];
        if (i == _count - 1) return a.LogAccumulator + Math.Log(a.Value) * ((double)t - a.TimeSeconds);
        var b = _items[i + 1];
        // Linear in t between kept observations: exact where nothing was thinned (slope ln a.Value).
        return a.LogAccumulator + (b.LogAccumulator - a.LogAccumulator) * ((double)t - a.TimeSeconds) / ((double)b.TimeSeconds - a.TimeSeconds);
    }

    /// <summary>Index of the last observation with time ≤ t, or −1 when t precedes all.</summary>
    private int IndexAtOrBefore(long t)
    {
        int lo = 0, hi = _count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_items[mid].TimeSeconds <= t) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>Drops every second observation of the older half (keeping index 0), freeing a quarter of the buffer.</summary>
    private void Thin()
    {
        int half = _count / 2;
        // Gaps before the first untouched observation may now merge dropped ones.
        _exactFromSeconds = Math.Max(_exactFromSeconds, _items[half].TimeSeconds);
        int write = 1;
        for (int read = 2; read < half; read += 2) _items[write++] = _items[read];
        for (int read = half; read < _count; read++) _items[write++] = _items[read];
        _count = write;
    }
}
