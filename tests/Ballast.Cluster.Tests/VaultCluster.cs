using Ballast.Cluster.Contracts;
using Ballast.Cluster.Hosting;
using Ballast.Ledger;
using Ballast.Ledger.Sqlite;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Ballast.Cluster.Tests;

/// <summary>
/// Three in-process silos (Orleans' InProcessTestCluster) sharing one SQLite ledger in a temporary folder, as a
/// multi-machine cluster shares one PostgreSQL ledger. Each test class that changes the cluster's shape owns one.
/// </summary>
public sealed class VaultCluster : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ballast-cluster-" + Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IEventStore Store { get; private set; } = null!;

    public FixedClock Clock => FixedClock.Monday;

    public IClusterClient Client => Cluster.Client;

    public IVaultGrain Vault(string id) => Client.GetGrain<IVaultGrain>(id);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_folder, "ledger.db")));
        Store = opened.Store ?? throw new InvalidOperationException($"ledger did not open: {opened.Fault}");
        var services = new VaultGrainServices(Store, Clock);
        var builder = new InProcessTestClusterBuilder(3);
        // Short timeouts so a call caught by a silo kill fails (and is retried) in seconds, not the 30 s default.
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddBallastVaults(services);
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(3));
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
            });
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(3)));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A writer thread of a killed silo may still hold the file for a moment; the temp folder is harmless.
        }
    }
}
