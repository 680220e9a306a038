using System.Text;
using System.Text.Json;
using Ballast.Ledger;
using Ballast.Ledger.Sqlite;
using Microsoft.Data.Sqlite;

namespace Ballast.Cli.Tests;

public sealed class LedgerCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ballast-cli-ledger-" + Guid.NewGuid().ToString("N")[..12]);
    private string Db => Path.Combine(_dir, "ledger.db");

    public LedgerCommandTests() => Directory.CreateDirectory(_dir);

    private async Task WriteLedgerAsync()
    {
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(Db));
        await using var store = opened.RequireStore();
        await store.AppendAsync("vault-1", 0, [new NewRecord("TradeExecuted", 1, "trade-1"u8.ToArray()), new NewRecord("FeesAccrued", 2, "fee-1"u8.ToArray())], "cmd-1");
        await store.AppendAsync("vault-2", 0, [new NewRecord("Deposit", 1, "dep-1"u8.ToArray())], "cmd-2");
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    [Fact]
    public async Task Export_writes_one_json_object_per_record_with_the_payload_in_base64()
    {
        await WriteLedgerAsync();
        var (code, output, _) = Run("ledger", "export", "--db", Db, "--format", "jsonl");
        Assert.Equal(0, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[1]);
        var root = first.RootElement;
        Assert.Equal("vault-1", root.GetProperty("stream").GetString());
        Assert.Equal(2, root.GetProperty("sequence").GetInt64());
        Assert.Equal("FeesAccrued", root.GetProperty("type").GetString());
        Assert.Equal(2, root.GetProperty("version").GetInt32());
        Assert.Equal("cmd-1", root.GetProperty("idempotencyKey").GetString());
        Assert.Equal("fee-1", Encoding.UTF8.GetString(root.GetProperty("payload").GetBytesFromBase64()));
        Assert.Equal(64, root.GetProperty("checksum").GetString()!.Length);
    }

    [Fact]
    public async Task Export_of_one_stream_only_lists_that_stream()
    {
        await WriteLedgerAsync();
        var (code, output, _) = Run("ledger", "export", "--db", Db, "--stream", "vault-2");
        Assert.Equal(0, code);
        Assert.Contains("\"stream\":\"vault-2\"", Assert.Single(output.TrimEnd().Split('\n')));
    }

    [Fact]
    public async Task Verify_labels_its_hash_a_payload_digest_not_the_vaults_state_hash()
    {
        await WriteLedgerAsync();
        var (code, output, _) = Run("ledger", "verify", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("payload digest", output);
        Assert.DoesNotContain("state hash", output);
    }

    [Fact]
    public async Task Verify_reports_a_damaged_record_and_fails()
    {
        await WriteLedgerAsync();
        Assert.Equal(0, Run("ledger", "verify", "--db", Db).Code);
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE records SET payload = X'00' WHERE stream_id = 'vault-1' AND seq = 1";
            cmd.ExecuteNonQuery();
        }

        var (code, output, _) = Run("ledger", "verify", "--db", Db);
        Assert.Equal(1, code);
        Assert.Contains("sequence 1", output);
        Assert.Contains("CORRUPT", output);
        var export = Run("ledger", "export", "--db", Db, "--stream", "vault-1");
        Assert.Equal(1, export.Code);
        Assert.Contains("'vault-1', sequence 1", export.Err);
    }

    [Fact]
    public void A_missing_database_or_option_is_a_usage_error()
    {
        CliRun.AssertOneLineUsageError(Run("ledger", "export", "--db", Path.Combine(_dir, "absent.db")));
        CliRun.AssertOneLineUsageError(Run("ledger", "export"));
        CliRun.AssertOneLineUsageError(Run("ledger", "export", "--db", Db, "--format", "csv"));
        CliRun.AssertOneLineUsageError(Run("ledger", "shred", "--db", Db));
        Assert.False(File.Exists(Path.Combine(_dir, "absent.db")));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); }
        catch (IOException) { }
    }
}
