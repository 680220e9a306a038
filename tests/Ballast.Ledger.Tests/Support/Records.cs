using System.Text;

namespace Ballast.Ledger.Tests.Support;

/// <summary>Small synthetic records for store tests.</summary>
public static class Records
{
    public static NewRecord Trade(int n, int version = 1) =>
        new("TradeExecuted", version, Encoding.UTF8.GetBytes($"{{\"trade\":{n},\"series\":\"ETH-20260327-3000-C\",\"size\":\"1.5\",\"price\":\"{100 + n}.25\"}}"));

    public static IReadOnlyList<NewRecord> Trades(params int[] ns) => ns.Select(n => Trade(n)).ToArray();
}
