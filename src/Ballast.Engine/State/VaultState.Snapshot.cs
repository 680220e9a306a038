using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Ballast.Engine.Accounting;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Pricing;

namespace Ballast.Engine.State;

/// <summary>
/// The binary state image: everything <see cref="Apply(Events.Event)"/> has built, written so that
/// <see cref="TryReadSnapshot(ReadOnlySpan{byte}, out VaultState?, out SnapshotReadError, out string)"/> gives a state
/// with the same <see cref="StateHash"/> that then evolves bit-identically under the same events.
/// </summary>
/// <remarks>
/// <para>Layout (little-endian): <c>"BVSI"</c> ‖ format version:int32 ‖ section count:int32 ‖
/// (name length:uint8 ‖ name ASCII ‖ section version:int32 ‖ length:int32 ‖ bytes)* ‖ SHA-256 of everything before.
/// Doubles are written as IEEE-754 bits and decimals as their four words, so nothing is rounded; derived model
/// numbers that are kept in step (holdings, the double shadows of positions) are written too rather than
/// recomputed, so a restore cannot drift from the live state even if the derivation changes.</para>
/// <para>Collections are written in their current enumeration order and re-inserted in it, so dictionary order
/// (which nothing may depend on numerically, but which iteration follows) is the same right after a restore.</para>
/// <para><b>Adding state:</b> a part of the engine with its own state (pool, hedging, margin) adds ONE line to
/// <see cref="SnapshotSections"/> naming its section and a write/read pair in its own partial file. A snapshot
/// without a section (written before it existed) leaves that part at its initial value — right, because the events
/// that build it did not exist either. A snapshot with a section this build does not know is refused
/// (<see cref="SnapshotReadError.UnknownSection"/>). A field added to an existing section bumps that section's
/// version and reads the old version with a default. The snapshot property tests compare <see cref="StateHash"/>
/// after a round trip of rich random states, so state the hash covers but no section writes fails them.
/// The step-by-step recipe (state, hash, section, tests) is in <c>State/README.md</c>.</para>
/// </remarks>
public sealed partial class VaultState
{
    /// <summary>Version of the snapshot envelope (magic, section table, checksum).</summary>
    public const int SnapshotFormatVersion = 1;

    private const int ChecksumBytes = 32;
    private static ReadOnlySpan<byte> SnapshotMagic => "BVSI"u8;

    /// <summary>Every section, in writing order. Add one line per part of the state that has its own file.</summary>
    private static readonly StateSnapshotSection[] SnapshotSections =
    [
        new("core", 1, static (s, w) => s.WriteCoreSection(w), static (s, r, _) => s.ReadCoreSection(r)),
        new("parameters", 1, static (s, w) => s.WriteParametersSection(w), static (s, r, _) => s.ReadParametersSection(r)),
        new("money", 1, static (s, w) => s.WriteMoneySection(w), static (s, r, _) => s.ReadMoneySection(r)),
        new("boards", 2, static (s, w) => s.WriteBoardsSection(w), static (s, r, v) => s.ReadBoardsSection(r, v)),
        new("accounts", 1, static (s, w) => s.WriteAccountsSection(w), static (s, r, _) => s.ReadAccountsSection(r)),
        new("auctions", 1, static (s, w) => s.WriteAuctionsSection(w), static (s, r, _) => s.ReadAuctionsSection(r)),
        new("hedges", 1, static (s, w) => s.WriteHedgesSection(w), static (s, r, _) => s.ReadHedgesSection(r)),
        new("pool", 1, static (s, w) => s.WritePoolSection(w), static (s, r, _) => s.ReadPoolSection(r)),
    ];

    /// <summary>Writes the state image (see the remarks on the format) to <paramref name="output"/>.</summary>
    /// <param name="output">Destination; receives the whole image, checksum last.</param>
    public void WriteSnapshot(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var body = new ArrayBufferWriter<byte>(4096);
        var w = new StateImageWriter(body);
        w.Bytes(SnapshotMagic);
        w.Int(SnapshotFormatVersion);
        w.Int(SnapshotSections.Length);
        var section = new ArrayBufferWriter<byte>(1024);
        foreach (var s in SnapshotSections)
        {
            section.ResetWrittenCount();
            s.Write(this, new StateImageWriter(section));
            byte[] name = Encoding.ASCII.GetBytes(s.Name);
            w.Bytes([(byte)name.Length]);
            w.Bytes(name);
            w.Int(s.Version);
            w.Int(section.WrittenCount);
            w.Bytes(section.WrittenSpan);
        }

        output.Write(body.WrittenSpan);
        SHA256.HashData(body.WrittenSpan, output.GetSpan(ChecksumBytes));
        output.Advance(ChecksumBytes);
    }

    /// <summary>Writes the state image to <paramref name="output"/>.</summary>
    /// <param name="output">A writable stream.</param>
    public void WriteSnapshot(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(WriteSnapshot());
    }

    /// <summary>The state image as a new array.</summary>
    public byte[] WriteSnapshot()
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        WriteSnapshot(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a whole stream and restores the state it holds (see <see cref="TryReadSnapshot(ReadOnlySpan{byte}, out VaultState?, out SnapshotReadError, out string)"/>).</summary>
    public static bool TryReadSnapshot(Stream input, [NotNullWhen(true)] out VaultState? state, out SnapshotReadError error, out string message)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return TryReadSnapshot(copy.GetBuffer().AsSpan(0, (int)copy.Length), out state, out error, out message);
    }

    /// <summary>
    /// Restores a state written by <see cref="WriteSnapshot(IBufferWriter{byte})"/>. Bad bytes are a typed rejection,
    /// never an exception: wrong magic, newer format, checksum mismatch, unknown section, newer section, malformed content.
    /// </summary>
    /// <param name="bytes">The image.</param>
    /// <param name="state">The restored state (null on failure).</param>
    /// <param name="error">Why it was refused (<see cref="SnapshotReadError.None"/> on success).</param>
    /// <param name="message">One line naming the problem (empty on success).</param>
    public static bool TryReadSnapshot(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out VaultState? state, out SnapshotReadError error, out string message)
    {
        state = null;
        if (bytes.Length < SnapshotMagic.Length + 8 + ChecksumBytes || !bytes[..4].SequenceEqual(SnapshotMagic))
            return Refuse(SnapshotReadError.NotAStateSnapshot, "not a vault state snapshot (magic)", out error, out message);
        int format = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (format != SnapshotFormatVersion)
            return Refuse(SnapshotReadError.UnsupportedFormatVersion, $"snapshot format v{format}; this build reads v{SnapshotFormatVersion}", out error, out message);
        var body = bytes[..^ChecksumBytes];
        Span<byte> checksum = stackalloc byte[ChecksumBytes];
        SHA256.HashData(body, checksum);
        if (!checksum.SequenceEqual(bytes[^ChecksumBytes..]))
            return Refuse(SnapshotReadError.ChecksumMismatch, "snapshot checksum does not match its bytes", out error, out message);

        var restored = new VaultState();
        var r = new StateImageReader(body[8..].ToArray());
        string current = "table";
        try
        {
            int sections = r.Count(9);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < sections; i++)
            {
                var name = r.Slice(r.Slice(1).Span[0]);
                current = Encoding.ASCII.GetString(name.Span);
                int version = r.Int();
                var content = new StateImageReader(r.Slice(r.Int()));
                var section = Array.Find(SnapshotSections, s => s.Name == current);
                if (section is null)
                    return Refuse(SnapshotReadError.UnknownSection, $"section '{current}' is unknown to this build (written by a newer one)", out error, out message);
                if (version < 1 || version > section.Version)
                    return Refuse(SnapshotReadError.UnsupportedSectionVersion, $"section '{current}' v{version}; this build reads up to v{section.Version}", out error, out message);
                if (!seen.Add(current)) throw new StateImageReader.Malformed("section appears twice");
                section.Read(restored, content, version);
                if (content.Remaining != 0) throw new StateImageReader.Malformed($"{content.Remaining} unread bytes");
            }

            if (r.Remaining != 0) throw new StateImageReader.Malformed("bytes after the last section");
        }
        catch (StateImageReader.Malformed e)
        {
            return Refuse(SnapshotReadError.Malformed, $"section '{current}': {e.Message}", out error, out message);
        }
        catch (ArgumentException e)
        {
            // A duplicate key (two boards with one expiry, two accounts with one id): the image contradicts itself.
            return Refuse(SnapshotReadError.Malformed, $"section '{current}': {e.Message}", out error, out message);
        }

        state = restored;
        error = SnapshotReadError.None;
        message = "";
        return true;
    }

    private static bool Refuse(SnapshotReadError why, string text, out SnapshotReadError error, out string message)
    {
        error = why;
        message = text;
        return false;
    }

    // ---- core: version, clock, schedule counter, market, oracle, global Greek cache -------------------------------

    private void WriteCoreSection(StateImageWriter w)
    {
        w.Long(Version); w.Long(LastEventTime); w.Long(_scheduleSequence);
        w.Bool(Market is not null);
        if (Market is { } m) { w.String(m.Underlying); w.String(m.QuoteAsset); w.Int((int)m.Settlement); w.Int(m.QuoteDecimals); w.Int(m.BaseDecimals); }
        w.Bool(HasSpot); w.Double(Spot); w.Long(SpotObservedAt); w.Double(SpotConfidence);
        w.Bool(ReferencePrice.HasValue); w.Double(ReferencePrice ?? 0);
        w.Exposure(Exposure);
    }

    private void ReadCoreSection(StateImageReader r)
    {
        Version = r.Long(); LastEventTime = r.Long(); _scheduleSequence = r.Long();
        Market = r.Bool() ? new MarketDefinition(r.String(), r.String(), (SettlementStyle)r.Int(), r.Int(), r.Int()) : null;
        HasSpot = r.Bool(); Spot = r.Finite(); SpotObservedAt = r.Long(); SpotConfidence = r.Finite();
        bool hasReference = r.Bool();
        double reference = r.Finite();
        ReferencePrice = hasReference ? reference : null;
        Exposure = r.Exposure();
    }

    // ---- parameters in force (by catalog name, so a parameter added later reads as its default) and pending changes --

    private void WriteParametersSection(StateImageWriter w)
    {
        w.Int(ParameterCatalog.Entries.Length);
        foreach (var entry in ParameterCatalog.Entries) { w.String(entry.Spec.Name); w.Double(entry.Get(Parameters)); }
        w.Int(_pending.Count);
        foreach (var c in _pending) { w.String(c.Name); w.Double(c.Value); w.Long(c.EffectiveAt); w.Long(c.Sequence); }
    }

    private void ReadParametersSection(StateImageReader r)
    {
        var p = VaultParameters.Default;
        for (int i = r.Count(12); i > 0; i--)
        {
            string name = r.String();
            double value = r.Finite();
            // Set without re-validating: these values were in force, validated when governance set them.
            if (!ParameterCatalog.TryGetEntry(name, out var entry)) throw new StateImageReader.Malformed($"unknown parameter '{name}'");
            p = entry.Set(p, value);
        }

        Parameters = p;
        for (int i = r.Count(28); i > 0; i--) _pending.Add(new PendingParameterChange(r.String(), r.Finite(), r.Long(), r.Long()));
    }

    // ---- money: vault capital, fees, their model shadows, short reserves, insurance fund, settled boards ------------

    private void WriteMoneySection(StateImageWriter w)
    {
        for (int a = 0; a < 2; a++) { w.Decimal(_capital[a]); w.Decimal(_fees[a]); w.Double(_holdingsValue[a]); }
        w.Decimal(VaultShortPutNotional); w.Decimal(VaultShortCallContracts); w.Decimal(InsuranceFund);
        w.Int(_settled.Count);
        foreach (var (expiry, price) in _settled) { w.Long(expiry); w.Decimal(price); }
    }

    private void ReadMoneySection(StateImageReader r)
    {
        for (int a = 0; a < 2; a++) { _capital[a] = r.Decimal(); _fees[a] = r.Decimal(); _holdingsValue[a] = r.Finite(); }
        VaultShortPutNotional = r.Decimal(); VaultShortCallContracts = r.Decimal(); InsuranceFund = r.Decimal();
        for (int i = r.Count(24); i > 0; i--) _settled.Add((r.Long(), r.Decimal()));
    }

    // ---- boards and strikes: vol, GWAV accumulators, Greek cache, vault positions -----------------------------------
    // v2 adds the Greek cache's GWAV book value: per strike its GWAV vol and value, per board and globally the sum.

    private void WriteBoardsSection(StateImageWriter w)
    {
        w.Int(_boards.Count);
        foreach (var b in _boards.Values)
        {
            w.Long(b.Expiry); w.Double(b.BaseIv); w.Gwav(b.BaseIvGwav); w.Exposure(b.Exposure); w.Double(b.CachedGwavBookValue);
            w.Long(b.RefreshedAt); w.Double(b.RefreshSpot); w.Long(b.VolObservedAt); w.Double(b.VolConfidence);
            w.Int(b.Strikes.Count);
            foreach (var k in b.Strikes)
            {
                w.Decimal(k.Strike); w.Double(k.Skew); w.Gwav(k.SkewGwav);
                w.Decimal(k.VaultCallPosition); w.Decimal(k.VaultPutPosition);
                w.Greeks(k.CallGreeks); w.Greeks(k.PutGreeks); w.Double(k.CachedVol); w.Long(k.CachedAt); w.Exposure(k.Exposure);
                w.Double(k.CachedGwavVol); w.Double(k.CachedGwavValue);
            }
        }

        // The strike index in its own order (it is a dictionary of its own).
        w.Int(_strikes.Count);
        foreach (var key in _strikes.Keys) { w.Long(key.Expiry); w.Decimal(key.Strike); }
        w.Double(CachedGwavBookValue);
    }

    private void ReadBoardsSection(StateImageReader r, int version)
    {
        var byKey = new Dictionary<StrikeKey, StrikeState>();
        for (int i = r.Count(100); i > 0; i--)
        {
            long expiry = r.Long();
            var board = new BoardState(expiry, r.Finite(), 0);
            r.Gwav(board.BaseIvGwav);
            board.Exposure = r.Exposure();
            if (version >= 2) board.CachedGwavBookValue = r.Finite();
            board.RefreshedAt = r.Long(); board.RefreshSpot = r.Finite(); board.VolObservedAt = r.Long(); board.VolConfidence = r.Finite();
            _boards.Add(expiry, board);
            for (int k = r.Count(200); k > 0; k--)
            {
                var strike = new StrikeState(board, r.Decimal(), r.Finite());
                r.Gwav(strike.SkewGwav);
                strike.VaultCallPosition = r.Decimal(); strike.VaultPutPosition = r.Decimal();
                strike.CallGreeks = r.Greeks(); strike.PutGreeks = r.Greeks(); strike.CachedVol = r.Finite(); strike.CachedAt = r.Long();
                strike.Exposure = r.Exposure();
                if (version >= 2) { strike.CachedGwavVol = r.Finite(); strike.CachedGwavValue = r.Finite(); }
                if (board.Strikes.Count > 0 && board.Strikes[^1].Strike >= strike.Strike) throw new StateImageReader.Malformed("strikes out of order");
                board.Insert(strike);
                byKey.Add(new StrikeKey(expiry, strike.Strike), strike);
            }
        }

        int indexed = r.Count(24);
        if (indexed != byKey.Count) throw new StateImageReader.Malformed($"strike index has {indexed} entries for {byKey.Count} strikes");
        for (int i = 0; i < indexed; i++)
        {
            var key = new StrikeKey(r.Long(), r.Decimal());
            if (!byKey.TryGetValue(key, out var strike)) throw new StateImageReader.Malformed("strike index names an unlisted strike");
            _strikes.Add(key, strike);
        }

        if (version >= 2) CachedGwavBookValue = r.Finite();
        else RestoreGwavBookValues();
    }

    /// <summary>
    /// A v1 image predates the cached GWAV book value: rebuild it as the cache defines it, each strike valued at its GWAV
    /// vol as of its <see cref="StrikeState.CachedAt"/> with the spot and parameters in force (read in earlier sections;
    /// every spot or parameter change refreshes all boards, so they are the ones the strike was last updated with).
    /// </summary>
    private void RestoreGwavBookValues()
    {
        double total = 0.0;
        foreach (var board in BoardsByExpiry())
        {
            double sum = 0.0;
            foreach (var strike in board.Strikes)
            {
                if (HasSpot && !strike.IsFlat) strike.RevalueAtGwav(Spot, Parameters, board.GwavBaseIvAt((long)Parameters.OptionValueIvGwavPeriod, strike.CachedAt));
                sum += strike.CachedGwavValue;
            }

            board.CachedGwavBookValue = sum;
            total += sum;
        }

        // Only the GWAV sums: the global exposure was read as written (recomputing it could differ in the last bit).
        CachedGwavBookValue = total;
    }

    // ---- traders' accounts: margin mode, free and locked money, positions ---------------------------------------

    private void WriteAccountsSection(StateImageWriter w)
    {
        w.Int(_accounts.Count);
        foreach (var a in _accounts.Values)
        {
            w.String(a.Id.Value); w.Int((int)a.MarginMode);
            foreach (var asset in (ReadOnlySpan<Asset>)[Asset.Quote, Asset.Base]) { w.Decimal(a.Free(asset)); w.Decimal(a.Locked(asset)); }
            w.Int(a.Positions.Count);
            foreach (var (series, size) in a.Positions) { w.Long(series.Expiry); w.Decimal(series.Strike); w.Int((int)series.Type); w.Decimal(size); }
        }
    }

    private void ReadAccountsSection(StateImageReader r)
    {
        for (int i = r.Count(76); i > 0; i--)
        {
            var account = new AccountState(new AccountId(r.String())) { MarginMode = (AccountMarginMode)r.Int() };
            foreach (var asset in (ReadOnlySpan<Asset>)[Asset.Quote, Asset.Base]) { account.AddFree(asset, r.Decimal()); account.AddLocked(asset, r.Decimal()); }
            for (int k = r.Count(40); k > 0; k--)
                account.Positions.Add(new SeriesId(r.Long(), r.Decimal(), (OptionType)r.Int()), r.Decimal());
            _accounts.Add(account.Id, account);
        }
    }
}
