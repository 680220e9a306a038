using System.Text.Json;
using Ballast.Ledger;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Postgres;
using Xunit.Abstractions;

namespace Ballast.Cli.Tests;

/// <summary>
/// <c>ballast replay --postgres CONN</c> against the throwaway PostgreSQL that ./test.sh starts (connection string in
/// BALLAST_TEST_POSTGRES, see .ci/test-deps.sh). Without it each test writes why to its output and returns.
/// </summary>
public sealed class ReplayPostgresTests(ITestOutputHelper output)
{
    private const string Variable = "BALLAST_TEST_POSTGRES";
    private static readonly string? Connection = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    // One stream per test run, in the store's default schema (what `replay --postgres` opens).
    private readonly string _stream = "cli-replay-" + Guid.NewGuid().ToString("N")[..12];

    private bool Unavailable()
    {
        if (Connection is not null) return false;
        output.WriteLine($"skipped: {Variable} is not set; run ./test.sh (it starts a throwaway PostgreSQL via scripts/pg-test-cluster.sh) or eval \"$(scripts/pg-test-cluster.sh start)\"");
        return true;
    }

    /// <summary>Writes the small vault script and a snapshot at <paramref name="snapshotAt"/>; returns its state hash and event count.</summary>
    private async Task<(string Hash, int Events)> WriteVaultAsync(long snapshotAt)
    {
        var opened = await PostgresEventStore.OpenAsync(new PostgresStoreOptions(Connection!));
        Assert.Null(opened.Fault);
        await using var store = opened.RequireStore();
        var (hash, events) = await SmallVaultScript.AppendAsync(store, _stream);
        Assert.Equal(SnapshotSaveOutcome.Saved, await VaultRecovery.SaveSnapshotAsync(store, _stream, snapshotAt));
        return (hash, events);
    }

    [Fact]
    public async Task Replay_postgres_rebuilds_from_the_snapshot_and_tail_and_verifies_the_stream()
    {
        if (Unavailable()) return;
        var (hash, events) = await WriteVaultAsync(snapshotAt: 6);

        var (code, text, err) = CliRun.Invoke("replay", "--postgres", Connection!, "--vault", _stream, "--verify");

        Assert.True(code == 0, text + err);
        Assert.Contains($"stream '{_stream}': {events} events (head {events}), state hash {hash} (snapshot at 6 + {events - 6} events)", text);
        Assert.Contains("checksum chain: ok", text);
        Assert.Contains("sequence gaps: none", text);
        Assert.Contains("snapshots: 1 agree, 0 disagree", text);
        Assert.Contains($"money conservation: holds after each of {events} events", text);
        Assert.Contains("recovered state = full replay: yes", text);
    }

    [Fact]
    public async Task Replay_postgres_json_reports_the_same_hash_as_the_live_vault()
    {
        if (Unavailable()) return;
        var (hash, events) = await WriteVaultAsync(snapshotAt: 3);

        var (code, text, err) = CliRun.Invoke("replay", "--postgres", Connection!, "--vault", _stream, "--json");

        Assert.True(code == 0, text + err);
        using var doc = JsonDocument.Parse(text);
        var vault = Assert.Single(doc.RootElement.GetProperty("vaults").EnumerateArray());
        Assert.Equal(hash, vault.GetProperty("stateHash").GetString());
        Assert.Equal(events, vault.GetProperty("events").GetInt64());
        Assert.Equal(3, vault.GetProperty("snapshotSequence").GetInt64());
    }

    [Fact]
    public void Replay_postgres_with_an_unreachable_server_fails_with_one_error_line()
    {
        // Needs no server: a closed port on loopback.
        var (code, text, err) = CliRun.Invoke("replay", "--postgres", "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2");
        Assert.Equal(1, code);
        Assert.Empty(text);
        Assert.StartsWith("error: cannot open the ledger:", err);
    }
}
