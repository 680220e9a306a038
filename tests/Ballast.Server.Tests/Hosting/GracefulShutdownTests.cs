using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ballast.Server.Auth;
using Ballast.Server.Tests.Support;

namespace Ballast.Server.Tests.Hosting;

/// <summary>Stopping while trades are in flight: every trade that got a 200 is in the ledger when the server comes back.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Every_trade_acknowledged_while_stopping_survives_the_restart()
    {
        string folder = Path.Combine(Path.GetTempPath(), "ballast-server-tests", "stop-" + Guid.NewGuid().ToString("N"));
        try
        {
            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<long>();
            await using (var server = await LiveServer.StartInAsync(folder))
            {
                string key = new ApiKeyStore(Path.Combine(folder, "ledger.db.keys")).Create(ApiRole.Trader, "alice", DateTimeOffset.UtcNow);
                using var client = new HttpClient { BaseAddress = new Uri(server.Url) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                (await client.PostAsJsonAsync("/v1/accounts/alice/deposits", new { asset = "quote", amount = 10_000_000m })).EnsureSuccessStatusCode();
                string series = await Http.SeriesName(client);
                var senders = Enumerable.Range(0, 16).Select(async w =>
                {
                    for (int i = 0; i < 200; i++)
                    {
                        try
                        {
                            var r = await client.PostAsJsonAsync("/v1/trades", new { series, side = "buy", size = 0.01, maxCost = 1_000m });
                            if ((int)r.StatusCode == 200) acknowledged.Add((await Http.JsonOf(r)).GetProperty("sequence").GetInt64());
                        }
                        catch (HttpRequestException)
                        {
                            return; // the server stopped listening
                        }
                    }
                }).ToArray();
                await Task.Delay(300);
                await server.StopAsync();
                await Task.WhenAll(senders);
            }

            Assert.NotEmpty(acknowledged);
            await using var again = await LiveServer.StartInAsync(folder);
            var host = (Ballast.Ledger.Hosting.VaultHost)again.Services.GetService(typeof(Ballast.Ledger.Hosting.VaultHost))!;
            Assert.True(host.Head >= acknowledged.Max(), $"ledger head {host.Head} is behind acknowledged sequence {acknowledged.Max()}");
            var tradeSequences = await ReadTradeSequences((Ballast.Ledger.IEventStore)again.Services.GetService(typeof(Ballast.Ledger.IEventStore))!, host.StreamId);
            Assert.All(acknowledged, s => Assert.Contains(s, tradeSequences));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<HashSet<long>> ReadTradeSequences(Ballast.Ledger.IEventStore store, string stream)
    {
        var set = new HashSet<long>();
        await foreach (var record in store.ReadAsync(stream))
        {
            if (record.EventType == "TradeExecuted") set.Add(record.Sequence);
        }

        return set;
    }
}
