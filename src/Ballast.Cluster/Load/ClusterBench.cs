using System.Net;
using System.Net.Sockets;
using Ballast.Cluster.Hosting;
using Ballast.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ballast.Cluster.Load;

/// <summary>
/// Throughput of N silos on loopback in this process (localhost clustering, one shared ledger), driven through an
/// Orleans client that spreads calls over every silo's gateway. On one machine the silos share its cores and its
/// ledger's fsync, so this measures the cluster machinery's cost, not the scaling of N real machines.
/// </summary>
public static class ClusterBench
{
    /// <summary>Starts <paramref name="silos"/> silos, runs <see cref="TradeDriver"/>, audits every vault against the ledger, stops everything.</summary>
    public static async Task<(DriveResult Result, IReadOnlyList<string> Problems)> RunAsync(
        int silos, DriveOptions options, IEventStore store, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 1);
        var services = new VaultGrainServices(store, clock);
        string clusterId = $"bench-{silos}";
        var hosts = new List<IHost>();
        var gateways = new List<int>();
        int primary = 0;
        try
        {
            for (int i = 0; i < silos; i++)
            {
                int siloPort = FreePort(), gatewayPort = FreePort();
                if (i == 0) primary = siloPort;
                var host = BallastSilo.Build(new SiloSettings
                {
                    ClusterId = clusterId, ServiceId = clusterId, SiloPort = siloPort, GatewayPort = gatewayPort, PrimarySiloPort = primary,
                }, services, Microsoft.Extensions.Logging.LogLevel.Error);
                await host.StartAsync(cancellationToken);
                hosts.Add(host);
                gateways.Add(gatewayPort);
            }

            using var client = BallastClusterClient.Build(clusterId, clusterId, gateways, null);
            await client.StartAsync(cancellationToken);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var result = await TradeDriver.RunAsync(grains, options, null, cancellationToken);
            var (problems, _) = await LedgerAudit.CheckAsync(grains, store, options.VaultIds(), cancellationToken);
            await client.StopAsync(cancellationToken);
            return (result, problems);
        }
        finally
        {
            for (int i = hosts.Count - 1; i >= 0; i--)
            {
                await hosts[i].StopAsync(CancellationToken.None);
                hosts[i].Dispose();
            }
        }
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
