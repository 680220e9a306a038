using System.Globalization;
using System.Text;

namespace Ballast.Ledger.CrashChild;

/// <summary>
/// Deterministic synthetic "trade" payloads (~150 bytes): the content of record (stream, sequence) is a pure
/// function of the seed, so a parent can recompute exactly what every acknowledged record must contain.
/// </summary>
public static class SyntheticTrades
{
    public const string EventType = "TradeExecuted";

    public static string StreamName(int stream) => $"vault-{stream}";

    public static string CommandKey(int stream, long sequence) => $"trade-{stream}-{sequence}";

    public static byte[] Payload(long seed, int stream, long sequence)
    {
        ulong h = SplitMix64((ulong)seed ^ ((ulong)stream << 48) ^ (ulong)sequence);
        ulong g = SplitMix64(h);
        int strike = 2000 + (int)(h % 40) * 100;
        string side = (g & 1) == 0 ? "buy" : "sell";
        decimal size = 0.01m * (1 + (long)(g >> 1) % 5000);
        decimal price = 0.0001m * (1 + (long)(h >> 20) % 2_000_000);
        string text = string.Create(CultureInfo.InvariantCulture,
            $"{{\"seq\":{sequence},\"account\":\"acct-{g % 997:D3}\",\"series\":\"ETH-20260327-{strike}-{((h >> 8 & 1) == 0 ? 'C' : 'P')}\",\"side\":\"{side}\",\"size\":\"{size}\",\"price\":\"{price}\",\"fee\":\"{price * 0.003m:0.000000}\"}}");
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): a tiny, well-mixed deterministic generator step.</summary>
    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
