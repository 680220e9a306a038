using System.Net.Http.Headers;
using Ballast.Server.Auth;
using Ballast.Ledger.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ballast.Server.Tests.Support;

/// <summary>
/// The real server (Program → BallastServer.Build) on an in-memory TestServer with a fresh SQLite ledger in a temp
/// folder, plus one API key per role. Trader "alice" is funded at start; "bob" is a second trader for cross-account tests.
/// </summary>
public sealed class BallastFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings;
    private readonly bool _ownsFolder;

    public BallastFactory(Dictionary<string, string>? settings = null, string? folder = null)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "ballast-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        _settings = new Dictionary<string, string>
        {
            ["Ballast:DataFolder"] = Folder,
            ["Ballast:RateLimitPerSecond"] = "1000000",
            ["Ballast:AnonymousRateLimitPerSecond"] = "1000000",
            ["Ballast:StreamIntervalMilliseconds"] = "100",
        };
        foreach (var (k, v) in settings ?? []) _settings[k] = v;
        var store = new ApiKeyStore(Path.Combine(Folder, "ledger.db.keys"));
        var now = DateTimeOffset.UtcNow;
        Keys = new Dictionary<string, string>
        {
            ["trader"] = KeyFor(store, "trader", ApiRole.Trader, "alice", now),
            ["bob"] = KeyFor(store, "bob", ApiRole.Trader, "bob", now),
            ["lp"] = KeyFor(store, "lp", ApiRole.Lp, "lp-1", now),
            ["oracle"] = KeyFor(store, "oracle", ApiRole.Oracle, "oracle-1", now),
            ["governor"] = KeyFor(store, "governor", ApiRole.Governor, "gov-1", now),
            ["admin"] = KeyFor(store, "admin", ApiRole.Admin, "admin-1", now),
            ["keeper"] = KeyFor(store, "keeper", ApiRole.Keeper, "keeper-1", now),
        };
    }

    /// <summary>The data folder (ledger.db and ledger.db.keys).</summary>
    public string Folder { get; }

    /// <summary>Plain keys by name: trader (alice), bob, lp, oracle, governor, admin.</summary>
    public Dictionary<string, string> Keys { get; }

    public VaultHost Host => Services.GetRequiredService<VaultHost>();

    private Dictionary<string, string> KeysOnDisk { get; } = [];

    private string KeyFor(ApiKeyStore store, string name, ApiRole role, string account, DateTimeOffset now)
    {
        // Keys persist in the folder so a restarted factory on the same folder reuses them.
        string file = Path.Combine(Folder, $"{name}.key");
        if (File.Exists(file)) return File.ReadAllText(file);
        string key = store.Create(role, account, now);
        File.WriteAllText(file, key);
        return key;
    }

    /// <summary>A client sending <paramref name="keyName"/>'s key (null: no key).</summary>
    public HttpClient ClientAs(string? keyName)
    {
        var c = CreateClient();
        if (keyName is not null) c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Keys[keyName]);
        return c;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
