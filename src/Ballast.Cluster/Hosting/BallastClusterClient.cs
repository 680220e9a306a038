using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Ballast.Cluster.Hosting;

/// <summary>An Orleans client host that reaches Ballast silos: through listed loopback gateways, or the PostgreSQL membership table.</summary>
public static class BallastClusterClient
{
    /// <summary>
    /// The client host, not started. With <paramref name="postgresClustering"/> the gateways are discovered from the
    /// membership table; otherwise <paramref name="gatewayPorts"/> on <paramref name="address"/> (loopback by default) are used.
    /// </summary>
    public static IHost Build(string clusterId, string serviceId, IReadOnlyList<int> gatewayPorts, string? postgresClustering, IPAddress? address = null)
    {
        ArgumentNullException.ThrowIfNull(gatewayPorts);
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            if (postgresClustering is { } connection)
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = Clustering.PostgresClusteringSchema.Invariant;
                    o.ConnectionString = Clustering.PostgresClusteringSchema.ForOrleans(connection);
                });
            }
            else
            {
                client.UseStaticClustering(gatewayPorts.Select(p => new IPEndPoint(address ?? IPAddress.Loopback, p)).ToArray());
            }

            // A call caught by a dying silo fails in seconds and is retried, instead of waiting the 30 s default.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        return builder.Build();
    }
}
