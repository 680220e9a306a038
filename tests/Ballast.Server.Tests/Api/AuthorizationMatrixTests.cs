using Ballast.Server.Tests.Support;

namespace Ballast.Server.Tests.Api;

/// <summary>Every role (and no key) against every /v1 endpoint: 200 when allowed, 401 without a key, 403 with the wrong role.</summary>
public sealed class AuthorizationMatrixTests(FundedVaultFixture fixture) : IClassFixture<FundedVaultFixture>
{
    private const string Public = "public";
    private static readonly string[] Callers = ["none", "trader", "lp", "oracle", "governor", "admin"];

    // name, method, path, body, roles allowed ("public" = anyone, even without a key)
    private static readonly (string Name, string Method, string Path, string? Body, string[] Allowed)[] Endpoints =
    [
        ("markets", "GET", "/v1/markets", null, [Public]),
        ("boards", "GET", "/v1/boards", null, [Public]),
        ("board", "GET", "/v1/boards/{board}", null, [Public]),
        ("series", "GET", "/v1/series", null, [Public]),
        ("vault", "GET", "/v1/vault", null, [Public]),
        ("pool-report", "GET", "/v1/pool/report", null, [Public]),
        ("parameters", "GET", "/v1/parameters", null, [Public]),
        ("recent-trades", "GET", "/v1/trades/recent", null, [Public]),
        ("quote", "GET", "/v1/quotes?series={series}&side=buy&size=1", null, ["trader", "lp", "oracle", "governor", "admin"]),
        ("trade", "POST", "/v1/trades", """{"series":"{series}","side":"buy","size":0.1,"maxCost":1000000}""", ["trader"]),
        ("account", "GET", "/v1/accounts/alice", null, ["trader", "admin"]),
        ("deposit", "POST", "/v1/accounts/alice/deposits", """{"asset":"quote","amount":10}""", ["trader"]),
        ("withdraw", "POST", "/v1/accounts/alice/withdrawals", """{"asset":"quote","amount":1}""", ["trader"]),
        ("lp-deposit", "POST", "/v1/lp/lp-1/deposits", """{"asset":"quote","amount":1000}""", ["lp"]),
        ("set-parameter", "PUT", "/v1/parameters/standardSize", """{"value":5}""", ["governor"]),
        ("oracle-spot", "POST", "/v1/oracle/spot", """{"price":3000,"reference":3000}""", ["oracle"]),
        ("oracle-vol", "POST", "/v1/oracle/vol", """{"board":"{board}","baseIv":0.8}""", ["oracle"]),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in Endpoints)
        {
            foreach (var c in Callers) data.Add(e.Name, c);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_the_expected_status_on_each_endpoint(string endpoint, string caller)
    {
        var e = Endpoints.Single(x => x.Name == endpoint);
        int expected = e.Allowed.Contains(Public) || e.Allowed.Contains(caller) ? 200 : caller == "none" ? 401 : 403;
        var client = fixture.Factory.ClientAs(caller == "none" ? null : caller);
        string path = e.Path.Replace("{series}", fixture.Series).Replace("{board}", fixture.Board);
        var request = new HttpRequestMessage(new HttpMethod(e.Method), path);
        if (e.Body is not null) request.Content = Http.Json(e.Body.Replace("{series}", fixture.Series).Replace("{board}", fixture.Board));
        var response = await client.SendAsync(request);
        if (expected == 200)
            Assert.True((int)response.StatusCode == 200, $"{caller} on {endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        else
            await Http.AssertProblem(response, expected);
    }

    [Theory]
    [InlineData("GET", "/v1/accounts/bob", null)]
    [InlineData("POST", "/v1/accounts/bob/deposits", """{"asset":"quote","amount":10}""")]
    [InlineData("POST", "/v1/accounts/bob/withdrawals", """{"asset":"quote","amount":1}""")]
    public async Task A_trader_cannot_touch_another_traders_account(string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = Http.Json(body);
        var response = await fixture.Factory.ClientAs("trader").SendAsync(request);
        await Http.AssertProblem(response, 403);
    }

    [Fact]
    public async Task An_lp_cannot_deposit_for_another_lp()
    {
        var response = await fixture.Factory.ClientAs("lp").PostAsync("/v1/lp/someone-else/deposits", Http.Json("""{"asset":"quote","amount":10}"""));
        await Http.AssertProblem(response, 403);
    }

    [Fact]
    public async Task An_admin_may_read_any_account_but_not_move_its_money()
    {
        var admin = fixture.Factory.ClientAs("admin");
        Assert.Equal(200, (int)(await admin.GetAsync("/v1/accounts/alice")).StatusCode);
        await Http.AssertProblem(await admin.PostAsync("/v1/accounts/alice/withdrawals", Http.Json("""{"asset":"quote","amount":1}""")), 403);
    }

    [Fact]
    public async Task An_unknown_key_is_refused_with_401()
    {
        var c = fixture.Factory.CreateClient();
        c.DefaultRequestHeaders.Add("X-Api-Key", "blst_not-a-real-key");
        await Http.AssertProblem(await c.GetAsync("/v1/markets"), 401);
    }
}
