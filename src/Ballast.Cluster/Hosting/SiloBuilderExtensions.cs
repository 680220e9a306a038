using Microsoft.Extensions.DependencyInjection;

namespace Ballast.Cluster.Hosting;

/// <summary>Registers Ballast's vault grains on an Orleans silo.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Makes <see cref="Grains.VaultGrain"/> activations use <paramref name="services"/> (ledger + engine clock).
    /// Clustering is configured separately (<see cref="BallastSilo"/>), so tests can use Orleans' TestCluster.
    /// </summary>
    public static ISiloBuilder AddBallastVaults(this ISiloBuilder silo, VaultGrainServices services)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(services);
        silo.Services.AddSingleton(services);
        return silo;
    }
}
