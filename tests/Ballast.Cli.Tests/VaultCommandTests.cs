using System.Text.Json;
using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Pool;

namespace Ballast.Cli.Tests;

/// <summary><c>ballast vault status</c>: the liquidity pool rebuilt from a SQLite ledger.</summary>
public sealed class VaultCommandTests : IDisposable
{
    private const long T0 = 1_780_000_000;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ballast-cli-vault-" + Guid.NewGuid().ToString("N")[..12]);
    private string Db => Path.Combine(_dir, "ledger.db");

    public VaultCommandTests() => Directory.CreateDirectory(_dir);

    /// <summary>A vault with 10M capital, one board, a pool (seed to "lp"), a trade and a queued LP deposit, in the ledger.</summary>
    private async Task WriteLedgerAsync(bool openPool = true)
    {
        var admin = new Principal(new AccountId("admin"), Role.Admin);
        var gov = admin with { Role = Role.Governor };
        var oracle = admin with { Role = Role.Oracle };
        long expiry = T0 + 28 * 86_400;
        var commands = new List<Command>
        {
            new OpenVault(admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), VaultParameters.Default),
            new DepositCapital(admin, new AccountId("lp"), Asset.Quote, 10_000_000m),
            new ListBoard(gov, expiry, 0.8),
            new ListStrike(gov, expiry, 3000m, 1.0),
            new UpdateSpot(oracle, 3000, T0),
        };
        if (openPool)
        {
            commands.Add(new OpenPool(admin, [new TrancheConfig("senior", 0, 0.05m), new TrancheConfig("junior", 1, null)], PoolParameters.Default, new AccountId("lp")));
            commands.Add(new RequestLpDeposit(new Principal(new AccountId("carol"), Role.LiquidityProvider), "senior", 250_000m));
        }

        await LedgerScript.WriteAsync(Db, "vault-eth", commands.Select(c => (T0, c)));
    }

    [Fact]
    public async Task Status_prints_nav_each_tranche_share_price_the_queue_and_the_breakers()
    {
        await WriteLedgerAsync();
        var (code, output, err) = CliRun.Invoke("vault", "status", "--db", Db);
        Assert.True(code == 0, err);
        Assert.Contains("NAV: 10,000,000.00", output);
        Assert.Matches(@"senior\s+0\s+5\.00%\s+0\.000000", output);
        Assert.Matches(@"junior\s+1\s+residual\s+10,000,000\.000000\s+10,000,000\.00\s+1\.00000000", output);
        Assert.Contains("circuit breakers: none active", output);
        Assert.Matches(@"#1\s+deposit\s+carol\s+senior\s+250,000\.000000 quote", output);
    }

    [Fact]
    public async Task Status_as_json_carries_the_same_numbers()
    {
        await WriteLedgerAsync();
        var (code, output, err) = CliRun.Invoke("vault", "status", "--db", Db, "--json");
        Assert.True(code == 0, err);
        var pool = JsonDocument.Parse(output).RootElement.GetProperty("pool");
        Assert.Equal(10_000_000m, pool.GetProperty("nav").GetDecimal());
        Assert.Equal(250_000m, pool.GetProperty("queuedDeposits").GetDecimal());
        Assert.Equal("senior", pool.GetProperty("tranches")[0].GetProperty("name").GetString());
        Assert.Equal("Liquidity", pool.GetProperty("breakers")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_vault_without_a_pool_says_so()
    {
        await WriteLedgerAsync(openPool: false);
        var (code, output, _) = CliRun.Invoke("vault", "status", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("liquidity pool: not open", output);
    }

    [Fact]
    public void A_missing_database_or_sub_command_is_a_usage_error()
    {
        CliRun.AssertOneLineUsageError(CliRun.Invoke("vault", "status", "--db", Path.Combine(_dir, "nope.db")));
        CliRun.AssertOneLineUsageError(CliRun.Invoke("vault"));
        CliRun.AssertOneLineUsageError(CliRun.Invoke("vault", "explode"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
