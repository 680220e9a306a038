using System.Net;
using System.Net.Sockets;
using Ballast.Cluster.Clustering;
using Ballast.Cluster.Contracts;
using Ballast.Cluster.Hosting;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace Ballast.Cluster.Tests;

/// <summary>
/// Cluster mode: two real silo hosts find each other through Orleans' ADO.NET membership on PostgreSQL (schema from
/// <see cref="PostgresClusteringSchema"/>) and share a PostgreSQL ledger. Runs against the server named by
/// BALLAST_TEST_POSTGRES (test.sh starts a throwaway one); without it the test says why and returns.
/// </summary>
public sealed class PostgresClusteringTests(ITestOutputHelper output)
{
    private static readonly string? Connection = Environment.GetEnvironmentVariable("BALLAST_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    [Fact]
    public async Task The_clustering_schema_can_be_applied_again_and_holds_every_query_the_provider_loads()
    {
        if (SkippedWithoutPostgres(out string connection)) return;

        Assert.Null(await PostgresClusteringSchema.ApplyAsync(connection));
        Assert.Null(await PostgresClusteringSchema.ApplyAsync(connection));
        await using var db = new NpgsqlConnection(PostgresClusteringSchema.ForOrleans(connection));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY 1", db);
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        }

        Assert.Equal(
            ["CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey",
             "MembershipReadAllKey", "MembershipReadRowKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey"],
            keys);
    }

    [Fact]
    public async Task Two_silos_form_one_cluster_through_PostgreSQL_and_a_vault_survives_one_of_them_stopping()
    {
        if (SkippedWithoutPostgres(out string connection)) return;

        Assert.Null(await PostgresClusteringSchema.ApplyAsync(connection));
        string clusterId = "test-" + Guid.NewGuid().ToString("N")[..10];
        var opened = await PostgresEventStore.OpenAsync(new PostgresStoreOptions(connection) { Schema = "cluster_" + clusterId.Replace('-', '_') });
        await using var store = opened.Store ?? throw new InvalidOperationException($"ledger: {opened.Fault}");
        var services = new VaultGrainServices(store, FixedClock.Monday);
        IHost Silo() => BallastSilo.Build(new SiloSettings
        {
            ClusterId = clusterId, ServiceId = clusterId, SiloPort = FreePort(), GatewayPort = FreePort(), PostgresClustering = connection,
        }, services);

        using var first = Silo();
        using var second = Silo();
        await first.StartAsync();
        await second.StartAsync();
        var grains = first.Services.GetRequiredService<IGrainFactory>();
        long now = FixedClock.Monday.UnixSeconds;
        var ids = Enumerable.Range(0, 8).Select(v => $"pg-{v}").ToArray();
        var silos = new HashSet<string>();
        foreach (var id in ids)
        {
            var vault = grains.GetGrain<IVaultGrain>(id);
            foreach (var setup in Markets.Setup()) Assert.True((await vault.Submit(setup)).Succeeded);
            for (int i = 0; i < 3; i++) Assert.True((await vault.Submit(Markets.Trade(now, i))).Succeeded);
            silos.Add((await vault.Status()).Silo);
        }

        int active = await ActiveMembersAsync(clusterId);
        await second.StopAsync();
        foreach (var id in ids)
        {
            var vault = grains.GetGrain<IVaultGrain>(id);
            Assert.True((await vault.Submit(Markets.Trade(now, 3))).Succeeded);
            var replay = await VaultRecovery.RecoverAsync(store, id);
            Assert.Equal(replay.State.StateHash(), (await vault.Status()).StateHash);
        }

        await first.StopAsync();
        output.WriteLine($"vaults were placed on {silos.Count} silos; {active} active members in PostgreSQL");
        Assert.Equal(2, active);
        Assert.Equal(2, silos.Count);
    }

    private bool SkippedWithoutPostgres(out string connection)
    {
        connection = Connection ?? "";
        if (Connection is not null) return false;
        output.WriteLine("SKIPPED: BALLAST_TEST_POSTGRES is not set; run ./test.sh or eval \"$(scripts/pg-test-cluster.sh start)\"");
        return true;
    }

    private static async Task<int> ActiveMembersAsync(string clusterId)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*)::int FROM ballast_cluster.membership WHERE deployment_id = $1 AND status = 3", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
