namespace Ballast.Cluster.Load;

/// <summary>What <see cref="TradeDriver"/> sends.</summary>
public sealed record DriveOptions
{
    /// <summary>Number of vaults (markets), named <c>{VaultPrefix}-{n}</c>.</summary>
    public int Vaults { get; init; } = 24;

    /// <summary>Trades sent to each vault, one after another.</summary>
    public int TradesPerVault { get; init; } = 20;

    /// <summary>Most commands in flight at once across all vaults.</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Vault id prefix.</summary>
    public string VaultPrefix { get; init; } = "market";

    /// <summary>Tag making this run's idempotency keys unique on a ledger that already holds earlier runs.</summary>
    public string RunTag { get; init; } = "run";

    /// <summary>Attempts per command before the driver gives up on it (a retry reuses the command's idempotency key).</summary>
    public int MaxAttempts { get; init; } = 240;

    /// <summary>Pause between attempts.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The vault ids in order.</summary>
    public IReadOnlyList<string> VaultIds() => Enumerable.Range(0, Vaults).Select(v => $"{VaultPrefix}-{v}").ToArray();
}
