using System.Net.Http.Json;
using Ballast.Server.Tests.Support;
using Xunit.Abstractions;

namespace Ballast.Server.Tests.Hosting;

/// <summary>The same restart guarantee with the ledger on PostgreSQL (server named by BALLAST_TEST_POSTGRES; skipped without it).</summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Trades_acknowledged_before_a_stop_are_present_after_restart_on_postgres()
    {
        string? connection = Environment.GetEnvironmentVariable("BALLAST_TEST_POSTGRES");
        if (string.IsNullOrEmpty(connection))
        {
            output.WriteLine("SKIPPED: BALLAST_TEST_POSTGRES is not set (./test.sh starts a throwaway cluster through .ci/test-deps.sh).");
            return;
        }

        string folder = Path.Combine(Path.GetTempPath(), "ballast-server-tests", "pg-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["Ballast:Postgres"] = connection,
            ["Ballast:PostgresSchema"] = "server_" + Guid.NewGuid().ToString("N")[..12],
        };
        try
        {
            long sequence;
            string hash;
            using (var first = new BallastFactory(settings, folder))
            {
                await Http.FundAlice(first);
                var c = first.ClientAs("trader");
                string series = await Http.SeriesName(c);
                var r = await c.PostAsJsonAsync("/v1/trades", new { series, side = "buy", size = 1.5, maxCost = 1_000_000m });
                Assert.Equal(200, (int)r.StatusCode);
                sequence = (await Http.JsonOf(r)).GetProperty("sequence").GetInt64();
                hash = first.Host.StateHash();
            }

            using var second = new BallastFactory(settings, folder);
            Assert.Equal(hash, second.Host.StateHash());
            var recent = await Http.JsonOf(await second.CreateClient().GetAsync("/v1/trades/recent"));
            Assert.Contains(recent.EnumerateArray(), t => t.GetProperty("sequence").GetInt64() == sequence);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
