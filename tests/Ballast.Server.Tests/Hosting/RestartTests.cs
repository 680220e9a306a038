using System.Net.Http.Json;
using Ballast.Server.Tests.Support;

namespace Ballast.Server.Tests.Hosting;

/// <summary>Trades acknowledged before a stop are in the ledger after a restart on the same SQLite file.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Trades_acknowledged_before_a_stop_are_present_after_restart_with_the_same_state_hash()
    {
        string folder = Path.Combine(Path.GetTempPath(), "ballast-server-tests", "restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            var acknowledged = new List<long>();
            string hash;
            string series;
            using (var first = new BallastFactory(folder: folder))
            {
                await Http.FundAlice(first);
                var c = first.ClientAs("trader");
                series = await Http.SeriesName(c, 2750m, "put");
                var fills = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
                {
                    var m = new HttpRequestMessage(HttpMethod.Post, "/v1/trades") { Content = JsonContent.Create(new { series, side = "buy", size = 0.5 + i, maxCost = 1_000_000m }) };
                    m.Headers.Add("Idempotency-Key", $"restart-{i}");
                    var r = await c.SendAsync(m);
                    Assert.Equal(200, (int)r.StatusCode);
                    return (await Http.JsonOf(r)).GetProperty("sequence").GetInt64();
                }));
                acknowledged.AddRange(fills);
                hash = first.Host.StateHash();
            }

            using var second = new BallastFactory(folder: folder);
            Assert.Equal(hash, second.Host.StateHash());
            var recent = await Http.JsonOf(await second.CreateClient().GetAsync("/v1/trades/recent?limit=50"));
            var sequences = recent.EnumerateArray().Select(t => t.GetProperty("sequence").GetInt64()).ToHashSet();
            Assert.All(acknowledged, s => Assert.Contains(s, sequences));

            // The idempotency keys survive too: a retry after the restart gets the original fill, not a second trade.
            var retry = new HttpRequestMessage(HttpMethod.Post, "/v1/trades") { Content = JsonContent.Create(new { series, side = "buy", size = 0.5, maxCost = 1_000_000m }) };
            retry.Headers.Add("Idempotency-Key", "restart-0");
            var again = await second.ClientAs("trader").SendAsync(retry);
            Assert.Equal(200, (int)again.StatusCode);
            Assert.Equal(acknowledged[0], (await Http.JsonOf(again)).GetProperty("sequence").GetInt64());
            Assert.Equal(hash, second.Host.StateHash());
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
