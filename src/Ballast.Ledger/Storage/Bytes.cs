using System.Runtime.InteropServices;

namespace Ballast.Ledger.Storage;

internal static class Bytes
{
    /// <summary>The whole backing array when the memory is exactly one array (no copy), else a copy.</summary>
    public static byte[] AsArray(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();
}
