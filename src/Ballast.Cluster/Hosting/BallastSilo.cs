using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ballast.Cluster.Hosting;

/// <summary>
/// Builds the host of one Ballast silo: Orleans with either localhost (development) clustering or ADO.NET clustering
/// on PostgreSQL, plus the vault grains over the given ledger.
/// </summary>
public static class BallastSilo
{
    /// <summary>The host, not started. Apply the PostgreSQL clustering schema first when <see cref="SiloSettings.PostgresClustering"/> is set.</summary>
    public static IHost Build(SiloSettings settings, VaultGrainServices services, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = Host.CreateApplicationBuilder([]);
        AddTo(builder, settings, services, logLevel);
        return builder.Build();
    }

    /// <summary>Adds the silo to any host builder (e.g. a web application that fronts the grains with HTTP).</summary>
    public static void AddTo(IHostApplicationBuilder builder, SiloSettings settings, VaultGrainServices services, LogLevel logLevel = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        builder.Logging.SetMinimumLevel(logLevel);
        builder.UseOrleans(silo =>
        {
            if (settings.PostgresClustering is { } connection)
            {
                silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
                {
                    o.ClusterId = settings.ClusterId;
                    o.ServiceId = settings.ServiceId;
                });
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = Clustering.PostgresClusteringSchema.Invariant;
                    o.ConnectionString = Clustering.PostgresClusteringSchema.ForOrleans(connection);
                });
                silo.ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
            }
            else
            {
                var primary = new IPEndPoint(settings.Address, settings.PrimarySiloPort ?? settings.SiloPort);
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, primary, settings.ServiceId, settings.ClusterId);
            }

            silo.AddBallastVaults(services);
        });
    }
}
