using System.Net.Http.Json;
using Ballast.Server.Tests.Support;

namespace Ballast.Server.Tests.Api;

/// <summary>
/// Every role (and no key) against the margin endpoints: 401 without a key, 403 with a role the endpoint does not allow, and
/// for allowed roles anything but 401/403 (the engine may still refuse the command, e.g. nobody is liquidatable).
/// </summary>
public sealed class MarginEndpointTests(FundedVaultFixture fixture) : IClassFixture<FundedVaultFixture>
{
    private static readonly string[] Callers = ["none", "trader", "lp", "oracle", "governor", "admin", "keeper"];

    private static readonly (string Name, string Method, string Path, string? Body, string[] Allowed)[] Endpoints =
    [
        ("margin-mode", "PUT", "/v1/accounts/alice/margin-mode", """{"mode":"full"}""", ["trader"]),
        ("margin-status", "GET", "/v1/accounts/alice/margin", null, ["trader", "admin", "keeper"]),
        ("liquidate", "POST", "/v1/liquidations", """{"account":"alice"}""", ["keeper", "admin"]),
        ("insurance-deposit", "POST", "/v1/insurance-fund/deposits", """{"amount":100}""", ["admin"]),
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
    public async Task Each_role_is_let_through_or_refused_as_the_endpoint_says(string endpoint, string caller)
    {
        var e = Endpoints.Single(x => x.Name == endpoint);
        var request = new HttpRequestMessage(new HttpMethod(e.Method), e.Path);
        if (e.Body is not null) request.Content = Http.Json(e.Body);
        var response = await fixture.Factory.ClientAs(caller == "none" ? null : caller).SendAsync(request);
        if (e.Allowed.Contains(caller))
            Assert.True((int)response.StatusCode is not (401 or 403), $"{caller} on {endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        else
            await Http.AssertProblem(response, caller == "none" ? 401 : 403);
    }

    [Fact]
    public async Task A_trader_cannot_read_another_accounts_margin_but_a_keeper_can()
    {
        await Http.AssertProblem(await fixture.Factory.ClientAs("trader").GetAsync("/v1/accounts/bob/margin"), 403);
        var status = await fixture.Factory.ClientAs("keeper").GetFromJsonAsync<Dictionary<string, object?>>("/v1/accounts/bob/margin");
        Assert.Equal("bob", status!["account"]?.ToString());
    }

    [Fact]
    public async Task The_insurance_fund_deposit_and_margin_mode_are_engine_commands()
    {
        var deposit = await fixture.Factory.ClientAs("admin").PostAsync("/v1/insurance-fund/deposits", Http.Json("""{"amount":250}"""));
        Assert.Equal(200, (int)deposit.StatusCode);
        Assert.Contains("InsuranceFundDeposited", await deposit.Content.ReadAsStringAsync());
        var bob = await fixture.Factory.ClientAs("bob").PutAsync("/v1/accounts/bob/margin-mode", Http.Json("""{"mode":"portfolio"}"""));
        Assert.Equal(200, (int)bob.StatusCode);
        var status = await fixture.Factory.ClientAs("bob").GetFromJsonAsync<Dictionary<string, object?>>("/v1/accounts/bob/margin");
        Assert.Equal("portfolio", status!["mode"]?.ToString());
        await Http.AssertProblem(await fixture.Factory.ClientAs("bob").PutAsync("/v1/accounts/bob/margin-mode", Http.Json("""{"mode":"cross"}""")), 400);
    }

    [Fact]
    public async Task Liquidating_a_healthy_account_is_refused_as_not_liquidatable()
    {
        var response = await fixture.Factory.ClientAs("keeper").PostAsync("/v1/liquidations", Http.Json("""{"account":"alice"}"""));
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Contains("otLiquidatable", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
