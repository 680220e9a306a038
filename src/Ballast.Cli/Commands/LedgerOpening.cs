using Ballast.Ledger;
using Ballast.Ledger.Postgres;
using Ballast.Ledger.Sqlite;

namespace Ballast.Cli;

/// <summary>Opens a ledger for the read-only commands (replay, vault): SQLite by path or PostgreSQL by connection string.</summary>
internal static class LedgerOpening
{
    /// <summary>The opened store, or null after writing one "error: ..." line (the caller exits with <see cref="CliApp.ExitFailure"/>).</summary>
    public static async Task<IEventStore?> OpenReadOnlyAsync(string? db, string? postgres, TextWriter stderr)
    {
        LedgerOpenResult opened;
        try
        {
            opened = db is not null
                ? await SqliteEventStore.OpenAsync(new SqliteStoreOptions(db) { ReadOnly = true })
                : await PostgresEventStore.OpenAsync(new PostgresStoreOptions(postgres!));
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or ArgumentException or IOException)
        {
            stderr.WriteLine($"error: cannot open the ledger: {e.Message.ReplaceLineEndings(" ")}");
            return null;
        }

        if (opened.Fault is not null)
        {
            stderr.WriteLine($"error: {opened.Fault.Message}");
            return null;
        }

        return opened.RequireStore();
    }
}
