using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Ballast.Engine.Greeks;
using Ballast.Engine.Volatility;

namespace Ballast.Engine.State;

/// <summary>
/// Little-endian primitives of a state snapshot (see <see cref="VaultState.WriteSnapshot(IBufferWriter{byte})"/>):
/// doubles as IEEE-754 bits, decimals as their four 32-bit words (value and scale exact, so 1.0m stays 1.0m),
/// strings as int32 length + UTF-8. The counterpart of <see cref="StateImageReader"/>.
/// </summary>
internal sealed class StateImageWriter(IBufferWriter<byte> output)
{
    public void Long(long v)
    {
        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), v);
        output.Advance(8);
    }

    public void Int(int v)
    {
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), v);
        output.Advance(4);
    }

    public void Bool(bool v)
    {
        output.GetSpan(1)[0] = v ? (byte)1 : (byte)0;
        output.Advance(1);
    }

    public void Double(double v) => Long(BitConverter.DoubleToInt64Bits(v));

    public void Decimal(decimal v)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(v, bits);
        foreach (int b in bits) Int(b);
    }

    public void String(string s)
    {
        int length = Encoding.UTF8.GetByteCount(s);
        Int(length);
        Encoding.UTF8.GetBytes(s, output.GetSpan(length));
        output.Advance(length);
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    public void Greeks(in UnitGreeks g)
    {
        Double(g.Price); Double(g.Delta); Double(g.Gamma); Double(g.Vega); Double(g.StandardVega); Double(g.Theta);
    }

    public void Exposure(in GreekExposure e)
    {
        Double(e.Delta); Double(e.Gamma); Double(e.Vega); Double(e.StandardVega); Double(e.Theta); Double(e.Value);
    }

    /// <summary>The whole oracle: capacity, thinning mark and every kept observation (time, value, log accumulator).</summary>
    public void Gwav(GwavOracle g)
    {
        Int(g.Capacity);
        Long(g.ExactFromSeconds);
        Int(g.Count);
        foreach (var o in g.Observations) { Long(o.TimeSeconds); Double(o.Value); Double(o.LogAccumulator); }
    }
}
