using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Ballast.Engine.Greeks;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Volatility;

namespace Ballast.Engine.State;

/// <summary>
/// Canonical serialization of a <see cref="VaultState"/> into SHA-256: every collection sorted (boards by expiry,
/// strikes ascending, accounts ordinal, positions by series), doubles as IEEE-754 bits, decimals normalised
/// (trailing zeros removed) and written as invariant text, strings as length-prefixed UTF-8. No culture, no
/// dictionary order, no reference identity enters the hash.
/// </summary>
internal sealed partial class StateHasher : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[16];

    public static string Hash(VaultState s)
    {
        using var h = new StateHasher();
        h.Write(s);
        return Convert.ToHexStringLower(h._hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();

    private void Write(VaultState s)
    {
        Tag("version"); Long(s.Version); Long(s.LastEventTime);
        Tag("market");
        if (s.Market is { } m) { Str(m.Underlying); Str(m.QuoteAsset); Long((long)m.Settlement); Long(m.QuoteDecimals); Long(m.BaseDecimals); }
        Tag("parameters");
        foreach (var spec in ParameterCatalog.All) { Str(spec.Name); Dbl(s.Parameters.TryGet(spec.Name, out double v) ? v : double.NaN); }
        Tag("pending");
        foreach (var c in s.PendingParameterChanges) { Str(c.Name); Dbl(c.Value); Long(c.EffectiveAt); Long(c.Sequence); }
        Tag("oracle"); Bool(s.HasSpot); Dbl(s.Spot); Long(s.SpotObservedAt); Dbl(s.SpotConfidence); Bool(s.ReferencePrice.HasValue); Dbl(s.ReferencePrice ?? 0);
        Tag("vault");
        foreach (var a in (ReadOnlySpan<Asset>)[Asset.Quote, Asset.Base]) { Dec(s.Capital(a)); Dec(s.AccruedFees(a)); }
        Dec(s.VaultShortPutNotional); Dec(s.VaultShortCallContracts); Dec(s.InsuranceFund);
        Exposure(s.Exposure); Dbl(s.CachedGwavBookValue);
        Tag("boards");
        foreach (var b in s.BoardsByExpiry())
        {
            Long(b.Expiry); Dbl(b.BaseIv); Gwav(b.BaseIvGwav); Exposure(b.Exposure); Dbl(b.CachedGwavBookValue);
            Long(b.RefreshedAt); Dbl(b.RefreshSpot); Long(b.VolObservedAt); Dbl(b.VolConfidence);
            foreach (var k in b.Strikes)
            {
                Tag("strike"); Dec(k.Strike); Dbl(k.Skew); Gwav(k.SkewGwav);
                Dec(k.VaultCallPosition); Dec(k.VaultPutPosition);
                Unit(k.CallGreeks); Unit(k.PutGreeks); Dbl(k.CachedVol); Long(k.CachedAt); Exposure(k.Exposure);
                Dbl(k.CachedGwavVol); Dbl(k.CachedGwavValue);
            }
        }

        Tag("accounts");
        var accounts = new List<AccountState>(s.Accounts.Values);
        accounts.Sort(static (a, b) => string.CompareOrdinal(a.Id.Value, b.Id.Value));
        var series = new List<SeriesId>();
        foreach (var a in accounts)
        {
            Str(a.Id.Value); Long((long)a.MarginMode);
            foreach (var asset in (ReadOnlySpan<Asset>)[Asset.Quote, Asset.Base]) { Dec(a.Free(asset)); Dec(a.Locked(asset)); }
            series.Clear();
            series.AddRange(a.Positions.Keys);
            series.Sort(SeriesOrder.Compare);
            foreach (var id in series) { Long(id.Expiry); Dec(id.Strike); Long((long)id.Type); Dec(a.Positions[id]); }
        }

        Tag("auctions");
        foreach (var (id, auction) in s.Auctions.OrderBy(a => a.Key.Value, StringComparer.Ordinal)) { Str(id.Value); Long(auction.StartedAt); Bool(auction.Insolvent); }
        Tag("settled");
        foreach (var (expiry, price) in s.SettledBoards) { Long(expiry); Dec(price); }
        Pool(s.Pool);
        // Only once hedging was used, so the hashes of vaults that never hedged are unchanged.
        if (s.HasHedgeState) Hedges(s.Hedges);
    }

    private void Hedges(Hedging.HedgeBook book)
    {
        Tag("hedges");
        foreach (var (venue, p) in book.Venues) { Str(venue); Dec(p.Quantity); Dec(p.AverageEntryPrice); Dec(p.RealizedPnl); Dec(p.FeesPaid); Dec(p.FundingPaid); }
        Tag("hedge-health"); Long((long)book.Health.Status); Long((long)book.Health.Reason); Dec(book.Health.UnhedgedQuantity); Str(book.Health.Message);
    }

    private void Gwav(GwavOracle g)
    {
        Long(g.Count); Long(g.ExactFromSeconds);
        foreach (var o in g.Observations) { Long(o.TimeSeconds); Dbl(o.Value); Dbl(o.LogAccumulator); }
    }

    private void Unit(in UnitGreeks g) { Dbl(g.Price); Dbl(g.Delta); Dbl(g.Gamma); Dbl(g.Vega); Dbl(g.StandardVega); Dbl(g.Theta); }

    private void Exposure(in GreekExposure e) { Dbl(e.Delta); Dbl(e.Gamma); Dbl(e.Vega); Dbl(e.StandardVega); Dbl(e.Theta); Dbl(e.Value); }

    private void Tag(string name) => Str(name);

    private void Bool(bool b) => Long(b ? 1 : 0);

    private void Long(long v)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer, v);
        _hash.AppendData(_buffer, 0, 8);
    }

    private void Dbl(double v) => Long(BitConverter.DoubleToInt64Bits(v));

    // Normalised so 1.0m and 1.00m hash alike.
    private void Dec(decimal d) => Str(SeriesId.Canonical(d));

    private void Str(string s)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(s);
        Long(bytes.Length);
        _hash.AppendData(bytes);
    }
}
