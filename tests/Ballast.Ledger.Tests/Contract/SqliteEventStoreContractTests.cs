using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Storage;
using Ballast.Ledger.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Ballast.Ledger.Tests.Contract;

/// <summary>The contract on the embedded SQLite store, one fresh file per test.</summary>
public sealed class SqliteEventStoreContractTests(ITestOutputHelper output) : EventStoreContract(output), IDisposable
{
    private readonly TempDirectory _dir = new();

    private string DbPath => Path.Combine(_dir.Path, "ledger.db");

    protected override string? UnavailableReason => null;

    private protected override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    private protected override Task<LedgerOpenResult> OpenAsync(EventStoreOptions options, IReadOnlyList<Migration>? migrations = null) =>
        SqliteEventStore.OpenAsync(new SqliteStoreOptions(DbPath), options, migrations ?? SqliteMigrations.All, CancellationToken.None);

    protected override Task CorruptPayloadAsync(string streamId, long sequence)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT payload FROM records WHERE stream_id = $s AND seq = $q";
        cmd.Parameters.AddWithValue("$s", streamId);
        cmd.Parameters.AddWithValue("$q", sequence);
        var payload = (byte[])cmd.ExecuteScalar()!;
        payload[payload.Length / 2] ^= 0x01;
        cmd.CommandText = "UPDATE records SET payload = $p WHERE stream_id = $s AND seq = $q";
        cmd.Parameters.AddWithValue("$p", payload);
        Assert.Equal(1, cmd.ExecuteNonQuery());
        return Task.CompletedTask;
    }

    protected override Task InsertSchemaVersionAsync(int version)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"INSERT INTO schema_version VALUES ({version}, 'from the future', 0)";
        cmd.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    protected override Task<long> SchemaVersionAsync()
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT MAX(version) FROM schema_version";
        return Task.FromResult((long)cmd.ExecuteScalar()!);
    }

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    public void Dispose() => _dir.Dispose();
}
