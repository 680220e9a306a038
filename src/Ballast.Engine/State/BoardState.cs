using Ballast.Engine.Greeks;
using Ballast.Engine.Volatility;

namespace Ballast.Engine.State;

/// <summary>
/// One listed board (expiry): base IV and its GWAV, the strikes sorted ascending, the board's slice of the Greek
/// cache and oracle metadata. Mutated only by <see cref="VaultState.Apply(Events.Event)"/>.
/// </summary>
public sealed class BoardState
{
    private readonly List<StrikeState> _strikes = [];

    internal BoardState(long expiry, double baseIv, long time)
    {
        Expiry = expiry;
        BaseIv = baseIv;
        BaseIvGwav = new GwavOracle();
        BaseIvGwav.Observe(baseIv, time);
        VolObservedAt = time;
        VolConfidence = 1.0;
        RefreshedAt = time;
    }

    /// <summary>Expiry, Unix seconds.</summary>
    public long Expiry { get; }

    /// <summary>Base implied volatility (annualised).</summary>
    public double BaseIv { get; internal set; }

    /// <summary>Geometric time-weighted average of the base IV.</summary>
    public GwavOracle BaseIvGwav { get; }

    /// <summary>Strikes, ascending.</summary>
    public IReadOnlyList<StrikeState> Strikes => _strikes;

    /// <summary>Net exposure of the board (sum of its strikes), vault side.</summary>
    public GreekExposure Exposure { get; internal set; }

    /// <summary>When the board's Greeks were last fully refreshed, Unix seconds.</summary>
    public long RefreshedAt { get; internal set; }

    /// <summary>Spot at the last full refresh (0 before the first spot).</summary>
    public double RefreshSpot { get; internal set; }

    /// <summary>When the vol oracle last set this board, Unix seconds (listing time until then).</summary>
    public long VolObservedAt { get; internal set; }

    /// <summary>Confidence of the last vol oracle update, [0, 1] (1 until then).</summary>
    public double VolConfidence { get; internal set; }

    internal void Insert(StrikeState strike)
    {
        int i = 0;
        while (i < _strikes.Count && _strikes[i].Strike < strike.Strike) i++;
        _strikes.Insert(i, strike);
    }

    internal void Remove(StrikeState strike) => _strikes.Remove(strike);

    /// <summary>Full refresh: every strike at the current vol, spot and time; the board sum recomputed from scratch.</summary>
    internal void Refresh(bool hasSpot, double spot, double rate, long time)
    {
        var sum = GreekExposure.Zero;
        foreach (var s in _strikes)
        {
            s.Recompute(hasSpot, spot, rate, time);
            sum += s.Exposure;
        }

        Exposure = sum;
        RefreshedAt = time;
        RefreshSpot = hasSpot ? spot : 0.0;
    }
}
