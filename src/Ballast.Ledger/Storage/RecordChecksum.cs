using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ballast.Ledger.Storage;

/// <summary>
/// The chained record checksum: SHA-256(previous checksum ‖ header ‖ payload), where the header is the
/// little-endian, length-prefixed encoding of stream id, sequence, event type, event version, timestamp,
/// idempotency key, writer epoch and payload length. The first record of a stream chains to 32 zero bytes.
/// </summary>
/// <remarks>
/// Why SHA-256 and not a fast 128-bit non-cryptographic hash (XXH3-128): both detect torn writes and bit rot,
/// but only a cryptographic hash makes the chain tamper-evident for auditors (an XXH3 chain can be re-forged
/// after editing a record), and TigerBeetle likewise uses a cryptographic MAC (AEGIS-128L). SHA-256 is in the
/// base library (no extra package) and runs on the SHA-NI instructions of current x86/ARM CPUs at over 1 GB/s,
/// i.e. about 0.2 µs for a 250-byte record — far below the cost of the SQL insert it protects.
/// </remarks>
public static class RecordChecksum
{
    /// <summary>Checksum length, bytes.</summary>
    public const int Length = 32;

    private const int StackLimit = 2048;

    /// <summary>The "previous checksum" of a stream's first record: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[Length];

    /// <summary>Computes the checksum of a record from its fields and its predecessor's checksum.</summary>
    public static byte[] Compute(
        ReadOnlySpan<byte> previous, string streamId, long sequence, string eventType, int eventVersion,
        long timestampUtcTicks, string idempotencyKey, long writerEpoch, ReadOnlySpan<byte> payload)
    {
        var result = new byte[Length];
        Compute(previous, streamId, sequence, eventType, eventVersion, timestampUtcTicks, idempotencyKey, writerEpoch, payload, result);
        return result;
    }

    /// <summary>Computes the checksum into <paramref name="destination"/> (32 bytes).</summary>
    public static void Compute(
        ReadOnlySpan<byte> previous, string streamId, long sequence, string eventType, int eventVersion,
        long timestampUtcTicks, string idempotencyKey, long writerEpoch, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        int size = Length + 4 + Encoding.UTF8.GetMaxByteCount(streamId.Length) + 8 + 4 + Encoding.UTF8.GetMaxByteCount(eventType.Length)
                   + 4 + 8 + 4 + Encoding.UTF8.GetMaxByteCount(idempotencyKey.Length) + 8 + 4 + payload.Length;
        // Records are small (a trade ≈ 300 bytes with its header): hash them from the stack, rent only for big payloads.
        byte[]? rented = size <= StackLimit ? null : ArrayPool<byte>.Shared.Rent(size);
        Span<byte> buffer = rented is null ? stackalloc byte[StackLimit] : rented;
        if (previous.Length != Length) throw new ArgumentException("previous checksum must be 32 bytes", nameof(previous));
        int at = 0;
        previous.CopyTo(buffer);
        at += Length;
        at += WriteString(buffer[at..], streamId);
        BinaryPrimitives.WriteInt64LittleEndian(buffer[at..], sequence); at += 8;
        at += WriteString(buffer[at..], eventType);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[at..], eventVersion); at += 4;
        BinaryPrimitives.WriteInt64LittleEndian(buffer[at..], timestampUtcTicks); at += 8;
        at += WriteString(buffer[at..], idempotencyKey);
        BinaryPrimitives.WriteInt64LittleEndian(buffer[at..], writerEpoch); at += 8;
        BinaryPrimitives.WriteInt32LittleEndian(buffer[at..], payload.Length); at += 4;
        payload.CopyTo(buffer[at..]);
        at += payload.Length;
        SHA256.HashData(buffer[..at], destination);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>True when <paramref name="record"/>'s stored checksum matches its content chained to <paramref name="previous"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> previous, LedgerRecord record)
    {
        Span<byte> computed = stackalloc byte[Length];
        Compute(previous, record.StreamId, record.Sequence, record.EventType, record.EventVersion, record.TimestampUtcTicks,
            record.IdempotencyKey, record.WriterEpoch, record.Payload.Span, computed);
        return computed.SequenceEqual(record.Checksum);
    }

    private static int WriteString(Span<byte> buffer, string text)
    {
        int n = Encoding.UTF8.GetBytes(text, buffer[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(buffer, n);
        return 4 + n;
    }
}
