using System.Text.Json;
using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Pool;

namespace Ballast.Cli.Tests;

/// <summary>
/// <c>ballast vault report</c>: the LP report replayed from a SQLite ledger. The script has no options, so by hand: day 0
/// seed 1,000,000 junior shares at 1 and 100,000 senior at 1; day 73 (0.2 year) senior is owed 101,000 (price 1.01,
/// APY 1.01^5 − 1 = 5.10 %), junior 0.999; a 100,000-share junior withdrawal pays a 1 % fee of 999 to the pool, so
/// junior ends at (1,001,099 − 101,000)/900,000 = 1.00011 and fee income is 999.
/// </summary>
public sealed class VaultReportCommandTests : IDisposable
{
    private const long Day = 86_400;
    private const long Midnight = 20_602 * Day;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ballast-cli-report-" + Guid.NewGuid().ToString("N")[..12]);
    private string Db => Path.Combine(_dir, "ledger.db");

    public VaultReportCommandTests() => Directory.CreateDirectory(_dir);

    private async Task WriteLedgerAsync()
    {
        var admin = new Principal(new AccountId("admin"), Role.Admin);
        var gov = admin with { Role = Role.Governor };
        var oracle = admin with { Role = Role.Oracle };
        var commands = new List<(long Time, Command Command)>
        {
            (Midnight, new OpenVault(admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), VaultParameters.Default)),
            (Midnight, new DepositCapital(admin, new AccountId("lp"), Asset.Quote, 1_000_000m)),
            (Midnight, new ListBoard(gov, Midnight + 100 * Day, 0.8)),
            (Midnight, new UpdateSpot(oracle, 3000, Midnight)),
            (Midnight, new OpenPool(admin, [new TrancheConfig("senior", 0, 0.05m), new TrancheConfig("junior", 1, null)],
                PoolParameters.Default with { InstantMode = true }, new AccountId("lp"))),
            (Midnight, new RequestLpDeposit(new Principal(new AccountId("carol"), Role.LiquidityProvider), "senior", 100_000m, Instant: true)),
            (Midnight + 73 * Day, new UpdateSpot(oracle, 3000, Midnight + 73 * Day)),
            (Midnight + 73 * Day, new RequestLpWithdrawal(new Principal(new AccountId("lp"), Role.LiquidityProvider), "junior", 100_000m, Instant: true)),
        };
        await LedgerScript.WriteAsync(Db, "vault-eth", commands);
    }

    [Fact]
    public async Task Report_prints_each_tranche_price_apy_drawdown_and_the_attribution()
    {
        await WriteLedgerAsync();
        var (code, output, err) = CliRun.Invoke("vault", "report", "--db", Db);
        Assert.True(code == 0, err);
        Assert.Matches(@"senior\s+1\.01000000\s+\d+\.\d\d%\s+\d+\.\d\d%\s+5\.10%\s+0\.00%\s+75", output);
        Assert.Matches(@"junior\s+1\.00011000\s+5\.43%\s+0\.85%\s+0\.06%\s+0\.10%\s+75", output);
        Assert.Matches(@"since inception\s+999\.00\s+0\.00\s+0\.00\s+999\.00", output);
    }

    [Fact]
    public async Task Report_as_json_carries_the_history_and_the_same_numbers()
    {
        await WriteLedgerAsync();
        var (code, output, err) = CliRun.Invoke("vault", "report", "--db", Db, "--json", "--at", (Midnight + 80 * Day).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(code == 0, err);
        var report = JsonDocument.Parse(output).RootElement.GetProperty("report");
        var junior = report.GetProperty("tranches")[1];
        Assert.Equal("junior", junior.GetProperty("name").GetString());
        // Seven more midnights after day 73 (days 74..80, the last one the report time).
        Assert.Equal(75 + 7, junior.GetProperty("history").GetArrayLength());
        Assert.Equal(999m, report.GetProperty("sinceInception").GetProperty("feeIncome").GetDecimal());
        Assert.Equal(1_001_099m, report.GetProperty("nav").GetDecimal());
    }

    [Fact]
    public async Task Report_before_the_last_event_is_a_usage_error()
    {
        await WriteLedgerAsync();
        CliRun.AssertOneLineUsageError(CliRun.Invoke("vault", "report", "--db", Db, "--at", "1"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
