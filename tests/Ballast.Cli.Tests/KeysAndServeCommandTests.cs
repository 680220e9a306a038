using Ballast.Server.Auth;

namespace Ballast.Cli.Tests;

public sealed class KeysAndServeCommandTests
{
    [Fact]
    public void Keys_create_prints_a_key_once_and_stores_only_its_hash()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ballast-cli-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            string db = Path.Combine(dir, "ledger.db");
            var (code, stdout, _) = CliRun.Invoke("keys", "create", "--role", "oracle", "--account", "feed-1", "--db", db);
            Assert.Equal(0, code);
            string key = stdout.Trim();
            Assert.StartsWith(ApiKeyStore.Prefix, key);
            var store = new ApiKeyStore(ApiKeyStore.PathFor(db));
            var found = store.Find(key);
            Assert.NotNull(found);
            Assert.Equal(ApiRole.Oracle, found.Role);
            Assert.Equal("feed-1", found.Account);
            Assert.DoesNotContain(key, Convert.ToHexString(File.ReadAllBytes(ApiKeyStore.PathFor(db))));
            Assert.DoesNotContain(key, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(ApiKeyStore.PathFor(db))));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    [Theory]
    [InlineData("keys", "create", "--role", "wizard")]
    [InlineData("keys", "create", "--role", "trader", "--account", "has space")]
    [InlineData("keys", "delete")]
    [InlineData("serve", "--db", "a.db", "--postgres", "Host=x")]
    [InlineData("serve", "--config", "/no/such/file.json")]
    [InlineData("serve", "--bogus", "1")]
    public void Bad_keys_and_serve_arguments_are_usage_errors(params string[] args)
    {
        var (code, _, err) = CliRun.Invoke(args);
        Assert.Equal(2, code);
        Assert.Contains("error", err);
    }
}
