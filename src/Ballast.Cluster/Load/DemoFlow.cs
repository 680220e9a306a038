using Ballast.Cluster.Contracts;

namespace Ballast.Cluster.Load;

/// <summary>
/// A deterministic order flow for demos, tests and the throughput measurement: a vault is opened with the default
/// set-up and four funded traders; trade <c>i</c> rotates through the listed series and sides. Sells are only of puts
/// (cash-secured by quote collateral), since a short call would need base collateral the traders do not hold.
/// </summary>
public static class DemoFlow
{
    /// <summary>Traders that <see cref="Trade"/> uses.</summary>
    public const int Traders = 4;

    /// <summary>Quote collateral each trader deposits at set-up.</summary>
    public const decimal TraderCollateral = 1_000_000m;

    /// <summary>Set-up commands: the default vault, then each trader's collateral. With a key prefix every command is idempotent.</summary>
    public static IReadOnlyList<VaultCommand> Setup(string? keyPrefix = null) =>
    [
        new OpenDefaultVault(keyPrefix is null ? null : keyPrefix + "-open"),
        .. Enumerable.Range(0, Traders).Select(t =>
            new DepositTraderCollateral(TraderName(t), TraderCollateral, keyPrefix is null ? null : $"{keyPrefix}-fund-{t}")),
    ];

    /// <summary>Trader <paramref name="index"/>'s account name.</summary>
    public static string TraderName(int index) => $"trader-{index}";

    /// <summary>The <paramref name="i"/>-th trade over <paramref name="strikes"/> of one board; size 1–3 options.</summary>
    /// <param name="expiry">Board expiry, Unix seconds.</param>
    /// <param name="strikes">The board's strikes.</param>
    /// <param name="i">Trade number (≥ 0).</param>
    /// <param name="key">Optional idempotency key.</param>
    public static PlaceTrade Trade(long expiry, IReadOnlyList<decimal> strikes, int i, string? key = null)
    {
        bool isCall = i % 2 == 0;
        bool buy = isCall || i % 3 != 2;
        var series = new SeriesRef(expiry, strikes[i % strikes.Count], isCall);
        return new PlaceTrade(TraderName(i % Traders), series, buy, 1 + i % 3, buy ? TraderCollateral : 0m, key);
    }
}
