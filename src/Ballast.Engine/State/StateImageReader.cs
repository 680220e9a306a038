using System.Buffers.Binary;
using System.Text;
using Ballast.Engine.Greeks;
using Ballast.Engine.Volatility;

namespace Ballast.Engine.State;

/// <summary>
/// Reads what <see cref="StateImageWriter"/> wrote, bounds-checked: running past the end, a negative or oversized
/// count, invalid decimal bits or a non-finite number where state never holds one throws
/// <see cref="StateImageReader.Malformed"/>, which <see cref="VaultState.TryReadSnapshot(ReadOnlySpan{byte}, out VaultState?, out SnapshotReadError, out string)"/>
/// turns into a typed rejection (it never escapes the engine).
/// </summary>
internal sealed class StateImageReader(ReadOnlyMemory<byte> bytes)
{
    private int _at;

    /// <summary>Bytes not read yet.</summary>
    public int Remaining => bytes.Length - _at;

    public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public bool Bool() => Take(1)[0] switch
    {
        0 => false,
        1 => true,
        var b => throw new Malformed($"boolean byte {b}"),
    };

    public double Double() => BitConverter.Int64BitsToDouble(Long());

    /// <summary>A double state may hold (finite; NaN never enters state).</summary>
    public double Finite()
    {
        double v = Double();
        return double.IsFinite(v) ? v : throw new Malformed($"non-finite number {v}");
    }

    public decimal Decimal()
    {
        Span<int> bits = [Int(), Int(), Int(), Int()];
        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException)
        {
            throw new Malformed("invalid decimal bits");
        }
    }

    public string String() => Encoding.UTF8.GetString(Take(Count(1)));

    /// <summary>A count of items of at least <paramref name="minimumItemBytes"/> bytes each (rejects counts the remaining bytes cannot hold).</summary>
    public int Count(int minimumItemBytes)
    {
        int n = Int();
        if (n < 0 || (long)n * minimumItemBytes > Remaining) throw new Malformed($"count {n} does not fit the remaining {Remaining} bytes");
        return n;
    }

    public ReadOnlyMemory<byte> Slice(int length)
    {
        if (length < 0 || length > Remaining) throw new Malformed($"section of {length} bytes with {Remaining} left");
        var slice = bytes.Slice(_at, length);
        _at += length;
        return slice;
    }

    public UnitGreeks Greeks() => new(Finite(), Finite(), Finite(), Finite(), Finite(), Finite());

    public GreekExposure Exposure() => new(Finite(), Finite(), Finite(), Finite(), Finite(), Finite());

    /// <summary>Restores an oracle written by <see cref="StateImageWriter.Gwav"/> into <paramref name="target"/>.</summary>
    public void Gwav(GwavOracle target)
    {
        int capacity = Int();
        long exactFrom = Long();
        int count = Count(24);
        if (capacity < 8 || count > capacity) throw new Malformed($"GWAV with {count} observations in capacity {capacity}");
        var observations = new GwavObservation[count];
        for (int i = 0; i < count; i++) observations[i] = new GwavObservation(Long(), Finite(), Finite());
        target.Restore(capacity, observations, exactFrom);
    }

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n > Remaining) throw new Malformed($"needs {n} more bytes, {Remaining} left");
        var span = bytes.Span.Slice(_at, n);
        _at += n;
        return span;
    }

    /// <summary>The snapshot's bytes do not describe a state (caught at the API boundary, never thrown out of the engine).</summary>
    internal sealed class Malformed(string message) : Exception(message);
}
