using Ballast.Engine.Greeks;
using Ballast.Engine.Parameters;
using Ballast.Engine.Volatility;
using Ballast.Pricing;

namespace Ballast.Engine.State;

/// <summary>
/// One listed strike: its skew, the vault's net call and put positions, and its slice of the Greek cache
/// (per-option Greeks at the vol and time they were last computed, and the strike's net exposure).
/// Mutated only by <see cref="VaultState.Apply(Events.Event)"/>.
/// </summary>
public sealed class StrikeState
{
    private decimal _vaultCall;
    private decimal _vaultPut;

    internal StrikeState(BoardState board, decimal strike, double skew)
    {
        Board = board;
        Strike = strike;
        StrikeValue = (double)strike;
        Skew = skew;
        SkewGwav = new GwavOracle();
    }

    /// <summary>The board (expiry) this strike belongs to.</summary>
    public BoardState Board { get; }

    /// <summary>Strike, quote units (exact).</summary>
    public decimal Strike { get; }

    /// <summary>Strike as a model number.</summary>
    public double StrikeValue { get; }

    /// <summary>Skew multiplier: vol = board base IV × skew.</summary>
    public double Skew { get; internal set; }

    /// <summary>Geometric time-weighted average of the skew, clamped to [gwavSkewFloor, gwavSkewCap] (for NAV and force closes).</summary>
    public GwavOracle SkewGwav { get; }

    /// <summary>Current vol of the strike: base IV × skew.</summary>
    public double Vol => Board.BaseIv * Skew;

    /// <summary>The vault's net call position (negative of traders' net), options.</summary>
    public decimal VaultCallPosition
    {
        get => _vaultCall;
        internal set { _vaultCall = value; VaultCallPositionValue = (double)value; }
    }

    /// <summary>The vault's net put position (negative of traders' net), options.</summary>
    public decimal VaultPutPosition
    {
        get => _vaultPut;
        internal set { _vaultPut = value; VaultPutPositionValue = (double)value; }
    }

    /// <summary><see cref="VaultCallPosition"/> as a model number (kept in step; the hot path avoids decimal arithmetic).</summary>
    public double VaultCallPositionValue { get; private set; }

    /// <summary><see cref="VaultPutPosition"/> as a model number.</summary>
    public double VaultPutPositionValue { get; private set; }

    /// <summary>The vault's net position in one of the two series.</summary>
    public decimal VaultPosition(OptionType type) => type == OptionType.Call ? VaultCallPosition : VaultPutPosition;

    /// <summary>Cached per-option call Greeks (at <see cref="CachedVol"/>, <see cref="CachedAt"/> and the board's refresh spot).</summary>
    public UnitGreeks CallGreeks { get; internal set; }

    /// <summary>Cached per-option put Greeks.</summary>
    public UnitGreeks PutGreeks { get; internal set; }

    /// <summary>Cached per-option Greeks of one series.</summary>
    public UnitGreeks GreeksOf(OptionType type) => type == OptionType.Call ? CallGreeks : PutGreeks;

    /// <summary>Vol the cached Greeks were computed at.</summary>
    public double CachedVol { get; internal set; }

    /// <summary>Time the cached Greeks were computed at, Unix seconds.</summary>
    public long CachedAt { get; internal set; }

    /// <summary>Net exposure of this strike (call and put), vault side.</summary>
    public GreekExposure Exposure { get; internal set; }

    /// <summary>
    /// Vol the strike's options were last valued at for the cached GWAV book value: GWAV(base IV over
    /// <see cref="VaultParameters.OptionValueIvGwavPeriod"/>) × GWAV(skew over <see cref="VaultParameters.OptionValueSkewGwavPeriod"/>), both
    /// ending at <see cref="CachedAt"/>; 0 when the strike was flat or there was no spot then (nothing to value).
    /// </summary>
    public double CachedGwavVol { get; internal set; }

    /// <summary>
    /// The vault's call and put positions at this strike valued at <see cref="CachedGwavVol"/>, spot and time to expiry
    /// as of <see cref="CachedAt"/>, quote (positive = the vault is owed): this strike's term of
    /// <see cref="BoardState.CachedGwavBookValue"/> (Lyra v1 Avalon OptionGreekCache, <c>netOptionValue</c> per strike).
    /// </summary>
    public double CachedGwavValue { get; internal set; }

    /// <summary>True when neither series has a position.</summary>
    public bool IsFlat => VaultCallPosition == 0m && VaultPutPosition == 0m;

    /// <summary>GWAV of the skew over the last <paramref name="period"/> seconds ending at <paramref name="time"/> (the current skew before any observation).</summary>
    internal double GwavSkewAt(long period, long time) => SkewGwav.IsEmpty ? Skew : SkewGwav.AverageOverLast(period, time);

    /// <summary>
    /// Recomputes the cached Greeks at the strike's current vol and the exposure at current positions, and the strike's
    /// value at GWAV vol (<see cref="CachedGwavValue"/>), all at <paramref name="time"/>.
    /// </summary>
    /// <param name="hasSpot">False before the first spot: everything cached is zero.</param>
    /// <param name="spot">Spot, quote units.</param>
    /// <param name="p">Parameters in force (rate, GWAV periods).</param>
    /// <param name="time">Unix seconds.</param>
    /// <param name="gwavBaseIv">The board's base-IV GWAV at <paramref name="time"/> (<see cref="BoardState.GwavBaseIvAt"/>),
    /// computed once per board by a refresh.</param>
    internal void Recompute(bool hasSpot, double spot, VaultParameters p, long time, double gwavBaseIv)
    {
        CachedVol = Vol;
        CachedAt = time;
        CachedGwavVol = 0.0;
        CachedGwavValue = 0.0;
        if (hasSpot)
        {
            double years = GreekCalculator.YearsToExpiry(Board.Expiry, time);
            GreekCalculator.Pair(spot, StrikeValue, p.RateAndCarry, years, CachedVol, out var call, out var put);
            CallGreeks = call;
            PutGreeks = put;
            if (!IsFlat) RevalueAtGwav(spot, p, gwavBaseIv);
        }
        else
        {
            CallGreeks = default;
            PutGreeks = default;
        }

        Exposure = ExposureAt(VaultCallPositionValue, VaultPutPositionValue, CallGreeks, PutGreeks);
    }

    /// <summary>
    /// Sets <see cref="CachedGwavVol"/> and <see cref="CachedGwavValue"/> at <see cref="CachedAt"/>: vol = the board's
    /// base-IV GWAV × this strike's skew GWAV (Lyra v1 Avalon OptionGreekCache <c>_getGWAVVolWithOverride</c> without the
    /// override), positions valued by BSM at that vol.
    /// </summary>
    /// <param name="spot">Spot, quote units.</param>
    /// <param name="p">Parameters in force (rate, option-value skew GWAV period).</param>
    /// <param name="gwavBaseIv">The board's base-IV GWAV at <see cref="CachedAt"/>.</param>
    internal void RevalueAtGwav(double spot, VaultParameters p, double gwavBaseIv)
    {
        CachedGwavVol = gwavBaseIv * GwavSkewAt((long)p.OptionValueSkewGwavPeriod, CachedAt);
        CachedGwavValue = ValueAt(spot, p.RateAndCarry, GreekCalculator.YearsToExpiry(Board.Expiry, CachedAt), CachedGwavVol);
    }

    /// <summary>The vault's call and put positions at this strike valued by BSM at <paramref name="vol"/>, quote.</summary>
    /// <param name="spot">Spot, quote units.</param>
    /// <param name="rate">Risk-free rate per year.</param>
    /// <param name="years">Time to expiry, years.</param>
    /// <param name="vol">Volatility per √year.</param>
    internal double ValueAt(double spot, double rate, double years, double vol)
    {
        GreekCalculator.Pair(spot, StrikeValue, rate, years, vol, out var call, out var put);
        return VaultCallPositionValue * call.Price + VaultPutPositionValue * put.Price;
    }

    /// <summary>Net exposure of the given vault positions with the given per-option Greeks.</summary>
    internal static GreekExposure ExposureAt(double callPosition, double putPosition, in UnitGreeks call, in UnitGreeks put) =>
        GreekExposure.Of(callPosition, call) + GreekExposure.Of(putPosition, put);
}
