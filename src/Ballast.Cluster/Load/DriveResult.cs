namespace Ballast.Cluster.Load;

/// <summary>What a <see cref="TradeDriver"/> run did.</summary>
/// <param name="Vaults">Vaults driven.</param>
/// <param name="Acknowledged">Trades acknowledged as durable (accepted, or replayed after a retry).</param>
/// <param name="Rejected">Trades the engine refused (nothing written).</param>
/// <param name="Failed">Trades given up on after every attempt failed (not acknowledged).</param>
/// <param name="Retries">Calls repeated after an error or an unavailable vault.</param>
/// <param name="Elapsed">Wall time of the trading phase (set-up excluded).</param>
/// <param name="VaultsPerSilo">Where the vaults were active at the end.</param>
public sealed record DriveResult(
    int Vaults, long Acknowledged, long Rejected, long Failed, long Retries, TimeSpan Elapsed, IReadOnlyDictionary<string, int> VaultsPerSilo)
{
    /// <summary>Acknowledged trades per second of wall time.</summary>
    public double TradesPerSecond => Elapsed > TimeSpan.Zero ? Acknowledged / Elapsed.TotalSeconds : 0;
}
