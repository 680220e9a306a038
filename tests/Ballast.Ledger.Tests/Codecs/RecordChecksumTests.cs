using Ballast.Ledger.Storage;
using FsCheck.Xunit;

namespace Ballast.Ledger.Tests.Codecs;

/// <summary>The chained checksum notices any change to a record or to its predecessor.</summary>
public sealed class RecordChecksumTests
{
    private static LedgerRecord Make(byte[] previous, byte[] payload, long sequence = 7)
    {
        byte[] checksum = RecordChecksum.Compute(previous, "vault-1", sequence, "TradeExecuted", 2, 638_000_000_000_000_000, "cmd-9", 3, payload);
        return new LedgerRecord("vault-1", sequence, "TradeExecuted", 2, payload, 638_000_000_000_000_000, "cmd-9", 3, checksum);
    }

    [Property(MaxTest = 200)]
    public bool Flipping_any_payload_bit_breaks_verification(byte[] payload, int position, byte bit)
    {
        if (payload.Length == 0) return true;
        var record = Make(new byte[32], payload);
        var damaged = (byte[])payload.Clone();
        damaged[Math.Abs(position % payload.Length)] ^= (byte)(1 << (bit % 8));
        return RecordChecksum.Verify(new byte[32], record) && !RecordChecksum.Verify(new byte[32], record with { Payload = damaged });
    }

    [Property(MaxTest = 100)]
    public bool A_record_only_verifies_against_its_own_predecessor(byte[] payload, byte change)
    {
        var previous = new byte[32];
        var record = Make(previous, payload);
        var otherPrevious = (byte[])previous.Clone();
        otherPrevious[change % 32] ^= 1;
        return !RecordChecksum.Verify(otherPrevious, record);
    }

    [Fact]
    public void Every_header_field_is_covered()
    {
        var record = Make(new byte[32], [1, 2, 3]);
        Assert.True(RecordChecksum.Verify(new byte[32], record));
        Assert.False(RecordChecksum.Verify(new byte[32], record with { Sequence = 8 }));
        Assert.False(RecordChecksum.Verify(new byte[32], record with { StreamId = "vault-2" }));
        Assert.False(RecordChecksum.Verify(new byte[32], record with { EventType = "TradeExecutes" }));
        Assert.False(RecordChecksum.Verify(new byte[32], record with { EventVersion = 3 }));
        Assert.False(RecordChecksum.Verify(new byte[32], record with { TimestampUtcTicks = 1 }));
        Assert.False(RecordChecksum.Verify(new byte[32], record with { IdempotencyKey = "cmd-8" }));
        Assert.False(RecordChecksum.Verify(new byte[32], record with { WriterEpoch = 4 }));
    }

    [Fact]
    public void The_checksum_of_a_known_record_is_pinned()
    {
        // Pinned so that an accidental change of the header encoding (which would orphan every stored log) fails here.
        // Reference computed independently with Python's hashlib over the documented little-endian encoding.
        var record = Make(new byte[32], "hello"u8.ToArray(), sequence: 1);
        Assert.Equal("d67dbbf5989f5177f751f8ce744d878db5131e8d98eb12eefc0dcd59930322a2", Convert.ToHexStringLower(record.Checksum));
    }
}
