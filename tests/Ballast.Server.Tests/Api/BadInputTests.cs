using Ballast.Server.Tests.Support;

namespace Ballast.Server.Tests.Api;

/// <summary>Bad input gets the right 4xx with an RFC 7807 body and leaves the vault's state hash unchanged.</summary>
public sealed class BadInputTests(FundedVaultFixture fixture) : IClassFixture<FundedVaultFixture>
{
    private async Task AssertRejectedUnchanged(Func<HttpClient, Task<HttpResponseMessage>> send, int status, string caller = "trader")
    {
        string before = fixture.Factory.Host.StateHash();
        var response = await send(fixture.Factory.ClientAs(caller));
        await Http.AssertProblem(response, status);
        Assert.Equal(before, fixture.Factory.Host.StateHash());
    }

    private Task<HttpResponseMessage> Trade(HttpClient c, string json) => c.PostAsync("/v1/trades", Http.Json(json.Replace("{s}", fixture.Series)));

    [Theory]
    [InlineData("""{"series":"{s}","side":"buy","size":1,"maxCost":1000""", 400)]          // truncated JSON
    [InlineData("""not json""", 400)]
    [InlineData("""[]""", 400)]                                                           // not an object
    [InlineData("""{"series":"{s}","side":"buy","size":"one","maxCost":1000}""", 400)]    // wrong type
    [InlineData("""{"series":"{s}","side":"buy","size":"NaN","maxCost":1000}""", 400)]    // NaN as a string
    [InlineData("""{"series":"{s}","side":"buy","size":NaN,"maxCost":1000}""", 400)]      // NaN literal
    [InlineData("""{"series":"{s}","side":"buy","size":Infinity,"maxCost":1000}""", 400)]
    [InlineData("""{"series":"{s}","side":"buy","size":1e400,"maxCost":1000}""", 400)]    // overflows double
    [InlineData("""{"series":"{s}","side":"buy","size":-1,"maxCost":1000}""", 400)]
    [InlineData("""{"series":"{s}","side":"buy","size":0,"maxCost":1000}""", 400)]
    [InlineData("""{"series":"{s}","side":"buy","size":1e12,"maxCost":1000}""", 400)]     // huge
    [InlineData("""{"series":"{s}","side":"buy","size":1,"maxCost":1e40}""", 400)]        // overflows decimal
    [InlineData("""{"series":"{s}","side":"buy","size":1,"maxCost":-5}""", 400)]
    [InlineData("""{"series":"{s}","side":"buy","size":1}""", 400)]                       // no max cost
    [InlineData("""{"series":"{s}","side":"hold","size":1,"maxCost":1000}""", 400)]
    [InlineData("""{"series":"{s}","side":"buy","size":1,"maxCost":1000,"extra":1}""", 400)] // unknown member
    [InlineData("""{"series":"{s}","side":"buy","size":1,"maxCost":1000,"quoteId":"x"}""", 400)]
    [InlineData("""{"series":"ETH-20991231-3000-C","side":"buy","size":1,"maxCost":1000}""", 404)] // unknown series
    [InlineData("""{"series":"{s}","side":"buy","size":1,"maxCost":0.01}""", 422)]        // slippage
    [InlineData("""{"series":"{s}","side":"buy","size":5000,"maxCost":100000000}""", 422)] // more than alice can pay
    public async Task A_bad_trade_is_refused_and_changes_nothing(string json, int status) =>
        await AssertRejectedUnchanged(c => Trade(c, json), status);

    [Fact]
    public async Task An_oversized_body_is_413() =>
        await AssertRejectedUnchanged(c => Trade(c, """{"series":"{s}","side":"buy","size":1,"maxCost":1000,"pad":""" + "\"" + new string('x', 40_000) + "\"}"), 413);

    [Fact]
    public async Task A_non_json_content_type_is_415() =>
        await AssertRejectedUnchanged(c => c.PostAsync("/v1/trades", new StringContent("series=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")), 415);

    [Fact]
    public async Task An_unknown_route_is_404_problem() =>
        await AssertRejectedUnchanged(c => c.GetAsync("/v1/nothing-here"), 404);

    [Fact]
    public async Task A_wrong_method_is_405_problem() =>
        await AssertRejectedUnchanged(c => c.DeleteAsync("/v1/markets"), 405);

    [Theory]
    [InlineData("size=NaN", 400)]
    [InlineData("size=Infinity", 400)]
    [InlineData("size=-3", 400)]
    [InlineData("size=1e300", 400)]
    [InlineData("size=abc", 400)]
    [InlineData("size=1&side=up", 400)]
    public async Task A_bad_quote_request_is_400(string query, int status)
    {
        string q = query.Contains("side=") ? query : query + "&side=buy";
        await AssertRejectedUnchanged(c => c.GetAsync($"/v1/quotes?series={fixture.Series}&{q}"), status);
    }

    [Fact]
    public async Task A_quote_for_an_unknown_series_is_404() =>
        await AssertRejectedUnchanged(c => c.GetAsync("/v1/quotes?series=ETH-20991231-3000-C&side=buy&size=1"), 404);

    [Theory]
    [InlineData("""{"value":"NaN"}""", 400)]
    [InlineData("""{"value":-1}""", 400)]          // below its bound
    [InlineData("""{"value":1e308}""", 400)]       // above its bound
    [InlineData("""{}""", 400)]
    public async Task A_parameter_outside_its_bounds_is_refused(string json, int status) =>
        await AssertRejectedUnchanged(c => c.PutAsync("/v1/parameters/standardSize", Http.Json(json)), status, "governor");

    [Fact]
    public async Task An_unknown_parameter_is_404() =>
        await AssertRejectedUnchanged(c => c.PutAsync("/v1/parameters/noSuchThing", Http.Json("""{"value":1}""")), 404, "governor");

    [Theory]
    [InlineData("""{"price":-3000}""")]
    [InlineData("""{"price":0}""")]
    [InlineData("""{"price":3000,"confidence":2}""")]
    public async Task A_bad_oracle_update_is_400(string json) =>
        await AssertRejectedUnchanged(c => c.PostAsync("/v1/oracle/spot", Http.Json(json)), 400, "oracle");

    [Theory]
    [InlineData("""{"asset":"gold","amount":10}""")]
    [InlineData("""{"asset":"quote","amount":-10}""")]
    [InlineData("""{"asset":"quote","amount":1e20}""")]
    [InlineData("""{"asset":"quote","amount":0.0000001}""")]   // more decimals than USDC has
    public async Task A_bad_deposit_is_400(string json) =>
        await AssertRejectedUnchanged(c => c.PostAsync("/v1/accounts/alice/deposits", Http.Json(json)), 400);

    [Fact]
    public async Task Withdrawing_more_than_the_free_balance_is_422() =>
        await AssertRejectedUnchanged(c => c.PostAsync("/v1/accounts/alice/withdrawals", Http.Json("""{"asset":"quote","amount":999999999}""")), 422);

    [Fact]
    public async Task A_replayed_idempotency_key_with_a_different_request_is_422_and_writes_nothing()
    {
        var c = fixture.Factory.ClientAs("trader");
        var first = new HttpRequestMessage(HttpMethod.Post, "/v1/trades") { Content = Http.Json($$"""{"series":"{{fixture.Series}}","side":"buy","size":0.5,"maxCost":100000}""") };
        first.Headers.Add("Idempotency-Key", "bad-input-reuse");
        Assert.Equal(200, (int)(await c.SendAsync(first)).StatusCode);
        await AssertRejectedUnchanged(async client =>
        {
            var second = new HttpRequestMessage(HttpMethod.Post, "/v1/trades") { Content = Http.Json($$"""{"series":"{{fixture.Series}}","side":"buy","size":2,"maxCost":100000}""") };
            second.Headers.Add("Idempotency-Key", "bad-input-reuse");
            return await client.SendAsync(second);
        }, 422);
    }

    [Fact]
    public async Task A_replayed_idempotency_key_with_the_same_request_returns_the_original_fill_and_writes_nothing()
    {
        var c = fixture.Factory.ClientAs("trader");
        HttpRequestMessage Make()
        {
            var m = new HttpRequestMessage(HttpMethod.Post, "/v1/trades") { Content = Http.Json($$"""{"series":"{{fixture.Series}}","side":"buy","size":0.25,"maxCost":100000}""") };
            m.Headers.Add("Idempotency-Key", "bad-input-same");
            return m;
        }

        var first = await Http.JsonOf(await c.SendAsync(Make()));
        string before = fixture.Factory.Host.StateHash();
        var again = await c.SendAsync(Make());
        Assert.Equal(200, (int)again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        var second = await Http.JsonOf(again);
        Assert.Equal(first.GetProperty("sequence").GetInt64(), second.GetProperty("sequence").GetInt64());
        Assert.Equal(first.GetProperty("payment").GetDecimal(), second.GetProperty("payment").GetDecimal());
        Assert.Equal(before, fixture.Factory.Host.StateHash());
    }

    [Fact]
    public async Task A_malformed_idempotency_key_is_400()
    {
        await AssertRejectedUnchanged(async c =>
        {
            var m = new HttpRequestMessage(HttpMethod.Post, "/v1/trades") { Content = Http.Json($$"""{"series":"{{fixture.Series}}","side":"buy","size":1,"maxCost":100000}""") };
            m.Headers.Add("Idempotency-Key", new string('k', 300));
            return await c.SendAsync(m);
        }, 400);
    }
}
