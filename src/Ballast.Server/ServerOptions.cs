namespace Ballast.Server;

/// <summary>How <c>ballast serve</c> runs, bound from the configuration section <c>Ballast</c> (e.g. <c>--Ballast:Db=PATH</c>).</summary>
public sealed class ServerOptions
{
    /// <summary>SQLite ledger file; default <c>{DataFolder}/ledger.db</c>.</summary>
    public string? Db { get; set; }

    /// <summary>PostgreSQL connection string; when set, the ledger lives there instead of SQLite.</summary>
    public string? Postgres { get; set; }

    /// <summary>PostgreSQL schema of the ledger tables.</summary>
    public string PostgresSchema { get; set; } = "ballast_ledger";

    /// <summary>Folder for the default SQLite file and the keys file; default <c>./ballast-data</c>.</summary>
    public string DataFolder { get; set; } = "ballast-data";

    /// <summary>The vault's ledger stream.</summary>
    public string VaultId { get; set; } = "vault-main";

    /// <summary>Run the built-in simulated spot feed and traders.</summary>
    public bool Paper { get; set; }

    /// <summary>Seed of the paper feed and traders.</summary>
    public int PaperSeed { get; set; } = 42;

    /// <summary>Paper tick interval, milliseconds.</summary>
    public int PaperTickMilliseconds { get; set; } = 250;

    /// <summary>Requests per second allowed per API key (token bucket; burst = 2 s worth).</summary>
    public int RateLimitPerSecond { get; set; } = 2000;

    /// <summary>Requests per second allowed per remote address without a key.</summary>
    public int AnonymousRateLimitPerSecond { get; set; } = 500;

    /// <summary>Largest accepted request body, bytes.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Interval of vault snapshots on the stream, milliseconds.</summary>
    public int StreamIntervalMilliseconds { get; set; } = 500;

    /// <summary>
    /// Floor of the .NET thread pool's worker threads. The SQLite ledger's writer commits (and fsyncs) synchronously on a
    /// pool thread; with the default floor (one per core, 2 here) that leaves one thread for every request, and the
    /// pool adds threads only about twice a second, so a burst of durable trades after idle stalled for 0.5–3 s (p99).
    /// </summary>
    public int MinWorkerThreads { get; set; } = 32;

    /// <summary>Largest trade or quote size (options) the API accepts.</summary>
    public double MaxSize { get; set; } = 100_000;

    /// <summary>The SQLite ledger path in use.</summary>
    public string LedgerPath => Db ?? System.IO.Path.Combine(DataFolder, "ledger.db");

    /// <summary>The keys file in use.</summary>
    public string KeysPath => Auth.ApiKeyStore.PathFor(Postgres is null ? LedgerPath : System.IO.Path.Combine(DataFolder, "ledger.db"));
}
