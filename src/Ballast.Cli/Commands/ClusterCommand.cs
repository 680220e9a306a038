using System.Globalization;
using Ballast.Cluster.Clustering;
using Ballast.Cluster.Hosting;
using Ballast.Cluster.Load;
using Ballast.Ledger;
using Ballast.Ledger.Postgres;
using Ballast.Ledger.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Ballast.Cli;

/// <summary>
/// <c>ballast cluster silo|drive|bench</c>: runs vaults as Orleans grains (Ballast.Cluster).
/// <list type="bullet">
/// <item><c>silo [--db PATH | --postgres CONN] [--clustering localhost|postgres] [--silo-port N] [--gateway-port N]
/// [--primary-port N] [--cluster-id ID] [--for SECONDS] [--urls URL]</c>: one silo; localhost clustering by default, ADO.NET
/// membership on PostgreSQL (the same CONN) with <c>--clustering postgres</c>. Several processes need the shared
/// PostgreSQL ledger. <c>--urls</c> adds a small HTTP front on the grains (<see cref="ClusterHttp"/>).</item>
/// <item><c>drive [--gateways P1,P2,..] [--clustering postgres --postgres CONN] [--vaults N] [--trades N]
/// [--concurrency N] [--run TAG] [--audit]</c>: a client sending idempotent trades to many vaults through any node,
/// retrying through failures; <c>--audit</c> (needs <c>--postgres</c>) compares every vault with a ledger replay.</item>
/// <item><c>bench [--silos 1,2,3] [--vaults N] [--trades N] [--concurrency N] [--postgres CONN]</c>: throughput of 1..N
/// in-process silos on loopback.</item>
/// </list>
/// </summary>
public static class ClusterCommand
{
    private const string Usage = "usage: ballast cluster silo|drive|bench [options] (see README 'Cluster')";

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        if (argv.Length == 0 || argv[0] is not ("silo" or "drive" or "bench")) throw new CliUsageException(Usage);
        var a = new CliArgs(argv[1..], "audit");
        return argv[0] switch
        {
            "silo" => RunSilo(a, stdout, stderr),
            "drive" => Drive(a, stdout, stderr),
            _ => Bench(a, stdout, stderr),
        };
    }

    private static int RunSilo(CliArgs a, TextWriter stdout, TextWriter stderr)
    {
        string? db = a.Optional("db");
        string? postgres = a.Optional("postgres");
        bool pgClustering = a.Choice("clustering", "localhost", "localhost", "postgres") == "postgres";
        int siloPort = Port(a, "silo-port", 11111);
        int gatewayPort = Port(a, "gateway-port", 30000);
        int? primary = a.Has("primary-port") ? Port(a, "primary-port", 0) : null;
        string clusterId = a.Optional("cluster-id") ?? "ballast";
        long seconds = a.OptionalLong("for", 0);
        string? urls = a.Optional("urls");
        a.EnsureAllUsed();
        if (urls is not null && !Uri.TryCreate(urls.Split(';')[0], UriKind.Absolute, out _)) throw new CliUsageException($"--urls '{urls}' is not a URL");
        if (db is not null && postgres is not null) throw new CliUsageException("give --db or --postgres, not both");
        if (pgClustering && postgres is null) throw new CliUsageException("--clustering postgres needs --postgres CONN (membership and ledger live there)");
        if (postgres is null && (pgClustering || primary is not null))
            throw new CliUsageException("several silo processes need a shared ledger: give --postgres CONN");
        if (seconds < 0) throw new CliUsageException("--for must be ≥ 0 seconds (0 = until stopped)");
        return RunSiloAsync(db, postgres, pgClustering, siloPort, gatewayPort, primary, clusterId, seconds, urls, stdout, stderr).GetAwaiter().GetResult();
    }

    private static async Task<int> RunSiloAsync(string? db, string? postgres, bool pgClustering, int siloPort, int gatewayPort, int? primary,
        string clusterId, long seconds, string? urls, TextWriter stdout, TextWriter stderr)
    {
        if (pgClustering && await PostgresClusteringSchema.ApplyAsync(postgres!) is { } schemaError)
        {
            stderr.WriteLine($"error: {schemaError}");
            return CliApp.ExitFailure;
        }

        await using var store = await OpenLedgerAsync(db ?? Path.Combine("ballast-data", "cluster-ledger.db"), postgres, stderr);
        if (store is null) return CliApp.ExitFailure;
        var settings = new SiloSettings
        {
            ClusterId = clusterId, ServiceId = clusterId, SiloPort = siloPort, GatewayPort = gatewayPort, PrimarySiloPort = primary,
            PostgresClustering = pgClustering ? postgres : null,
        };
        var services = new VaultGrainServices(store, TimeProvider.System);
        using var host = urls is null ? BallastSilo.Build(settings, services, LogLevel.Warning) : WebSilo(settings, services, urls);
        await host.StartAsync();
        stdout.WriteLine(FormattableString.Invariant(
            $"ballast cluster silo: cluster '{clusterId}', silo port {siloPort}, gateway {gatewayPort}, {(pgClustering ? "PostgreSQL membership" : primary is null ? "localhost clustering (primary)" : $"localhost clustering (primary on {primary})")}, ledger {(postgres is null ? "SQLite" : "PostgreSQL")}{(urls is null ? "" : $", HTTP on {urls}")}"));
        stdout.Flush();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stop = seconds > 0 ? Task.Delay(TimeSpan.FromSeconds(seconds)) : Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping);
        try
        {
            await Task.WhenAny(stop, Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping));
        }
        catch (OperationCanceledException)
        {
            // SIGTERM / Ctrl-C: fall through to a graceful stop.
        }

        await host.StopAsync();
        stdout.WriteLine("ballast cluster silo: stopped");
        return CliApp.ExitOk;
    }

    private static IHost WebSilo(SiloSettings settings, VaultGrainServices services, string urls)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(urls);
        BallastSilo.AddTo(builder, settings, services, LogLevel.Warning);
        var app = builder.Build();
        ClusterHttp.Map(app);
        return app;
    }

    private static int Drive(CliArgs a, TextWriter stdout, TextWriter stderr)
    {
        string? postgres = a.Optional("postgres");
        bool pgClustering = a.Choice("clustering", "localhost", "localhost", "postgres") == "postgres";
        var gateways = Ports(a.Optional("gateways") ?? "30000", "gateways");
        string clusterId = a.Optional("cluster-id") ?? "ballast";
        var options = DriveOptions(a) with { RunTag = a.Optional("run") ?? "run" };
        bool audit = a.Flag("audit");
        a.EnsureAllUsed();
        if ((pgClustering || audit) && postgres is null) throw new CliUsageException("--clustering postgres and --audit need --postgres CONN");
        return DriveAsync(clusterId, gateways, pgClustering ? postgres : null, audit ? postgres : null, options, stdout, stderr).GetAwaiter().GetResult();
    }

    private static async Task<int> DriveAsync(string clusterId, IReadOnlyList<int> gateways, string? pgClustering, string? auditLedger,
        DriveOptions options, TextWriter stdout, TextWriter stderr)
    {
        using var client = BallastClusterClient.Build(clusterId, clusterId, gateways, pgClustering);
        await client.StartAsync();
        var grains = client.Services.GetRequiredService<Orleans.IClusterClient>();
        var result = await TradeDriver.RunAsync(grains, options, line =>
        {
            stdout.WriteLine($"ballast cluster drive: {line}");
            stdout.Flush();
        });
        stdout.WriteLine(Summary(result));
        int exit = result.Failed == 0 ? CliApp.ExitOk : CliApp.ExitFailure;
        if (auditLedger is not null)
        {
            await using var store = await OpenLedgerAsync(null, auditLedger, stderr);
            if (store is null) return CliApp.ExitFailure;
            var (problems, trades) = await LedgerAudit.CheckAsync(grains, store, options.VaultIds());
            foreach (string p in problems) stderr.WriteLine($"audit: {p}");
            stdout.WriteLine(problems.Count == 0
                ? $"audit: all {options.Vaults} vaults equal a fresh ledger replay; {trades} trades in the ledger; writer epochs never go back"
                : $"audit: {problems.Count} vaults disagree with the ledger");
            if (trades != result.Acknowledged)
                stdout.WriteLine($"audit: the ledger holds {trades} trades and this run acknowledged {result.Acknowledged} (earlier runs on the same ledger add to the first)");
            else stdout.WriteLine($"audit: every acknowledged trade is in the ledger exactly once ({trades})");
            if (problems.Count > 0) exit = CliApp.ExitFailure;
        }

        await client.StopAsync();
        return exit;
    }

    private static int Bench(CliArgs a, TextWriter stdout, TextWriter stderr)
    {
        var silos = Ports(a.Optional("silos") ?? "1,2,3", "silos");
        string? postgres = a.Optional("postgres");
        var options = DriveOptions(a);
        a.EnsureAllUsed();
        if (silos.Any(n => n is < 1 or > 8)) throw new CliUsageException("--silos: each count must be 1..8");
        return BenchAsync(silos, postgres, options, stdout, stderr).GetAwaiter().GetResult();
    }

    private static async Task<int> BenchAsync(IReadOnlyList<int> silos, string? postgres, DriveOptions options, TextWriter stdout, TextWriter stderr)
    {
        string folder = Path.Combine(Path.GetTempPath(), "ballast-cluster-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        stdout.WriteLine(FormattableString.Invariant(
            $"ballast cluster bench: {options.Vaults} vaults x {options.TradesPerVault} trades, {options.Concurrency} in flight, ledger {(postgres is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cores"));
        stdout.WriteLine("silos  trades  seconds  trades/s  retries  vaults per silo");
        int exit = CliApp.ExitOk;
        try
        {
            foreach (int n in silos)
            {
                // A fresh ledger per row so every row starts from empty vaults.
                string? pgSchema = postgres is null ? null : $"bench_{Guid.NewGuid():N}"[..20];
                await using var store = postgres is null
                    ? await OpenLedgerAsync(Path.Combine(folder, $"ledger-{n}.db"), null, stderr)
                    : await OpenPostgresAsync(postgres, pgSchema!, stderr);
                if (store is null) return CliApp.ExitFailure;
                var (r, problems) = await ClusterBench.RunAsync(n, options, store, TimeProvider.System);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{n,5}  {r.Acknowledged,6}  {r.Elapsed.TotalSeconds,7:F2}  {r.TradesPerSecond,8:F0}  {r.Retries,7}  {string.Join(" ", r.VaultsPerSilo.Values)}"));
                stdout.Flush();
                foreach (string p in problems) stderr.WriteLine($"audit: {p}");
                if (problems.Count > 0 || r.Failed > 0) exit = CliApp.ExitFailure;
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }

        return exit;
    }

    private static string Summary(DriveResult r) => string.Create(CultureInfo.InvariantCulture,
        $"ballast cluster drive: {r.Acknowledged} trades acknowledged, {r.Rejected} rejected, {r.Failed} failed, {r.Retries} retries across {r.Vaults} vaults in {r.Elapsed.TotalSeconds:F1} s ({r.TradesPerSecond:F0} trades/s); vaults per silo: {string.Join(", ", r.VaultsPerSilo.Select(kv => $"{kv.Key} {kv.Value}"))}");

    private static DriveOptions DriveOptions(CliArgs a)
    {
        var o = new DriveOptions
        {
            Vaults = (int)Math.Clamp(a.OptionalLong("vaults", 24), 0, 100_000),
            TradesPerVault = (int)Math.Clamp(a.OptionalLong("trades", 20), 0, 1_000_000),
            Concurrency = (int)Math.Clamp(a.OptionalLong("concurrency", 32), 0, 10_000),
        };
        if (o.Vaults < 1 || o.TradesPerVault < 1 || o.Concurrency < 1) throw new CliUsageException("--vaults, --trades and --concurrency must be ≥ 1");
        return o;
    }

    private static int Port(CliArgs a, string name, int fallback)
    {
        long p = a.OptionalLong(name, fallback);
        if (p is < 1 or > 65535) throw new CliUsageException($"--{name}: {p} is not a TCP port");
        return (int)p;
    }

    private static int[] Ports(string text, string name)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]) || values[i] is < 1 or > 65535)
                throw new CliUsageException($"--{name}: '{parts[i]}' is not a whole number in 1..65535");
        }

        if (values.Length == 0) throw new CliUsageException($"--{name} needs at least one value");
        return values;
    }

    private static async Task<IEventStore?> OpenLedgerAsync(string? db, string? postgres, TextWriter stderr)
    {
        if (postgres is not null) return await OpenPostgresAsync(postgres, new PostgresStoreOptions(postgres).Schema, stderr);
        string path = Path.GetFullPath(db!);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(path));
        if (opened.Store is null) stderr.WriteLine($"error: ledger {path}: {opened.Fault}");
        return opened.Store;
    }

    private static async Task<IEventStore?> OpenPostgresAsync(string connection, string schema, TextWriter stderr)
    {
        var opened = await PostgresEventStore.OpenAsync(new PostgresStoreOptions(connection) { Schema = schema });
        if (opened.Store is null) stderr.WriteLine($"error: PostgreSQL ledger: {opened.Fault}");
        return opened.Store;
    }
}
