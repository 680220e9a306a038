using Ballast.Server.Tests.Support;

namespace Ballast.Server.Tests.Api;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_key_over_its_rate_gets_429_problem_details()
    {
        using var f = new BallastFactory(new() { ["Ballast:RateLimitPerSecond"] = "1" });
        var c = f.ClientAs("trader");
        var statuses = new List<int>();
        for (int i = 0; i < 5; i++) statuses.Add((int)(await c.GetAsync("/v1/markets")).StatusCode);
        Assert.Contains(200, statuses);
        var r = await c.GetAsync("/v1/markets");
        await Http.AssertProblem(r, 429);
        // Another key has its own bucket.
        Assert.Equal(200, (int)(await f.ClientAs("bob").GetAsync("/v1/markets")).StatusCode);
    }
}
