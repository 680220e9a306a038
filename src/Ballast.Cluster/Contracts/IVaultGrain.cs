namespace Ballast.Cluster.Contracts;

/// <summary>
/// One vault as an Orleans grain, keyed by its vault id (which is also its ledger stream id). Orleans keeps at most
/// one activation per id in the cluster; the ledger's writer epoch fences any second writer that a split view of the
/// membership could still create (see <see cref="Grains.VaultGrain"/>).
/// </summary>
public interface IVaultGrain : IGrainWithStringKey
{
    /// <summary>Decides a command with the engine, appends its events durably, applies them, then replies.</summary>
    Task<VaultReply> Submit(VaultCommand command);

    /// <summary>A quote for a size at the grain's clock, without changing anything.</summary>
    Task<QuoteReply> Quote(SeriesRef series, bool buy, double size);

    /// <summary>Every listed series (each strike's call and put), ordered by expiry then strike.</summary>
    Task<SeriesRef[]> ListedSeries();

    /// <summary>Ledger head, state version and state hash, read consistently.</summary>
    Task<VaultStatus> Status();
}
