using System.Text.Json;
using Ballast.Server.Tests.Support;

namespace Ballast.Server.Tests.Api;

/// <summary>The liquidity pool over HTTP: open, LP deposits and withdrawals (instant and queued), cancel, status, roles.</summary>
public sealed class PoolEndpointTests(FundedVaultFixture fixture) : IClassFixture<FundedVaultFixture>
{
    private const string OpenBody = """
        {"tranches":[{"name":"senior","priority":0,"targetApr":0.05},{"name":"junior","priority":1}],
         "seedOwner":"seed-lp","instantMode":true}
        """;

    private HttpClient As(string? who) => fixture.Factory.ClientAs(who);

    private async Task EnsureOpenAsync()
    {
        var status = await Http.JsonOf(await As(null).GetAsync("/v1/pool"));
        if (status.GetProperty("open").GetBoolean()) return;
        var r = await As("admin").PostAsync("/v1/pool/open", Http.Json(OpenBody));
        Assert.Equal(200, (int)r.StatusCode);
    }

    private static decimal Shares(JsonElement lp, string tranche) =>
        lp.GetProperty("holdings").EnumerateArray().Single(h => h.GetProperty("tranche").GetString() == tranche).GetProperty("shares").GetDecimal();

    [Fact]
    public async Task Opening_the_pool_shows_nav_and_the_tranche_share_prices_to_anyone()
    {
        await EnsureOpenAsync();
        var status = await Http.JsonOf(await As(null).GetAsync("/v1/pool"));
        Assert.True(status.GetProperty("nav").GetDecimal() > 9_000_000m);
        var tranches = status.GetProperty("tranches").EnumerateArray().ToArray();
        Assert.Equal(["senior", "junior"], tranches.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(status.GetProperty("nav").GetDecimal(), tranches.Sum(t => t.GetProperty("claim").GetDecimal()));
        Assert.Equal(4, status.GetProperty("breakers").GetArrayLength());
        await Http.AssertProblem(await As("admin").PostAsync("/v1/pool/open", Http.Json(OpenBody)), 422);
    }

    [Fact]
    public async Task An_lp_deposits_and_withdraws_instantly_at_the_share_price()
    {
        await EnsureOpenAsync();
        var deposited = await Http.JsonOf(await As("lp").PostAsync("/v1/pool/lps/lp-1/deposits", Http.Json("""{"tranche":"senior","amount":5000,"instant":true}""")));
        decimal shares = Shares(deposited.GetProperty("lp"), "senior");
        Assert.True(shares > 0);

        var r = await As("lp").PostAsync("/v1/pool/lps/lp-1/withdrawals",
            Http.Json($$"""{"tranche":"senior","amount":{{shares.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"instant":true}"""));
        Assert.Equal(200, (int)r.StatusCode);
        var lp = (await Http.JsonOf(r)).GetProperty("lp");
        Assert.Equal(0m, Shares(lp, "senior"));
    }

    [Fact]
    public async Task A_queued_deposit_shows_in_the_queue_until_its_owner_cancels_it()
    {
        await EnsureOpenAsync();
        var body = await Http.JsonOf(await As("lp").PostAsync("/v1/pool/lps/lp-1/deposits", Http.Json("""{"tranche":"junior","amount":1234.5}""")));
        long id = body.GetProperty("requestId").GetInt64();
        var status = await Http.JsonOf(await As(null).GetAsync("/v1/pool"));
        Assert.Contains(status.GetProperty("queue").EnumerateArray(), q => q.GetProperty("id").GetInt64() == id && q.GetProperty("isDeposit").GetBoolean());
        // Nothing is due for a week: processing says so.
        await Http.AssertProblem(await As("admin").PostAsync("/v1/pool/process", null), 422);

        var cancelled = await As("lp").DeleteAsync($"/v1/pool/lps/lp-1/requests/{id}");
        Assert.Equal(200, (int)cancelled.StatusCode);
        var mine = await Http.JsonOf(await As("lp").GetAsync("/v1/pool/lps/lp-1"));
        Assert.DoesNotContain(mine.GetProperty("queue").EnumerateArray(), q => q.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Bad_lp_input_gets_a_problem_and_nothing_changes()
    {
        await EnsureOpenAsync();
        string before = fixture.Factory.Host.Read(static s => s.StateHash());
        await Http.AssertProblem(await As("lp").PostAsync("/v1/pool/lps/lp-1/deposits", Http.Json("""{"amount":10}""")), 400);
        var unknown = await Http.AssertProblem(await As("lp").PostAsync("/v1/pool/lps/lp-1/deposits", Http.Json("""{"tranche":"mezzanine","amount":10}""")), 422);
        Assert.Contains("unknown-tranche", unknown.ToString());
        await Http.AssertProblem(await As("lp").PostAsync("/v1/pool/lps/lp-1/deposits", Http.Json("""{"tranche":"junior","amount":-10}""")), 400);
        await Http.AssertProblem(await As("lp").PostAsync("/v1/pool/lps/lp-1/withdrawals", Http.Json("""{"tranche":"junior","amount":1000000000}""")), 422);
        Assert.Equal(before, fixture.Factory.Host.Read(static s => s.StateHash()));
    }

    [Theory]
    [InlineData("POST", "/v1/pool/lps/lp-1/deposits", "trader", 403)]
    [InlineData("POST", "/v1/pool/lps/someone-else/deposits", "lp", 403)]
    [InlineData("POST", "/v1/pool/lps/lp-1/deposits", null, 401)]
    [InlineData("POST", "/v1/pool/process", "lp", 403)]
    [InlineData("POST", "/v1/pool/open", "governor", 403)]
    [InlineData("GET", "/v1/pool/lps/lp-1", "trader", 403)]
    public async Task Pool_endpoints_keep_to_their_roles(string method, string path, string? caller, int status)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Http.Json("""{"tranche":"junior","amount":10}""") };
        await Http.AssertProblem(await As(caller).SendAsync(request), status);
    }
}
