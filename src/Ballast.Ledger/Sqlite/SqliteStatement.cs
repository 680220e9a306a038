using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ballast.Ledger.Sqlite;

/// <summary>
/// A prepared statement used through SQLite's own C API (SQLitePCLRaw, the layer under Microsoft.Data.Sqlite) on a
/// connection Microsoft.Data.Sqlite opened: parameters bound by position and columns read as spans of the page cache.
/// </summary>
/// <remarks>
/// Why not <c>SqliteCommand</c> on the hot paths: it binds every parameter by name (<c>sqlite3_bind_parameter_index</c>,
/// a linear search, so a 576-parameter multi-row insert spent ≈ 25 µs per row binding), wraps each step in a data
/// reader, and copies every BLOB and TEXT column into a new array or string. Here a row costs the C calls alone
/// (SQLite docs, "Binding Values To Prepared Statements", "Result Values From A Query"). Statements run inside whatever
/// transaction the connection has open, so Microsoft.Data.Sqlite still owns <c>BEGIN IMMEDIATE</c>/<c>COMMIT</c>.
/// </remarks>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        // SQLITE_PREPARE_PERSISTENT: the statement lives as long as the store, so let SQLite keep it off its lookaside.
        int rc = raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _stmt);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_stmt, index, value));

    /// <summary>Binds a BLOB (an empty one as a zero-length BLOB, never as NULL).</summary>
    public void Bind(int index, ReadOnlySpan<byte> blob) =>
        Check(blob.IsEmpty ? raw.sqlite3_bind_zeroblob(_stmt, index, 0) : raw.sqlite3_bind_blob(_stmt, index, blob));

    /// <summary>Binds UTF-8 text (ids and keys are at most 200 characters, so the encoding stays on the stack).</summary>
    public void Bind(int index, string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        Span<byte> utf8 = max <= 1024 ? stackalloc byte[max] : new byte[max];
        int n = Encoding.UTF8.GetBytes(text, utf8);
        Check(raw.sqlite3_bind_text(_stmt, index, utf8[..n]));
    }

    /// <summary>Runs a statement that returns no rows, then resets it for the next use.</summary>
    public void Execute()
    {
        int rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Steps to the next row: true while there is one (read it with the column accessors before stepping again).</summary>
    public bool Step()
    {
        int rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(_stmt);
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return false;
    }

    /// <summary>Ends the current query so the statement can be bound and run again.</summary>
    public void Reset() => raw.sqlite3_reset(_stmt);

    public long Int64(int column) => raw.sqlite3_column_int64(_stmt, column);

    /// <summary>The column's bytes (BLOB, or TEXT as UTF-8), valid only until the next step or reset.</summary>
    public ReadOnlySpan<byte> Span(int column) => raw.sqlite3_column_blob(_stmt, column);

    public void Dispose() => _stmt.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
