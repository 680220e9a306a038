using Ballast.Engine.Greeks;
using Ballast.Engine.Parameters;
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

    /// <summary>
    /// The vault's options on this board valued at GWAV vols, quote: the sum of its strikes'
    /// <see cref="StrikeState.CachedGwavValue"/>, each as of that strike's last update. Recomputed from the strikes by a
    /// full refresh and moved by the difference when a trade (or liquidation, import) updates one strike — Lyra v1 Avalon
    /// OptionGreekCache <c>boardCache.netGreeks.netOptionValue</c>.
    /// </summary>
    public double CachedGwavBookValue { get; internal set; }

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

    /// <summary>GWAV of the base IV over the last <paramref name="period"/> seconds ending at <paramref name="time"/> (the current base IV before any observation).</summary>
    internal double GwavBaseIvAt(long period, long time) => BaseIvGwav.IsEmpty ? BaseIv : BaseIvGwav.AverageOverLast(period, time);

    /// <summary>
    /// Full refresh (Lyra v1 Avalon OptionGreekCache <c>_updateBoardCachedGreeks</c>): every strike at the current vol,
    /// spot and time, and at its GWAV vol for <see cref="CachedGwavBookValue"/>; the board sums recomputed from scratch
    /// in strike order.
    /// </summary>
    internal void Refresh(bool hasSpot, double spot, VaultParameters p, long time)
    {
        var sum = GreekExposure.Zero;
        double gwavBook = 0.0;
        double gwavBaseIv = hasSpot ? GwavBaseIvAt((long)p.OptionValueIvGwavPeriod, time) : 0.0;
        foreach (var s in _strikes)
        {
            s.Recompute(hasSpot, spot, p, time, gwavBaseIv);
            sum += s.Exposure;
            gwavBook += s.CachedGwavValue;
        }

        Exposure = sum;
        CachedGwavBookValue = gwavBook;
        RefreshedAt = time;
        RefreshSpot = hasSpot ? spot : 0.0;
    }
}
