using Microsoft.Data.Sqlite;

namespace Ballast.Ledger.Sqlite;

/// <summary>
/// Copies the WAL back into the database file on its own connection and thread, so the group-commit writer's
/// transactions never pay for it. The writer connection runs with <c>wal_autocheckpoint=0</c> and signals after each
/// commit; this thread then runs a PASSIVE checkpoint, which works beside the writer (SQLite docs, "Write-Ahead
/// Logging" §3 "Checkpointing" and <c>sqlite3_wal_checkpoint_v2</c>: PASSIVE takes no writer lock).
/// </summary>
/// <remarks>
/// Durability is unchanged: a commit is durable once its WAL frames are fsynced (synchronous=FULL on the writer); the
/// checkpoint only moves durable pages into the main file (and fsyncs it, synchronous=FULL here too). If checkpoints
/// fail (e.g. disk full) the WAL keeps growing but stays valid; <see cref="Failed"/> tells the writer to fall back to
/// checkpointing in its own commits.
/// </remarks>
internal sealed class SqliteCheckpointer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly Thread _thread;
    private volatile bool _stopping;

    public SqliteCheckpointer(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        SqliteEventStore.Execute(_connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;");
        _thread = new Thread(Run) { IsBackground = true, Name = "ledger-wal-checkpoint" };
        _thread.Start();
    }

    /// <summary>True once a checkpoint failed: the writer should checkpoint in its own commits again.</summary>
    public bool Failed { get; private set; }

    /// <summary>A commit added frames to the WAL (signals coalesce while a checkpoint runs).</summary>
    public void Signal()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { }
    }

    private void Run()
    {
        while (true)
        {
            _signal.Wait();
            if (_stopping) return;
            try
            {
                SqliteEventStore.Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE);");
            }
            catch (SqliteException)
            {
                Failed = true;
                return;
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        Signal();
        _thread.Join();
        _connection.Dispose();
        _signal.Dispose();
    }
}
