using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ballast.Server.Auth;
using Ballast.Server.Tests.Support;
using Xunit.Abstractions;

namespace Ballast.Server.Tests.Load;

/// <summary>
/// Loopback load test, bounded in time: quote endpoint req/s and p99 against the bare <c>/ping</c> endpoint in the
/// same run, and durable trades/s over HTTP. Short by default (~1.5 s per phase); <c>BALLAST_LONG=1</c> runs 15 s
/// phases. Numbers go to the test output (and bench/README.md by hand); no timing is asserted — only that every
/// request succeeded.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private static readonly bool Long = Environment.GetEnvironmentVariable("BALLAST_LONG") == "1";
    private static readonly TimeSpan Phase = Long ? TimeSpan.FromSeconds(15) : TimeSpan.FromSeconds(1.5);
    // Before any phase, every endpoint runs for this long so tiered JIT and dynamic PGO have compiled the whole
    // pipeline: with only a 0.3 s warm-up the first phases measured partly unoptimised code (CPU per request 2–4× higher).
    private static readonly TimeSpan WarmUp = Long ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(2);
    private const int Workers = 32;
    // Durable trades are bound by fsync latency, so throughput comes from how many commands share one commit.
    private const int TradeWorkers = 128;

    // CpuMicroseconds: process CPU time (client and server together, all threads) per request. Unlike req/s it does not
    // count time spent waiting for a core that another job holds, so it is the steadier figure on a shared machine.
    private sealed record Result(string Name, long Requests, long Failures, double Seconds, double P50Ms, double P99Ms, double CpuMicroseconds)
    {
        public double PerSecond => Requests / Seconds;

        public override string ToString() => $"| {Name} | {PerSecond:F0} | {P50Ms:F2} | {P99Ms:F2} | {CpuMicroseconds:F0} | {Failures} |";
    }

    private static async Task WarmUpAsync(HttpClient client, TimeSpan duration, params Func<HttpClient, int, long, Task<bool>>[] calls)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async w =>
        {
            long i = 0;
            while (clock.Elapsed < duration) await calls[(int)(i % calls.Length)](client, w, i++);
        }));
    }

    private static async Task<Result> Run(string name, HttpClient client, Func<HttpClient, int, long, Task<bool>> call, int workers = Workers)
    {
        // Warm up (JIT, connections) for a fraction of the phase, then measure.
        var warm = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w => { long i = 0; while (warm.Elapsed < TimeSpan.FromMilliseconds(300)) await call(client, w, i++); }));
        var latencies = new List<long>[workers];
        long failures = 0;
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = latencies[w] = new List<long>(100_000);
            long i = 0;
            while (clock.Elapsed < Phase)
            {
                long t0 = Stopwatch.GetTimestamp();
                bool ok = await call(client, w, i++);
                mine.Add(Stopwatch.GetTimestamp() - t0);
                if (!ok) Interlocked.Increment(ref failures);
            }
        }));
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Ms(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new Result(name, all.Length, failures, seconds, Ms(0.50), Ms(0.99), all.Length == 0 ? 0 : cpuSeconds * 1e6 / all.Length);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static HttpClient Client(LiveServer server) => new(new SocketsHttpHandler { MaxConnectionsPerServer = TradeWorkers, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = new Uri(server.Url),
    };

    [Fact]
    public async Task Quotes_against_a_bare_endpoint_and_durable_trades_on_loopback()
    {
        string loadAtStart = LoadAverage();
        await using var server = await LiveServer.StartAsync("--Ballast:RateLimitPerSecond=10000000", "--Ballast:AnonymousRateLimitPerSecond=10000000",
            "--Ballast:StreamIntervalMilliseconds=1000");
        var keys = new ApiKeyStore(Path.Combine(server.Folder, "ledger.db.keys"));
        string traderKey = keys.Create(ApiRole.Trader, "load", DateTimeOffset.UtcNow);
        using var client = Client(server);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", traderKey);
        (await client.PostAsJsonAsync("/v1/accounts/load/deposits", new { asset = "quote", amount = 100_000_000m })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/v1/accounts/load/deposits", new { asset = "base", amount = 100_000m })).EnsureSuccessStatusCode();
        string series = await Http.SeriesName(client);
        string quoteUrl = $"/v1/quotes?series={series}&side=buy&size=1";

        Func<HttpClient, int, long, Task<bool>> ping = async (c, _, _) =>
        {
            using var r = await c.GetAsync("/ping");
            return r.IsSuccessStatusCode;
        };
        Func<HttpClient, int, long, Task<bool>> quote = async (c, _, _) =>
        {
            using var r = await c.GetAsync(quoteUrl);
            return r.IsSuccessStatusCode;
        };
        Func<HttpClient, int, long, Task<bool>> trade = async (c, w, i) =>
        {
            // Alternate buys and sells so the book stays inside its caps however long the run.
            bool buy = (w + i) % 2 == 0;
            using var r = await c.PostAsJsonAsync("/v1/trades", buy
                ? new { series, side = "buy", size = 0.01, maxCost = (decimal?)1_000_000m, minProceeds = (decimal?)null }
                : new { series, side = "sell", size = 0.01, maxCost = (decimal?)null, minProceeds = (decimal?)0m });
            return r.IsSuccessStatusCode;
        };
        await WarmUpAsync(client, WarmUp, ping, quote, trade);
        var bare = await Run("bare GET /ping", client, ping);
        var quotes = await Run("GET /v1/quotes", client, quote);
        var trades = await Run("POST /v1/trades (durable)", client, trade, TradeWorkers);

        output.WriteLine($"loopback, {Workers} concurrent clients, {WarmUp.TotalSeconds} s warm-up of all endpoints, {Phase.TotalSeconds} s per phase, {Environment.ProcessorCount} cores (client and server share them)");
        output.WriteLine($"load average (1, 5, 15 min) at the start: {loadAtStart}; at the end: {LoadAverage()}");
        output.WriteLine("| endpoint | req/s | p50 ms | p99 ms | CPU µs/req (client+server) | failures |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in new[] { bare, quotes, trades }) output.WriteLine(r.ToString());
        output.WriteLine($"quotes / bare = {quotes.PerSecond / bare.PerSecond:P0}");
        long head = server.Services.GetService(typeof(Ballast.Ledger.Hosting.VaultHost)) is Ballast.Ledger.Hosting.VaultHost h ? h.Head : 0;
        output.WriteLine($"ledger head after the run: {head}");

        Assert.Equal(0, bare.Failures);
        Assert.Equal(0, quotes.Failures);
        Assert.Equal(0, trades.Failures);
    }
}
