using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Ballast.Ledger.Verification;

/// <summary>
/// A deterministic fold over payloads: h₀ = 32 zero bytes, hₙ = SHA-256(hₙ₋₁ ‖ sequence ‖ payload).
/// It stands in for the engine's state hash in tests and tools that must not depend on event types.
/// </summary>
public sealed class PayloadDigestFold : IReplayFold
{
    private readonly byte[] _hash = new byte[32];
    private byte[] _buffer = new byte[512];

    /// <summary>Records applied so far.</summary>
    public long Count { get; private set; }

    /// <inheritdoc />
    public void Apply(LedgerRecord record) => Apply(record.Sequence, record.Payload.Span);

    /// <summary>Applies a payload at a sequence (for computing a reference fold without a store).</summary>
    public void Apply(long sequence, ReadOnlySpan<byte> payload)
    {
        int size = 32 + 8 + payload.Length;
        if (_buffer.Length < size) _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        _hash.CopyTo(_buffer, 0);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(32), sequence);
        payload.CopyTo(_buffer.AsSpan(40));
        SHA256.HashData(_buffer.AsSpan(0, size), _hash);
        Count++;
    }

    /// <inheritdoc />
    public byte[] StateHash() => (byte[])_hash.Clone();
}
