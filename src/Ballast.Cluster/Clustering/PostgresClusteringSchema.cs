using Npgsql;

namespace Ballast.Cluster.Clustering;

/// <summary>
/// The PostgreSQL schema Orleans' ADO.NET clustering needs (the package ships no SQL). The script
/// (<c>Clustering/Sql/postgres-clustering-v1.sql</c>, embedded) is idempotent and applied under an advisory lock, so
/// every silo can run it at start-up; the silo's connection string then puts schema <see cref="Schema"/> on the
/// search path so the provider's unqualified <c>OrleansQuery</c> resolves to Ballast's table.
/// </summary>
public static class PostgresClusteringSchema
{
    /// <summary>ADO.NET invariant name Orleans uses to load Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Schema holding the membership tables and the provider's query table.</summary>
    public const string Schema = "ballast_cluster";

    /// <summary>Version of the schema this build writes (recorded in <c>ballast_cluster.schema_version</c>).</summary>
    public const int Version = 1;

    // Any fixed 64-bit number shared by every silo: serialises concurrent first starts of the script.
    private const long AdvisoryLockKey = 0x42_61_6C_6C_61_73_74_43;

    /// <summary>The embedded script text.</summary>
    public static string Script()
    {
        using var stream = typeof(PostgresClusteringSchema).Assembly.GetManifestResourceStream("Ballast.Cluster.Clustering.Sql.postgres-clustering-v1.sql")
            ?? throw new InvalidOperationException("the clustering schema script is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The connection string Orleans should use: <paramref name="connectionString"/> with the schema on the search path.</summary>
    public static string ForOrleans(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = Schema }.ConnectionString;

    /// <summary>Creates or updates the schema in one transaction. Returns null on success, else the database's message.</summary>
    public static async Task<string?> ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", connection, tx))
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            await using (var script = new NpgsqlCommand(Script(), connection, tx))
                await script.ExecuteNonQueryAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return null;
        }
        catch (NpgsqlException e)
        {
            return $"PostgreSQL clustering schema could not be applied: {e.Message}";
        }
    }
}
