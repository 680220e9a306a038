using Ballast.Server.Tests.Support;

namespace Ballast.Server.Tests.Api;

/// <summary>GET /v1/pool/report: the LP report (ballast vault report) replayed from the live host's ledger, public.</summary>
public sealed class PoolReportEndpointTests(FundedVaultFixture fixture) : IClassFixture<FundedVaultFixture>
{
    private HttpClient As(string? who) => fixture.Factory.ClientAs(who);

    [Fact]
    public async Task The_report_shows_each_tranche_and_the_fee_income_of_an_instant_round_trip()
    {
        var before = await Http.JsonOf(await As(null).GetAsync("/v1/pool/report"));
        Assert.False(before.GetProperty("report").GetProperty("isOpen").GetBoolean());

        var open = await As("admin").PostAsync("/v1/pool/open", Http.Json("""
            {"tranches":[{"name":"senior","priority":0,"targetApr":0.05},{"name":"junior","priority":1}],"seedOwner":"seed-lp","instantMode":true}
            """));
        Assert.Equal(200, (int)open.StatusCode);
        var deposited = await As("lp").PostAsync("/v1/pool/lps/lp-1/deposits", Http.Json("""{"tranche":"senior","amount":5000,"instant":true}"""));
        Assert.Equal(200, (int)deposited.StatusCode);

        var body = await Http.JsonOf(await As(null).GetAsync("/v1/pool/report"));
        var report = body.GetProperty("report");
        Assert.True(report.GetProperty("isOpen").GetBoolean());
        Assert.Equal(fixture.Factory.Host.Head, body.GetProperty("events").GetInt64());
        var tranches = report.GetProperty("tranches").EnumerateArray().ToArray();
        Assert.Equal(["senior", "junior"], tranches.Select(t => t.GetProperty("name").GetString()));
        Assert.All(tranches, t => Assert.True(t.GetProperty("history").GetArrayLength() >= 2));
        var status = await Http.JsonOf(await As(null).GetAsync("/v1/pool"));
        Assert.Equal(status.GetProperty("nav").GetDecimal(), report.GetProperty("nav").GetDecimal());
    }
}
