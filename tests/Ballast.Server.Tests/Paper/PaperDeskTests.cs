using System.Text.Json;
using Ballast.Server.Tests.Support;

namespace Ballast.Server.Tests.Paper;

/// <summary>Paper mode on a fresh machine: the pool opens, LPs' queued requests get processed by the keeper, the hedger books perp fills.</summary>
public sealed class PaperDeskTests
{
    [Fact]
    public async Task Paper_mode_opens_the_pool_processes_lp_requests_and_hedges_on_the_paper_perp()
    {
        await using var server = await LiveServer.StartAsync("--Ballast:Paper=true", "--Ballast:PaperTickMilliseconds=50");
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement pool = default, hedges = default;
        bool processed = false, hedged = false;
        while (DateTime.UtcNow < deadline && !(processed && hedged))
        {
            pool = JsonDocument.Parse(await client.GetStringAsync("/v1/pool")).RootElement;
            hedges = JsonDocument.Parse(await client.GetStringAsync("/v1/hedges")).RootElement;
            // Paper LPs hold shares beyond the seed only once the keeper processed one of their queued deposits.
            processed = pool.GetProperty("open").GetBoolean()
                && pool.GetProperty("tranches").EnumerateArray().Any(t => t.GetProperty("name").GetString() == "senior" && t.GetProperty("shares").GetDecimal() > 0);
            hedged = hedges.GetProperty("venues").EnumerateArray().Any(v => v.GetProperty("venue").GetString() == "paper-perp" && v.GetProperty("quantity").GetDecimal() != 0);
            if (!(processed && hedged)) await Task.Delay(200);
        }

        Assert.True(processed, $"no processed senior deposit: {pool}");
        Assert.True(hedged, $"no paper-perp position: {hedges}");
        Assert.Equal(["senior", "junior"], pool.GetProperty("tranches").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(4, pool.GetProperty("breakers").GetArrayLength());
        Assert.True(hedges.GetProperty("feesPaid").GetDecimal() > 0);
    }
}
