using System.Security.Cryptography;
using Ballast.Ledger;
using Ballast.Ledger.Postgres;
using Ballast.Ledger.Sqlite;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ballast.Bench;

/// <summary>
/// Ledger throughput, each result per event (ops/s = 1 / mean):
/// <list type="bullet">
/// <item><c>RawBatchedInsert</c> (baseline): one thread inserting the same rows (stream, seq, type, version,
/// 150-byte payload, ts, key, epoch, 32-byte checksum) straight into the same database, 256 rows per durable
/// commit — the database's own rate for this data at this batch size.</item>
/// <item><c>DurableAppends</c>: 256 concurrent appenders (one stream each), single-record appends with expected
/// sequence, every append awaited until durable — group commit, idempotency rows, heads, checksums included.</item>
/// <item><c>DurableTradeCommands</c>: the same with 3-record appends, the shape of one trade command.</item>
/// <item><c>Replay</c>: reading one 100,000-record stream back with checksum-chain verification.</item>
/// </list>
/// PostgreSQL runs when BALLAST_BENCH_POSTGRES or BALLAST_TEST_POSTGRES holds a connection string
/// (<c>eval "$(scripts/pg-test-cluster.sh start)"</c>). Run: <c>dotnet run -c Release --project bench/Ballast.Bench -- --filter '*Ledger*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LedgerBenchmarks
{
    private const int Appenders = 256;
    private const int EventsPerInvoke = 25_600;
    private const int TradesPerAppender = EventsPerInvoke / 3 / Appenders;
    private const int ReplayEvents = 100_000;
    private const int PayloadBytes = 150;

    private static readonly string? PostgresConnection =
        Environment.GetEnvironmentVariable("BALLAST_BENCH_POSTGRES") is { Length: > 0 } b ? b : Environment.GetEnvironmentVariable("BALLAST_TEST_POSTGRES");

    private readonly byte[] _payload = RandomNumberGenerator.GetBytes(PayloadBytes);
    private readonly byte[] _checksum = RandomNumberGenerator.GetBytes(32);
    private string _dir = "";
    private string _schema = "";
    private IEventStore _store = null!;
    private int _round;

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "sqlite";

    public static IEnumerable<string> Databases => PostgresConnection is null ? ["sqlite"] : ["sqlite", "postgres"];

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ballast-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        _schema = "bench_" + Guid.NewGuid().ToString("N")[..8];
        var opened = Database == "sqlite"
            ? SqliteEventStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_dir, "bench.db"))).GetAwaiter().GetResult()
            : PostgresEventStore.OpenAsync(new PostgresStoreOptions(PostgresConnection!) { Schema = _schema }).GetAwaiter().GetResult();
        _store = opened.RequireStore();
        CreateRawTable();

        // The replay stream, written in big appends.
        var chunk = Enumerable.Range(0, 1000).Select(_ => new NewRecord("TradeExecuted", 1, _payload)).ToArray();
        for (int i = 0; i < ReplayEvents / chunk.Length; i++)
            _store.AppendAsync("replay", i * chunk.Length, chunk, $"replay-{i}").GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (Database == "postgres") ExecutePostgres($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke)]
    public void RawBatchedInsert()
    {
        int round = ++_round;
        if (Database == "sqlite") RawSqlite(round); else RawPostgres(round);
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public async Task DurableAppends()
    {
        int round = ++_round;
        var record = new NewRecord[] { new("TradeExecuted", 1, _payload) };
        await Task.WhenAll(Enumerable.Range(0, Appenders).Select(async a =>
        {
            string stream = $"r{round}-a{a}";
            for (int i = 0; i < EventsPerInvoke / Appenders; i++)
            {
                var result = await _store.AppendAsync(stream, i, record, $"c{i}");
                if (result.Outcome != AppendOutcome.Appended) throw new InvalidOperationException(result.Message);
            }
        }));
    }

    /// <summary>A trade command's shape: 3 events (TradeExecuted, InventoryChanged, FeesAccrued) per durable append.</summary>
    [Benchmark(OperationsPerInvoke = TradesPerAppender * 3 * Appenders)]
    public async Task DurableTradeCommands()
    {
        int round = ++_round;
        var records = new NewRecord[] { new("TradeExecuted", 1, _payload), new("InventoryChanged", 1, _payload), new("FeesAccrued", 1, _payload) };
        await Task.WhenAll(Enumerable.Range(0, Appenders).Select(async a =>
        {
            string stream = $"t{round}-a{a}";
            for (int i = 0; i < TradesPerAppender; i++)
            {
                var result = await _store.AppendAsync(stream, i * 3L, records, $"c{i}");
                if (result.Outcome != AppendOutcome.Appended) throw new InvalidOperationException(result.Message);
            }
        }));
    }

    [Benchmark(OperationsPerInvoke = ReplayEvents)]
    public async Task<long> Replay()
    {
        long bytes = 0;
        await foreach (var r in _store.ReadAsync("replay")) bytes += r.Payload.Length;
        return bytes;
    }

    /// <summary>
    /// The same workloads without BenchmarkDotNet (whose boilerplate build times out on the loaded shared VM): each
    /// database, each workload <paramref name="rounds"/> times in this process, median events per second, plus the
    /// group-commit factor (appends per committed batch).
    /// </summary>
    public static void PrintWallClock(int rounds)
    {
        PrintTradeLoad(rounds);
        PrintReplay(rounds);
        if (Environment.GetEnvironmentVariable("BALLAST_BENCH_TRADES_ONLY") == "1") return;
        Console.WriteLine("| Database | raw batched insert, events/s | durable appends (1 record), events/s | durable trade commands (3 records), events/s | appends per batch | verified replay, events/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (string database in Databases)
        {
            var b = new LedgerBenchmarks { Database = database };
            b.Setup();
            try
            {
                double Median(Action run, int events)
                {
                    var rates = new double[rounds];
                    for (int r = 0; r < rounds; r++)
                    {
                        var sw = System.Diagnostics.Stopwatch.StartNew();
                        run();
                        rates[r] = events / sw.Elapsed.TotalSeconds;
                    }

                    Array.Sort(rates);
                    return rates[rounds / 2];
                }

                double raw = Median(b.RawBatchedInsert, EventsPerInvoke);
                long batchesBefore = (b._store as Ballast.Ledger.Storage.GroupCommitEventStore)?.CommittedBatches ?? 0;
                double appends = Median(() => b.DurableAppends().GetAwaiter().GetResult(), EventsPerInvoke);
                long batches = ((b._store as Ballast.Ledger.Storage.GroupCommitEventStore)?.CommittedBatches ?? 0) - batchesBefore;
                double trades = Median(() => b.DurableTradeCommands().GetAwaiter().GetResult(), TradesPerAppender * 3 * Appenders);
                double replay = Median(() => b.Replay().GetAwaiter().GetResult(), ReplayEvents);
                Console.WriteLine($"| {database} | {raw:N0} | {appends:N0} ({appends / raw:P0} of raw) | {trades:N0} ({trades / raw:P0} of raw) | {(double)EventsPerInvoke * rounds / Math.Max(1, batches):F0} | {replay:N0} |");
            }
            finally
            {
                b.Cleanup();
            }
        }
    }

    /// <summary>
    /// Realistic group-commit load: <paramref name="streams"/> vault hosts, each submitting <paramref name="perStream"/>
    /// single-event trade appends at once (the real <c>TradeExecuted</c> v2 payload, a host-style <c>a:{guid}</c> key,
    /// consecutive expected sequences, exactly as <c>VaultHost</c> does for a batch of up to 512 commands) and awaiting
    /// them all before submitting the next set — so streams × perStream appends are in flight. Beside it, the raw peer:
    /// the same rows (same payload bytes, keys, 32-byte checksums) inserted with one prepared statement, one
    /// transaction and one fsync per streams × perStream rows, in the same database file and the same run.
    /// Returns (durable events/s, raw events/s, appends per committed batch), each the median of the rounds.
    /// </summary>
    internal (double Durable, double Raw, double PerBatch, double DurableCpuMicros, double RawCpuMicros) TradeLoad(int streams, int perStream, int setsPerStream, int rounds, bool randomKeys = false)
    {
        var trades = ReplayBenchmarks.Scenario(2_000).OfType<Ballast.Engine.Events.TradeExecuted>()
            .Select(t => Ballast.Ledger.Engine.VaultEventCodec.Instance.Encode(t).ToNewRecord()).ToArray();
        var payloads = trades.Select(t => t.Payload.ToArray()).ToArray();
        var group = (Ballast.Ledger.Storage.GroupCommitEventStore)_store;
        var durable = new double[rounds];
        var raw = new double[rounds];
        var durableCpu = new double[rounds];
        var rawCpu = new double[rounds];
        var process = System.Diagnostics.Process.GetCurrentProcess();
        TimeSpan Cpu() { process.Refresh(); return process.TotalProcessorTime; }
        long batches = 0;
        int events = streams * perStream * setsPerStream;
        for (int round = 0; round < rounds; round++)
        {
            int tag = ++_round;
            long before = group.CommittedBatches;
            var cpu0 = Cpu();
            var sw = System.Diagnostics.Stopwatch.StartNew();
            Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
            {
                string stream = $"v{tag}-{s}";
                var pending = new Task<AppendResult>[perStream];
                long head = 0;
                for (int set = 0; set < setsPerStream; set++)
                {
                    for (int i = 0; i < perStream; i++)
                        pending[i] = _store.AppendAsync(stream, head + i, [trades[(set * perStream + i) % trades.Length]], NewKey(randomKeys));
                    foreach (var t in pending)
                    {
                        var result = await t;
                        if (result.Outcome != AppendOutcome.Appended) throw new InvalidOperationException(result.Message);
                    }

                    head += perStream;
                }
            }))).GetAwaiter().GetResult();
            durable[round] = events / sw.Elapsed.TotalSeconds;
            durableCpu[round] = (Cpu() - cpu0).TotalMicroseconds / events;
            batches += group.CommittedBatches - before;

            if (Database == "sqlite")
            {
                using var c = OpenSqlite();
                using var cmd = c.CreateCommand();
                cmd.CommandText = "INSERT INTO raw_records VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8)";
                for (int i = 1; i <= 8; i++) cmd.Parameters.Add(new SqliteParameter("$" + i, null));
                var keys = Enumerable.Range(0, events).Select(_ => NewKey(randomKeys)).ToArray();
                var names = Enumerable.Range(0, streams).Select(s => $"raw{tag}-{s}").ToArray();
                cpu0 = Cpu();
                sw.Restart();
                for (int set = 0; set < setsPerStream; set++)
                {
                    using var tx = c.BeginTransaction(deferred: false);
                    cmd.Transaction = tx;
                    for (int s = 0; s < streams; s++)
                    {
                        for (int i = 0; i < perStream; i++)
                        {
                            var r = trades[(set * perStream + i) % trades.Length];
                            cmd.Parameters[0].Value = names[s]; cmd.Parameters[1].Value = (long)set * perStream + i + 1;
                            cmd.Parameters[2].Value = r.EventType; cmd.Parameters[3].Value = r.EventVersion;
                            cmd.Parameters[4].Value = payloads[(set * perStream + i) % trades.Length]; cmd.Parameters[5].Value = 638_000_000_000_000_000L;
                            cmd.Parameters[6].Value = keys[(set * streams + s) * perStream + i]; cmd.Parameters[7].Value = _checksum;
                            cmd.ExecuteNonQuery();
                        }
                    }

                    tx.Commit();
                }

                raw[round] = events / sw.Elapsed.TotalSeconds;
                rawCpu[round] = (Cpu() - cpu0).TotalMicroseconds / events;
            }
        }

        Array.Sort(durable);
        Array.Sort(raw);
        Array.Sort(durableCpu);
        Array.Sort(rawCpu);
        return (durable[rounds / 2], raw[rounds / 2], (double)events * rounds / Math.Max(1, batches), durableCpu[rounds / 2], rawCpu[rounds / 2]);
    }

    /// <summary>
    /// Checked replay of a realistic stream: the seeded engine scenario (≈ 90 % trades, binary v2 payloads), one
    /// command (one idempotency key) per event as a vault host writes it. Rows: the store's verified read
    /// (sequence + SHA-256 chain), and the whole engine recovery (verified read + decode + apply, no snapshot).
    /// Wall clock and process CPU time (both cores), median of the rounds.
    /// </summary>
    public static void PrintReplay(int rounds)
    {
        const int count = 100_000;
        var b = new LedgerBenchmarks { Database = "sqlite" };
        b.Setup();
        try
        {
            var events = ReplayBenchmarks.Scenario(count);
            var records = events.Select(e => Ballast.Ledger.Engine.VaultEventCodec.Instance.Encode(e).ToNewRecord()).ToArray();
            for (int at = 0; at < records.Length; at += 4096)
            {
                var chunk = Enumerable.Range(at, Math.Min(4096, records.Length - at))
                    .Select(i => b._store.AppendAsync("scenario", i, [records[i]], NewKey(false))).ToArray();
                Task.WaitAll(chunk);
            }

            Console.WriteLine($"| SQLite checked replay, {records.Length:N0} events, 1 key per event | wall events/s | events per CPU-second (process) |");
            Console.WriteLine("|---|---:|---:|");
            void Row(string name, Func<Task> run)
            {
                run().GetAwaiter().GetResult(); // warm-up: JIT, page cache
                var wall = new double[rounds];
                var cpu = new double[rounds];
                var process = System.Diagnostics.Process.GetCurrentProcess();
                for (int r = 0; r < rounds; r++)
                {
                    process.Refresh();
                    var cpu0 = process.TotalProcessorTime;
                    var sw = System.Diagnostics.Stopwatch.StartNew();
                    run().GetAwaiter().GetResult();
                    wall[r] = records.Length / sw.Elapsed.TotalSeconds;
                    process.Refresh();
                    cpu[r] = records.Length / (process.TotalProcessorTime - cpu0).TotalSeconds;
                }

                Array.Sort(wall);
                Array.Sort(cpu);
                Console.WriteLine($"| {name} | {wall[rounds / 2]:N0} | {cpu[rounds / 2]:N0} |");
            }

            Row("rows only (`ReadAsync`, verify: false)", async () => { long n = 0; await foreach (var r in b._store.ReadAsync("scenario", verify: false)) n += r.Sequence; });
            Row("verified read (`ReadAsync`, verify: true)", async () => { long n = 0; await foreach (var r in b._store.ReadAsync("scenario")) n += r.Sequence; });
            Row("engine recovery (`VaultRecovery.RecoverAsync`: verified read + decode + apply)", async () =>
            {
                var recovered = await Ballast.Ledger.Engine.VaultRecovery.RecoverAsync(b._store, "scenario");
                if (recovered.TailEvents != records.Length) throw new InvalidOperationException($"recovered {recovered.TailEvents} events");
            });
        }
        finally
        {
            b.Cleanup();
        }

        Console.WriteLine();
    }

    /// <summary>The <see cref="TradeLoad"/> table: 1,024 and 4,096 trade appends in flight over 2 and 8 vault streams.</summary>
    public static void PrintTradeLoad(int rounds)
    {
        Console.WriteLine("| Database | in flight (streams × appends), command keys | durable trade events/s | raw batched insert of the same rows, events/s | durable ÷ raw | appends per fsync | process CPU µs/event, durable / raw |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (string database in Databases)
        {
            var b = new LedgerBenchmarks { Database = database };
            b.Setup();
            try
            {
                b.TradeLoad(2, 512, 2, 1); // warm-up: JIT, page cache, WAL file
                foreach (var (streams, perStream, randomKeys) in new[] { (2, 512, false), (8, 512, false), (8, 512, true) })
                {
                    var (durable, raw, perBatch, durableCpu, rawCpu) = b.TradeLoad(streams, perStream, 40_960 / (streams * perStream), rounds, randomKeys);
                    Console.WriteLine($"| {database} | {streams * perStream:N0} ({streams} × {perStream}), {(randomKeys ? "random UUIDv4" : "time-ordered UUIDv7")} | {durable:N0} | {(raw > 0 ? raw.ToString("N0") : "—")} | {(raw > 0 ? (durable / raw).ToString("P0") : "—")} | {perBatch:F0} | {durableCpu:F1} / {(raw > 0 ? rawCpu.ToString("F1") : "—")} |");
                }
            }
            finally
            {
                b.Cleanup();
            }
        }

        Console.WriteLine();
    }

    /// <summary>
    /// A command key: time-ordered as <c>IdempotencyKeys.Automatic</c> makes them (UUIDv7), or random like a caller's
    /// UUIDv4 key, which lands anywhere in the ledger's command index (a page touched per key instead of a few per batch).
    /// </summary>
    private static string NewKey(bool randomKeys) => "a:" + (randomKeys ? Guid.NewGuid() : Guid.CreateVersion7()).ToString("N");

    private void CreateRawTable()
    {
        const string columns = "stream_id TEXT NOT NULL, seq BIGINT NOT NULL, event_type TEXT NOT NULL, event_version INTEGER NOT NULL, payload {0} NOT NULL, ts BIGINT NOT NULL, idempotency_key TEXT NOT NULL, writer_epoch BIGINT NOT NULL, checksum {0} NOT NULL, PRIMARY KEY (stream_id, seq)";
        if (Database == "sqlite")
        {
            using var c = OpenSqlite();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE TABLE IF NOT EXISTS raw_records ({string.Format(columns, "BLOB")}) WITHOUT ROWID";
            cmd.ExecuteNonQuery();
        }
        else ExecutePostgres($"CREATE TABLE {_schema}.raw_records ({string.Format(columns, "bytea")})");
    }

    private SqliteConnection OpenSqlite()
    {
        var c = new SqliteConnection($"Data Source={Path.Combine(_dir, "bench.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
        cmd.ExecuteNonQuery();
        return c;
    }

    private void RawSqlite(int round)
    {
        using var c = OpenSqlite();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO raw_records VALUES ($1, $2, 'TradeExecuted', 1, $3, $4, $5, 0, $6)";
        for (int i = 1; i <= 6; i++) cmd.Parameters.Add(new SqliteParameter("$" + i, null));
        for (int batch = 0; batch < EventsPerInvoke / Appenders; batch++)
        {
            using var tx = c.BeginTransaction(deferred: false);
            cmd.Transaction = tx;
            for (int a = 0; a < Appenders; a++)
            {
                cmd.Parameters[0].Value = $"r{round}-a{a}"; cmd.Parameters[1].Value = batch + 1; cmd.Parameters[2].Value = _payload;
                cmd.Parameters[3].Value = 638_000_000_000_000_000L; cmd.Parameters[4].Value = $"c{batch}"; cmd.Parameters[5].Value = _checksum;
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    private void RawPostgres(int round)
    {
        using var ds = NpgsqlDataSource.Create(PostgresConnection!);
        using var c = ds.OpenConnection();
        var streams = Enumerable.Range(0, Appenders).Select(a => $"r{round}-a{a}").ToArray();
        var payloads = Enumerable.Repeat(_payload, Appenders).ToArray();
        var checksums = Enumerable.Repeat(_checksum, Appenders).ToArray();
        for (int batch = 0; batch < EventsPerInvoke / Appenders; batch++)
        {
            using var tx = c.BeginTransaction();
            using var cmd = new NpgsqlCommand($"""
                INSERT INTO {_schema}.raw_records
                SELECT s, $2, 'TradeExecuted', 1, p, 638000000000000000, $3, 0, k FROM unnest($1::text[], $4::bytea[], $5::bytea[]) AS u(s, p, k)
                """, c, tx);
            cmd.Parameters.Add(new NpgsqlParameter { Value = streams });
            cmd.Parameters.Add(new NpgsqlParameter { Value = (long)batch + 1 });
            cmd.Parameters.Add(new NpgsqlParameter { Value = $"c{batch}" });
            cmd.Parameters.Add(new NpgsqlParameter { Value = payloads });
            cmd.Parameters.Add(new NpgsqlParameter { Value = checksums });
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
    }

    private static void ExecutePostgres(string sql)
    {
        using var ds = NpgsqlDataSource.Create(PostgresConnection!);
        using var cmd = ds.CreateCommand(sql);
        cmd.ExecuteNonQuery();
    }
}
