using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Ballast.Server.Auth;

/// <summary>
/// API keys in a small SQLite file beside the ledger (<c>PATH.keys</c>). Only SHA-256 hashes are stored; the key
/// itself is shown once by <see cref="Create"/>. Lookups are cached in memory; a miss reads the file so keys created
/// by <c>ballast keys create</c> while the server runs work at once.
/// </summary>
public sealed class ApiKeyStore
{
    /// <summary>Prefix of every key (helps secret scanners).</summary>
    public const string Prefix = "blst_";

    private readonly string _connectionString;
    private readonly ConcurrentDictionary<string, ApiKey> _cache = new(StringComparer.Ordinal);

    public ApiKeyStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "CREATE TABLE IF NOT EXISTS api_keys (hash TEXT PRIMARY KEY, role TEXT NOT NULL, account TEXT NOT NULL, created_utc TEXT NOT NULL)";
        cmd.ExecuteNonQuery();
    }

    /// <summary>The keys file.</summary>
    public string Path { get; }

    /// <summary>The keys file that belongs to a ledger file.</summary>
    public static string PathFor(string ledgerPath) => ledgerPath + ".keys";

    /// <summary>Creates a key for <paramref name="role"/> acting as <paramref name="account"/>; returns the plain key (never stored).</summary>
    public string Create(ApiRole role, string account, DateTimeOffset now)
    {
        if (!IsValidAccount(account)) throw new ArgumentException($"account '{account}' must be 1-64 letters, digits, '-', '_' or '.'", nameof(account));
        string key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        string hash = Hash(key);
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO api_keys (hash, role, account, created_utc) VALUES ($h, $r, $a, $t)";
        cmd.Parameters.AddWithValue("$h", hash);
        cmd.Parameters.AddWithValue("$r", role.ToString().ToLowerInvariant());
        cmd.Parameters.AddWithValue("$a", account);
        cmd.Parameters.AddWithValue("$t", now.ToString("O"));
        cmd.ExecuteNonQuery();
        return key;
    }

    /// <summary>The stored key matching a presented one, or null.</summary>
    public ApiKey? Find(string presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 200 || !presented.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        string hash = Hash(presented);
        if (_cache.TryGetValue(hash, out var cached)) return cached;
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT role, account FROM api_keys WHERE hash = $h";
        cmd.Parameters.AddWithValue("$h", hash);
        using var r = cmd.ExecuteReader();
        if (!r.Read() || !Enum.TryParse<ApiRole>(r.GetString(0), ignoreCase: true, out var role)) return null;
        var key = new ApiKey(hash, role, r.GetString(1));
        _cache[hash] = key;
        return key;
    }

    /// <summary>Accounts are short identifiers so they can appear in routes and ledger keys.</summary>
    public static bool IsValidAccount(string? account) =>
        account is { Length: > 0 and <= 64 } && account.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.');

    /// <summary>SHA-256 of the key's UTF-8 bytes, hex.</summary>
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }
}
