using System.Text.Json;
using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Ledger;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Sqlite;
using Ballast.Pricing;

namespace Ballast.Cli.Tests;

public sealed class ReplayCommandTests : IDisposable
{
    private const long T0 = 1_780_000_000;
    private const long Expiry = T0 + 7 * 86_400;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ballast-cli-replay-" + Guid.NewGuid().ToString("N")[..12]);
    private string Db => Path.Combine(_dir, "ledger.db");

    public ReplayCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Invoke(args);

    /// <summary>Writes a small vault (open, fund, list, spot, two trades) the way a host does; returns the live state's hash and event count.</summary>
    private async Task<(string Hash, int Events)> WriteVaultAsync(string stream = "vault-eth", long snapshotAt = 0, Func<IEventStore, int, Task>? extra = null)
    {
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(Db));
        await using var store = opened.RequireStore();
        var (hash, events) = await SmallVaultScript.AppendAsync(store, stream);
        if (snapshotAt > 0) Assert.Equal(SnapshotSaveOutcome.Saved, await VaultRecovery.SaveSnapshotAsync(store, stream, snapshotAt));
        if (extra is not null) await extra(store, events);
        return (hash, events);
    }

    [Fact]
    public async Task Replay_prints_the_state_hash_and_event_count_of_the_live_vault()
    {
        var (hash, events) = await WriteVaultAsync();
        var (code, output, err) = Run("replay", "--db", Db);
        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Contains($"stream 'vault-eth': {events} events (head {events}), state hash {hash}", output);
        Assert.Contains("ok: 1 vault(s) replayed", output);
    }

    [Fact]
    public async Task Replay_verify_json_reports_chain_snapshot_money_and_recovery_agreement()
    {
        var (hash, events) = await WriteVaultAsync(snapshotAt: 5);
        var (code, output, _) = Run("replay", "--db", Db, "--vault", "vault-eth", "--verify", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var vault = Assert.Single(doc.RootElement.GetProperty("vaults").EnumerateArray());
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(hash, vault.GetProperty("stateHash").GetString());
        Assert.Equal(events, vault.GetProperty("events").GetInt64());
        Assert.Equal(5, vault.GetProperty("snapshotSequence").GetInt64());
        var verify = vault.GetProperty("verify");
        Assert.True(verify.GetProperty("chainOk").GetBoolean());
        Assert.Equal(0, verify.GetProperty("sequenceGaps").GetInt32());
        Assert.Equal(1, verify.GetProperty("snapshotsAgreeing").GetInt32());
        Assert.True(verify.GetProperty("moneyConserved").GetBoolean());
        Assert.True(verify.GetProperty("recoveredMatchesFullReplay").GetBoolean());
        Assert.Equal(hash, verify.GetProperty("fullReplayStateHash").GetString());
    }

    [Fact]
    public async Task Replay_verify_fails_with_exit_1_when_a_forged_event_creates_money()
    {
        var (_, events) = await WriteVaultAsync(extra: async (store, events) =>
        {
            var forged = new Ballast.Engine.Events.CollateralWithdrawn(T0, new AccountId("alice"), Asset.Quote, 10_000_000m);
            await store.AppendAsync("vault-eth", events, [VaultEventCodec.Instance.Encode(forged).ToNewRecord()], "forged");
        });
        var (code, output, _) = Run("replay", "--db", Db, "--verify");
        Assert.Equal(1, code);
        Assert.Contains($"money conservation: FAILED at sequence {events + 1}", output);
        Assert.Contains("FAILED: see above", output);
    }

    [Fact]
    public async Task Ledger_export_prints_engine_events_decoded_as_json()
    {
        await WriteVaultAsync();
        var (code, output, _) = Run("ledger", "export", "--db", Db);
        Assert.Equal(0, code);
        using var first = JsonDocument.Parse(output.Split('\n')[1]);
        Assert.Equal("CapitalDeposited", first.RootElement.GetProperty("type").GetString());
        var e = first.RootElement.GetProperty("event");
        Assert.Equal("CapitalDeposited", e.GetProperty("type").GetString());
        Assert.Equal(1_000_000m, e.GetProperty("Amount").GetDecimal());
        Assert.False(first.RootElement.TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task Bad_input_is_a_one_line_usage_error()
    {
        CliRun.AssertOneLineUsageError(Run("replay", "--db", Path.Combine(_dir, "absent.db")));
        CliRun.AssertOneLineUsageError(Run("replay"));
        CliRun.AssertOneLineUsageError(Run("replay", "--db", "x.db", "--postgres", "Host=localhost"));
        CliRun.AssertOneLineUsageError(Run("replay", "--db", Db, "--frobnicate"));
        await WriteVaultAsync();
        CliRun.AssertOneLineUsageError(Run("replay", "--db", Db, "--vault", "vault-btc"));
    }
}
