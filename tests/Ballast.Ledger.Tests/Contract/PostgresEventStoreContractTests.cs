using Ballast.Ledger.Postgres;
using Ballast.Ledger.Storage;
using Ballast.Ledger.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Ballast.Ledger.Tests.Contract;

/// <summary>
/// The contract on PostgreSQL, one fresh schema per test, against the server named by BALLAST_TEST_POSTGRES
/// (test.sh starts a throwaway cluster through scripts/pg-test-cluster.sh). Without it each test says why and returns.
/// </summary>
public sealed class PostgresEventStoreContractTests(ITestOutputHelper output) : EventStoreContract(output)
{
    private readonly string _schema = "ledger_test_" + Guid.NewGuid().ToString("N")[..12];

    protected override string? UnavailableReason => PostgresTestServer.UnavailableReason;

    private PostgresStoreOptions StoreOptions => new(PostgresTestServer.ConnectionString!) { Schema = _schema };

    private protected override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    private protected override Task<LedgerOpenResult> OpenAsync(EventStoreOptions options, IReadOnlyList<Migration>? migrations = null) =>
        PostgresEventStore.OpenAsync(StoreOptions, options, migrations ?? PostgresMigrations.All, CancellationToken.None);

    protected override async Task CorruptPayloadAsync(string streamId, long sequence)
    {
        await using var ds = NpgsqlDataSource.Create(PostgresTestServer.ConnectionString!);
        await using var cmd = ds.CreateCommand(
            $"UPDATE {_schema}.records SET payload = set_byte(payload, length(payload) / 2, get_byte(payload, length(payload) / 2) # 1) WHERE stream_id = $1 AND seq = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = sequence });
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    protected override async Task InsertSchemaVersionAsync(int version)
    {
        await using var ds = NpgsqlDataSource.Create(PostgresTestServer.ConnectionString!);
        await using var cmd = ds.CreateCommand($"INSERT INTO {_schema}.schema_version VALUES ({version}, 'from the future', 0)");
        await cmd.ExecuteNonQueryAsync();
    }

    protected override async Task<long> SchemaVersionAsync()
    {
        await using var ds = NpgsqlDataSource.Create(PostgresTestServer.ConnectionString!);
        await using var cmd = ds.CreateCommand($"SELECT MAX(version) FROM {_schema}.schema_version");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public override async Task DisposeAsync()
    {
        if (UnavailableReason is not null) return;
        await using var ds = NpgsqlDataSource.Create(PostgresTestServer.ConnectionString!);
        await using var cmd = ds.CreateCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        await cmd.ExecuteNonQueryAsync();
    }
}
