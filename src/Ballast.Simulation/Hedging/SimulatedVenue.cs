using Ballast.Engine.Hedging;
using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Hedging;

/// <summary>
/// A perpetual-futures venue for simulations and tests: taker fills with square-root slippage
/// (<see cref="OrderBookDepth"/>) and latency, maker fills that may not happen, fees, funding (a rate series or an
/// Ornstein-Uhlenbeck model stepped per period), partial fills, rejections, outages and injected data faults (NaN
/// prices, a stuck funding feed). All randomness comes from the <see cref="Xoshiro256StarStar"/> handed in, and time
/// only from the callers' <c>now</c>, so the same calls in the same order give the same results.
/// </summary>
/// <remarks>
/// The mark is pushed by the simulation driver with <see cref="SetMark"/>. Orders are immediate (taker IOC, maker
/// posted then cancelled at the end of the call), so they are final when <see cref="Place"/> returns and
/// <see cref="Cancel"/> always answers <see cref="VenueError.UnknownOrder"/>. Funding accrues per completed period
/// on the position and mark at the time the period is processed (the next call after it ends).
/// </remarks>
public sealed class SimulatedVenue : IHedgeVenue
{
    private const double SecondsPerYear = 365.0 * 86_400.0;
    private readonly SimulatedVenueSettings _settings;
    private readonly Xoshiro256StarStar _rng;
    private readonly double[] _fundingStep = new double[2];
    private double _mark = double.NaN;
    private DateTimeOffset _markAt;
    private decimal _position;
    private long _orders;
    private DateTimeOffset _downUntil;
    private DateTimeOffset _lastOutageCheck;
    private double _fundingRate;
    private DateTimeOffset _fundingSetAt;
    private DateTimeOffset _nextFundingAt;
    private double _pendingFunding;
    private int _pendingPeriods;

    /// <summary>Creates the venue; the settings must be valid (call <see cref="SimulatedVenueSettings.Validate"/> first).</summary>
    /// <param name="settings">Behaviour.</param>
    /// <param name="rng">This venue's random stream.</param>
    /// <param name="start">Simulation start: the first funding period begins here.</param>
    public SimulatedVenue(SimulatedVenueSettings settings, Xoshiro256StarStar rng, DateTimeOffset start)
    {
        if (settings.Validate(out string message) != SimulatedVenueError.None) throw new ArgumentException(message, nameof(settings));
        _settings = settings;
        _rng = rng;
        _lastOutageCheck = start;
        _downUntil = start;
        _fundingSetAt = start;
        _nextFundingAt = start + TimeSpan.FromSeconds(settings.FundingIntervalSeconds);
        _fundingRate = RateForPeriodStarting(start, initial: true);
    }

    /// <inheritdoc />
    public string Id => _settings.Id;

    /// <summary>The venue's own record of the vault's position, units of underlying.</summary>
    public decimal PositionQuantity => _position;

    /// <summary>Sets the mark (index) price the venue trades around, quote per unit.</summary>
    public void SetMark(double mark, DateTimeOffset now)
    {
        _mark = mark;
        _markAt = now;
    }

    /// <inheritdoc />
    public VenueHealth Health(DateTimeOffset now) => IsDown(now)
        ? new VenueHealth(VenueHealthStatus.Down, $"outage until {_downUntil:O}")
        : new VenueHealth(VenueHealthStatus.Up, "");

    /// <inheritdoc />
    public VenueQuote Quote(DateTimeOffset now)
    {
        if (IsDown(now)) return new VenueQuote(double.NaN, 0, 0, default, now, VenueError.Outage, "venue is down");
        double mark = Draw(_settings.InvalidPriceProbability) ? double.NaN : _mark;
        return new VenueQuote(mark, _settings.TakerFeeRate, _settings.MakerFeeRate, _settings.Depth, _markAt, VenueError.None, "");
    }

    /// <inheritdoc />
    public VenueOrderResult Place(HedgeOrder order, DateTimeOffset now)
    {
        if (order.Quantity == 0 || string.IsNullOrEmpty(order.ClientOrderId))
            return VenueOrderResult.Fail(order.Quantity, now, VenueError.InvalidOrder, "order needs a non-zero quantity and a client id");
        if (IsDown(now)) return VenueOrderResult.Fail(order.Quantity, now, VenueError.Outage, "venue is down");
        if (Draw(_settings.RejectionProbability)) return VenueOrderResult.Fail(order.Quantity, now, VenueError.Rejected, "order rejected by venue");
        AdvanceFunding(now);

        double latency = _settings.MeanLatencySeconds > 0 ? -_settings.MeanLatencySeconds * Math.Log(_rng.NextOpenDouble()) : 0;
        var completedAt = now + TimeSpan.FromSeconds(latency);
        string orderId = $"{Id}-{++_orders}";
        int side = Math.Sign(order.Quantity);
        // The mark drifts while the order is in flight: one GBM step of length `latency` (zero when no latency vol).
        double mark = _settings.LatencyVolatility > 0
            ? _mark * Math.Exp(_settings.LatencyVolatility * Math.Sqrt(latency / SecondsPerYear) * _rng.NextGaussian())
            : _mark;

        decimal filled;
        double price, feeRate;
        if (order.Style == OrderStyle.Maker)
        {
            filled = Draw(_settings.MakerFillProbability) ? order.Quantity : 0m;
            price = mark * (1 - side * _settings.Depth.HalfSpread); // resting at the touch: buy at the bid, sell at the ask
            feeRate = _settings.MakerFeeRate;
        }
        else
        {
            decimal size = Math.Min(Math.Abs(order.Quantity), (decimal)_settings.Depth.MaxDepth);
            if (Draw(_settings.PartialFillProbability)) size = decimal.Round(size * (decimal)_rng.NextDouble(), 6, MidpointRounding.ToZero);
            filled = side * size;
            price = mark * (1 + side * _settings.Depth.SlippageFraction((double)size));
            feeRate = _settings.TakerFeeRate;
        }

        _position += filled;
        double fee = Math.Abs((double)filled) * price * feeRate;
        if (Draw(_settings.InvalidPriceProbability)) price = double.NaN;
        var status = filled == order.Quantity ? VenueOrderStatus.Filled : filled == 0 ? VenueOrderStatus.Unfilled : VenueOrderStatus.PartiallyFilled;
        return new VenueOrderResult(status, orderId, order.Quantity, filled, filled == 0 ? 0 : price, fee, completedAt, VenueError.None, "");
    }

    /// <inheritdoc />
    public VenueCancelResult Cancel(string orderId, DateTimeOffset now) =>
        new(VenueError.UnknownOrder, $"order '{orderId}' is final: simulated orders complete within Place");

    /// <inheritdoc />
    public VenuePosition Position(DateTimeOffset now) => IsDown(now)
        ? new VenuePosition(0m, VenueError.Outage, "venue is down")
        : new VenuePosition(_position, VenueError.None, "");

    /// <inheritdoc />
    public VenueFunding Funding(DateTimeOffset now)
    {
        if (IsDown(now)) return new VenueFunding(double.NaN, now, VenueError.Outage, "venue is down");
        AdvanceFunding(now);
        var observedAt = Draw(_settings.StaleFundingProbability)
            ? _fundingSetAt - 3 * TimeSpan.FromSeconds(_settings.FundingIntervalSeconds)
            : _fundingSetAt;
        return new VenueFunding(_fundingRate, observedAt, VenueError.None, "");
    }

    /// <inheritdoc />
    public VenueFundingSettlement SettleFunding(DateTimeOffset now)
    {
        if (IsDown(now)) return new VenueFundingSettlement(0, 0, 0, now, VenueError.Outage, "venue is down");
        AdvanceFunding(now);
        var settlement = new VenueFundingSettlement(_pendingFunding, _fundingRate, _pendingPeriods, _fundingSetAt, VenueError.None, "");
        _pendingFunding = 0;
        _pendingPeriods = 0;
        return settlement;
    }

    private bool Draw(double probability) => probability > 0 && _rng.NextDouble() < probability;

    private bool IsDown(DateTimeOffset now)
    {
        if (now < _downUntil) return true;
        if (_settings.OutagesPerDay > 0 && now > _lastOutageCheck)
        {
            // Poisson arrivals: P(at least one outage starts in (last, now]) = 1 − e^(−rate·Δt).
            double elapsedDays = (now - _lastOutageCheck).TotalSeconds / 86_400.0;
            _lastOutageCheck = now;
            if (_rng.NextDouble() < 1 - Math.Exp(-_settings.OutagesPerDay * elapsedDays))
            {
                _downUntil = now + TimeSpan.FromSeconds(-_settings.MeanOutageSeconds * Math.Log(_rng.NextOpenDouble()));
                return true;
            }
        }
        return false;
    }

    private void AdvanceFunding(DateTimeOffset now)
    {
        var period = TimeSpan.FromSeconds(_settings.FundingIntervalSeconds);
        while (_nextFundingAt <= now)
        {
            // Linear perp funding: position × mark × rate × period (years); positive rate: longs pay.
            if (double.IsFinite(_mark))
                _pendingFunding += (double)_position * _mark * _fundingRate * _settings.FundingIntervalSeconds / SecondsPerYear;
            _pendingPeriods++;
            _fundingSetAt = _nextFundingAt;
            _fundingRate = RateForPeriodStarting(_nextFundingAt, initial: false);
            _nextFundingAt += period;
        }
    }

    private double RateForPeriodStarting(DateTimeOffset start, bool initial)
    {
        if (_settings.FundingSeries is { Count: > 0 } series)
        {
            double rate = series[0].AnnualizedRate;
            foreach (var point in series)
            {
                if (point.TimeUtc > start.UtcDateTime) break;
                rate = point.AnnualizedRate;
            }
            return rate;
        }
        if (_settings.FundingModel is not { } model) return 0;
        if (initial) return model.InitialRate;
        // One exact OU step of one period from the current rate (OrnsteinUhlenbeckFunding's transition).
        (model with { InitialRate = _fundingRate }).Simulate(_rng, _settings.FundingIntervalSeconds / SecondsPerYear, _fundingStep);
        return _fundingStep[1];
    }
}
