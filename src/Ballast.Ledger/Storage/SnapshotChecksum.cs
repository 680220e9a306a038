using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ballast.Ledger.Storage;

/// <summary>SHA-256 over a snapshot's stream id, sequence, state hash and state: detects a damaged snapshot.</summary>
internal static class SnapshotChecksum
{
    public static byte[] Compute(string streamId, long sequence, ReadOnlySpan<byte> stateHash, ReadOnlySpan<byte> state)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        sha.AppendData(Encoding.UTF8.GetBytes(streamId));
        BinaryPrimitives.WriteInt64LittleEndian(number, sequence);
        sha.AppendData(number);
        BinaryPrimitives.WriteInt64LittleEndian(number, stateHash.Length);
        sha.AppendData(number);
        sha.AppendData(stateHash);
        sha.AppendData(state);
        return sha.GetHashAndReset();
    }
}
