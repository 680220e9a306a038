using Ballast.Engine.Greeks;
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

    /// <summary>True when neither series has a position.</summary>
    public bool IsFlat => VaultCallPosition == 0m && VaultPutPosition == 0m;

    /// <summary>Recomputes the cached Greeks at the strike's current vol and the exposure at current positions.</summary>
    internal void Recompute(bool hasSpot, double spot, double rate, long time)
    {
        CachedVol = Vol;
        CachedAt = time;
        if (hasSpot)
        {
            GreekCalculator.Pair(spot, StrikeValue, rate, GreekCalculator.YearsToExpiry(Board.Expiry, time), CachedVol, out var call, out var put);
            CallGreeks = call;
            PutGreeks = put;
        }
        else
        {
            CallGreeks = default;
            PutGreeks = default;
        }

        Exposure = ExposureAt(VaultCallPositionValue, VaultPutPositionValue, CallGreeks, PutGreeks);
    }

    /// <summary>Net exposure of the given vault positions with the given per-option Greeks.</summary>
    internal static GreekExposure ExposureAt(double callPosition, double putPosition, in UnitGreeks call, in UnitGreeks put) =>
        GreekExposure.Of(callPosition, call) + GreekExposure.Of(putPosition, put);
}
