using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ballast.Engine.Pool;
using Ballast.Ledger;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Sqlite;

namespace Ballast.Cli;

/// <summary>
/// <c>ballast vault status --db PATH [--vault ID] [--at UNIX] [--json]</c>: rebuilds a vault from a SQLite ledger
/// (read-only) and prints its liquidity pool: NAV at GWAV vols (or the deficit), utilisation, each tranche's share
/// price, the queues and the circuit breakers. Valued at the last event's time unless <c>--at</c> is given, so the
/// output is a function of the ledger alone.
/// <c>ballast vault report --db PATH [--vault ID] [--at UNIX] [--json]</c>: replays the whole ledger and prints the LP
/// report: per tranche the share price, APY over 7 days, 30 days and since inception, maximum drawdown, and the pool's
/// fee income vs option PnL vs hedge PnL (<see cref="PoolReportBuilder"/>).
/// Exit codes: 0 printed, 1 the ledger cannot be read, 2 usage error.
/// </summary>
public static class VaultCommand
{
    private const string Usage = "usage: ballast vault status|report --db PATH [--vault ID] [--at UNIX_SECONDS] [--json]";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        if (argv.Length == 0 || argv[0] is not ("status" or "report"))
            throw new CliUsageException(argv.Length == 0 ? $"vault needs a sub-command ({Usage})" : $"unknown vault sub-command '{argv[0]}' ({Usage})");
        var args = new CliArgs(argv[1..], "json");
        string db = args.Require("db");
        string? vault = args.Optional("vault");
        long at = args.OptionalLong("at", long.MinValue);
        bool json = args.Flag("json");
        args.EnsureAllUsed();
        if (!File.Exists(db)) throw new CliUsageException($"--db: no such file '{db}'");
        if (vault is { Length: 0 }) throw new CliUsageException("--vault: empty id");
        return RunAsync(argv[0] == "report", db, vault, at, json, stdout, stderr).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(bool report, string db, string? vault, long at, bool json, TextWriter stdout, TextWriter stderr)
    {
        var opened = await LedgerOpening.OpenReadOnlyAsync(db, null, stderr);
        if (opened is null) return CliApp.ExitFailure;
        await using var store = opened;
        var streams = await store.ListStreamsAsync();
        if (vault is null)
        {
            if (streams.Count != 1) throw new CliUsageException($"the ledger holds {streams.Count} vaults ({string.Join(", ", streams)}); pick one with --vault");
            vault = streams[0];
        }
        else if (!streams.Contains(vault))
        {
            throw new CliUsageException($"--vault: no stream '{vault}' in the ledger ({streams.Count} stream(s))");
        }

        if (report) return await ReportAsync(store, vault, at, json, stdout, stderr);
        var recovered = await VaultRecovery.RecoverAsync(store, vault);
        if (recovered.Fault is not null)
        {
            stderr.WriteLine($"error: vault '{vault}' could not be rebuilt: {recovered.Fault}");
            return CliApp.ExitFailure;
        }

        long now = at == long.MinValue ? recovered.State.LastEventTime : at;
        if (now < recovered.State.LastEventTime)
            throw new CliUsageException($"--at {now} is before the vault's last event at {recovered.State.LastEventTime}");
        var status = PoolStatus.Of(recovered.State, now);
        if (json) stdout.WriteLine(JsonSerializer.Serialize(new { vault, events = recovered.LastSequence, pool = status }, Json));
        else WriteText(vault, recovered.LastSequence, status, stdout);
        return CliApp.ExitOk;
    }

    private static async Task<int> ReportAsync(IEventStore store, string vault, long at, bool json, TextWriter stdout, TextWriter stderr)
    {
        var (report, events, fault) = await PoolReportReplay.BuildAsync(store, vault, at == long.MinValue ? null : at);
        if (fault is not null)
        {
            stderr.WriteLine($"error: vault '{vault}' could not be replayed: {fault}");
            return CliApp.ExitFailure;
        }

        if (at != long.MinValue && report!.Time != at)
            throw new CliUsageException($"--at {at} is before the vault's last event at {report.Time}");
        if (json) stdout.WriteLine(JsonSerializer.Serialize(new { vault, events, report }, Json));
        else WriteReport(vault, events, report!, stdout);
        return CliApp.ExitOk;
    }

    private static void WriteReport(string vault, long events, PoolReportSummary r, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"vault '{vault}': {events} events, report at {DateTimeOffset.FromUnixTimeSeconds(r.Time):yyyy-MM-dd HH:mm:ss}Z ({r.Time})"));
        if (!r.IsOpen)
        {
            o.WriteLine("liquidity pool: not open (an Admin sends OpenPool)");
            return;
        }

        static string Pct(double? x) => x is double v ? (v * 100).ToString("F2", CultureInfo.InvariantCulture) + "%" : "n/a";
        o.WriteLine(string.Create(c, $"pool opened {DateTimeOffset.FromUnixTimeSeconds(r.Inception):yyyy-MM-dd HH:mm:ss}Z; NAV now {r.Nav:N2}"));
        o.WriteLine();
        o.WriteLine($"{"tranche",-12} {"share price",16} {"APY 7d",10} {"APY 30d",10} {"APY incep.",10} {"max drawdown",13} {"samples",8}");
        foreach (var t in r.Tranches)
            o.WriteLine(string.Create(c, $"{t.Name,-12} {t.SharePrice,16:F8} {Pct(t.Apy7Days),10} {Pct(t.Apy30Days),10} {Pct(t.ApySinceInception),10} {Pct(t.MaxDrawdown),13} {t.History.Count,8}"));
        o.WriteLine();
        o.WriteLine($"{"attribution (quote)",-20} {"fee income",18} {"option PnL",18} {"hedge PnL",18} {"total",18}");
        foreach (var (name, a) in new[] { ("last 7 days", r.Last7Days), ("last 30 days", r.Last30Days), ("since inception", r.SinceInception) })
            o.WriteLine(string.Create(c, $"{name,-20} {a.FeeIncome,18:N2} {a.OptionPnl,18:N2} {a.HedgePnl,18:N2} {a.Total,18:N2}"));
    }

    private static void WriteText(string vault, long events, PoolStatus s, TextWriter o)
    {
        var c = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(c, $"vault '{vault}': {events} events, valued at {DateTimeOffset.FromUnixTimeSeconds(s.Time):yyyy-MM-dd HH:mm:ss}Z ({s.Time})"));
        if (!s.IsOpen)
        {
            o.WriteLine("liquidity pool: not open (an Admin sends OpenPool)");
            return;
        }

        if (s.NavProblem is not null) o.WriteLine($"NAV: not computable ({s.NavProblem})");
        else if (s.IsInsolvent) o.WriteLine(string.Create(c, $"NAV: 0 — INSOLVENT, deficit {s.Deficit:N2}"));
        else o.WriteLine(string.Create(c, $"NAV: {s.Nav:N2} (book valued at GWAV vols)"));
        o.WriteLine(string.Create(c, $"free liquidity: {s.FreeLiquidity:N2}   burnable: {s.BurnableLiquidity:N2}   utilisation: {s.Utilisation * 100:F2}%   Greek cache: {(s.IsGreekCacheFresh ? "fresh" : "STALE (queues wait)")}"));
        o.WriteLine(string.Create(c, $"queued deposits: {s.QueuedDeposits:N2}   reserved for queued withdrawals: {s.ReservedForQueuedWithdrawals:N2}"));
        o.WriteLine();
        o.WriteLine($"{"tranche",-12} {"priority",8} {"target APR",10} {"shares",22} {"claim",20} {"share price",16}");
        foreach (var t in s.Tranches)
            o.WriteLine(string.Create(c, $"{t.Name,-12} {t.Priority,8} {(t.TargetApr is decimal apr ? (apr * 100).ToString("F2", c) + "%" : "residual"),10} {t.Shares,22:N6} {t.Claim,20:N2} {t.SharePrice,16:F8}"));
        o.WriteLine();
        o.WriteLine($"circuit breakers: {(s.Breakers.Any(b => b.IsActive) ? string.Join(", ", s.Breakers.Where(b => b.IsActive).Select(b => $"{b.Kind} until {b.ActiveUntil}")) : "none active")}");
        o.WriteLine($"queue: {(s.Queue.Count == 0 ? "empty" : $"{s.Queue.Count} request(s)")}");
        foreach (var q in s.Queue)
            o.WriteLine(string.Create(c, $"  #{q.Id,-5} {(q.IsDeposit ? "deposit" : "withdraw"),-8} {q.Account,-14} {q.Tranche,-10} {q.Amount,20:N6} {(q.IsDeposit ? "quote" : "shares"),-6} due after {q.DueAfter}"));
    }
}
