using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ballast.Engine.Events;
using Ballast.Engine.State;
using Ballast.Ledger.Codecs;

namespace Ballast.Ledger.Engine;

/// <summary>
/// The bytes of a vault snapshot in the ledger. Current format (v2): <c>"BVS2" ‖ imageLength:int32 ‖ state image
/// ‖ commandCount:int32 ‖ (keyLength:int32 ‖ key UTF-8 ‖ first:int64 ‖ last:int64)* ‖ tradeCount:int32 ‖
/// (sequence:int64 ‖ payloadLength:int32 ‖ TradeExecuted payload)*</c>, little-endian. The state image is the
/// engine's own (<see cref="VaultState.WriteSnapshot()"/>: all state, sectioned, versioned, SHA-256-checked); the
/// command index (caller idempotency keys with their sequences) and the recent trades let a
/// <see cref="Hosting.VaultHost"/> start from the snapshot without reading the records before it.
/// </summary>
/// <remarks>
/// Format v1 (<c>"BVS1"</c>, the encoded event prefix 1..N) is still read, so ledgers written before the state image
/// recover as before; it carries no command index, so a host replays from sequence 1 instead of using it.
/// Restoring a v2 snapshot costs one pass over the image (≈ state size), independent of the stream's length.
/// </remarks>
public static class VaultSnapshot
{
    private static ReadOnlySpan<byte> Magic => "BVS1"u8;
    private static ReadOnlySpan<byte> MagicV2 => "BVS2"u8;

    /// <summary>Encodes a snapshot of <paramref name="state"/> (format v2) with the host's command index and recent trades.</summary>
    /// <param name="state">The state after the snapshot's last record.</param>
    /// <param name="commands">Caller-keyed commands (ledger idempotency key, first and last sequence) up to the snapshot.</param>
    /// <param name="recentTrades">The most recent trades with their sequences, oldest first.</param>
    public static byte[] Encode(VaultState state, IReadOnlyList<SnapshotCommand>? commands = null, IReadOnlyList<(long Sequence, TradeExecuted Trade)>? recentTrades = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var output = new ArrayBufferWriter<byte>(16 * 1024);
        output.Write(MagicV2);
        int lengthAt = output.WrittenCount;
        WriteInt(output, 0); // the image length, patched below
        int before = output.WrittenCount;
        state.WriteSnapshot(output);
        int imageLength = output.WrittenCount - before;
        WriteInt(output, commands?.Count ?? 0);
        foreach (var c in commands ?? [])
        {
            byte[] key = Encoding.UTF8.GetBytes(c.IdempotencyKey);
            WriteInt(output, key.Length);
            output.Write(key);
            WriteLong(output, c.FirstSequence);
            WriteLong(output, c.LastSequence);
        }

        WriteInt(output, recentTrades?.Count ?? 0);
        foreach (var (sequence, trade) in recentTrades ?? [])
        {
            var payload = VaultEventCodec.Instance.Encode(trade).Payload.Span;
            WriteLong(output, sequence);
            WriteInt(output, payload.Length);
            output.Write(payload);
        }

        byte[] bytes = output.WrittenSpan.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(lengthAt), imageLength);
        return bytes;
    }

    /// <summary>
    /// Reads a snapshot (v2, or v1 = event prefix) covering records 1..<paramref name="sequence"/>. False with a
    /// one-line reason when the bytes are not a snapshot, the image is refused, or the state does not cover exactly
    /// <paramref name="sequence"/> events.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, long sequence, [NotNullWhen(true)] out VaultSnapshotContent? content, out string reason)
    {
        content = null;
        if (bytes.Length >= 4 && bytes[..4].SequenceEqual(Magic))
        {
            if (!TryRestore(bytes, sequence, out var prefixState, out reason)) return false;
            content = new VaultSnapshotContent(prefixState, [], [], HasHostIndex: false);
            return true;
        }

        if (bytes.Length < 8 || !bytes[..4].SequenceEqual(MagicV2)) return Bad("not a vault snapshot (magic)", out reason);
        int imageLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (imageLength < 0 || imageLength > bytes.Length - 8) return Bad("truncated state image", out reason);
        if (!VaultState.TryReadSnapshot(bytes.Slice(8, imageLength), out var state, out var error, out string message))
            return Bad($"state image refused ({error}): {message}", out reason);
        if (state.Version != sequence) return Bad($"its state holds {state.Version} events but claims sequence {sequence}", out reason);
        var rest = bytes[(8 + imageLength)..];
        var commands = new List<SnapshotCommand>();
        var trades = new List<(long, TradeExecuted)>();
        if (!TryInt(ref rest, out int commandCount) || commandCount < 0) return Bad("truncated command index", out reason);
        for (int i = 0; i < commandCount; i++)
        {
            if (!TryInt(ref rest, out int keyLength) || keyLength < 0 || keyLength > rest.Length - 16) return Bad("truncated command index", out reason);
            string key = Encoding.UTF8.GetString(rest[..keyLength]);
            rest = rest[keyLength..];
            commands.Add(new SnapshotCommand(key, BinaryPrimitives.ReadInt64LittleEndian(rest), BinaryPrimitives.ReadInt64LittleEndian(rest[8..])));
            rest = rest[16..];
        }

        if (!TryInt(ref rest, out int tradeCount) || tradeCount < 0) return Bad("truncated recent trades", out reason);
        for (int i = 0; i < tradeCount; i++)
        {
            if (rest.Length < 12) return Bad("truncated recent trades", out reason);
            long at = BinaryPrimitives.ReadInt64LittleEndian(rest);
            int length = BinaryPrimitives.ReadInt32LittleEndian(rest[8..]);
            rest = rest[12..];
            if (length < 0 || length > rest.Length || !VaultEventCodec.Instance.TryDecode(nameof(TradeExecuted), rest[..length], out var e) || e is not TradeExecuted t)
                return Bad("a recent trade does not decode", out reason);
            trades.Add((at, t));
            rest = rest[length..];
        }

        if (!rest.IsEmpty) return Bad("trailing bytes after the recent trades", out reason);
        content = new VaultSnapshotContent(state, commands, trades, HasHostIndex: true);
        reason = "";
        return true;
    }

    /// <summary>Frames the encoded events of a prefix (format v1, the event prefix; kept for tests of old ledgers).</summary>
    public static byte[] EncodePrefix(IReadOnlyList<EncodedEvent> prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        int size = 12;
        foreach (var e in prefix) size += 12 + Encoding.UTF8.GetByteCount(e.EventType) + e.Payload.Length;
        var bytes = new byte[size];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt64LittleEndian(span[4..], prefix.Count);
        int at = 12;
        foreach (var e in prefix)
        {
            int typeLength = Encoding.UTF8.GetBytes(e.EventType, span[(at + 4)..]);
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], typeLength);
            at += 4 + typeLength;
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], e.EventVersion);
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 4)..], e.Payload.Length);
            at += 8;
            e.Payload.Span.CopyTo(span[at..]);
            at += e.Payload.Length;
        }

        return bytes;
    }

    /// <summary>
    /// Rebuilds the state a format-v1 (event prefix) snapshot covers. False (with a one-line reason) when the bytes are not a snapshot, an
    /// event does not decode, or the event count differs from <paramref name="expectedEvents"/>.
    /// </summary>
    /// <param name="bytes">Snapshot bytes.</param>
    /// <param name="expectedEvents">The snapshot's sequence (a stream's sequence n is its n-th event).</param>
    /// <param name="state">The rebuilt state.</param>
    /// <param name="reason">Why it failed (empty on success).</param>
    public static bool TryRestore(ReadOnlySpan<byte> bytes, long expectedEvents, out VaultState state, out string reason)
    {
        state = new VaultState();
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual(Magic)) return Bad("not a vault snapshot (magic)", out reason);
        long count = BinaryPrimitives.ReadInt64LittleEndian(bytes[4..]);
        if (count != expectedEvents) return Bad($"it holds {count} events but claims sequence {expectedEvents}", out reason);
        int at = 12;
        for (long i = 0; i < count; i++)
        {
            if (bytes.Length - at < 4) return Bad($"truncated at event {i + 1}", out reason);
            int typeLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            if (typeLength < 0 || bytes.Length - at - 4 < typeLength + 8) return Bad($"truncated at event {i + 1}", out reason);
            string type = Encoding.UTF8.GetString(bytes.Slice(at + 4, typeLength));
            at += 4 + typeLength;
            int version = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            int payloadLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[(at + 4)..]);
            at += 8;
            if (payloadLength < 0 || bytes.Length - at < payloadLength) return Bad($"truncated at event {i + 1}", out reason);
            var decoded = VaultEventCodec.Decode(new LedgerRecord("", i + 1, type, version, bytes.Slice(at, payloadLength).ToArray(), 0, "", 0, []));
            if (decoded.Error != DecodeError.None) return Bad($"event {i + 1} ({type} v{version}) does not decode", out reason);
            var e = decoded.Event;
            at += payloadLength;
            try
            {
                state.Apply(e!);
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or NullReferenceException)
            {
                // A well-formed but impossible event (e.g. a trade on an unlisted strike): the snapshot is unusable.
                return Bad($"event {i + 1} ({type}) cannot be applied: {ex.Message}", out reason);
            }
        }

        if (at != bytes.Length) return Bad("trailing bytes after the last event", out reason);
        reason = "";
        return true;
    }

    private static void WriteInt(ArrayBufferWriter<byte> output, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    private static void WriteLong(ArrayBufferWriter<byte> output, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    private static bool TryInt(ref ReadOnlySpan<byte> bytes, out int value)
    {
        value = 0;
        if (bytes.Length < 4) return false;
        value = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        bytes = bytes[4..];
        return true;
    }

    private static bool Bad(string why, out string reason)
    {
        reason = why;
        return false;
    }
}
