using System.Net.Http.Json;
using System.Text.Json;
using Ballast.Server.Tests.Support;

namespace Ballast.Server.Tests.Api;

/// <summary>What each endpoint returns when used as intended.</summary>
public sealed class EndpointTests(FundedVaultFixture fixture) : IClassFixture<FundedVaultFixture>
{
    private HttpClient As(string? who) => fixture.Factory.ClientAs(who);

    [Fact]
    public async Task A_fresh_ledger_starts_with_the_default_eth_vault()
    {
        var market = await Http.JsonOf(await As(null).GetAsync("/v1/markets"));
        Assert.Equal("ETH", market.GetProperty("underlying").GetString());
        Assert.Equal("USDC", market.GetProperty("quoteAsset").GetString());
        Assert.Equal(2, market.GetProperty("boards").GetArrayLength());
        var series = await Http.JsonOf(await As(null).GetAsync("/v1/series"));
        Assert.Equal(2 * 5 * 2, series.GetArrayLength());
    }

    [Fact]
    public async Task A_board_lists_its_strikes_with_vols_and_greeks_and_an_unknown_board_is_404()
    {
        string board = fixture.Board;
        var b = await Http.JsonOf(await As(null).GetAsync($"/v1/boards/{board}"));
        Assert.Equal(board, b.GetProperty("board").GetString());
        Assert.Equal(5, b.GetProperty("strikes").GetArrayLength());
        Assert.All(b.GetProperty("strikes").EnumerateArray(), s => Assert.True(s.GetProperty("vol").GetDouble() > 0));
        await Http.AssertProblem(await As(null).GetAsync("/v1/boards/20000101"), 404);
        Assert.Equal(2, (await Http.JsonOf(await As(null).GetAsync("/v1/boards"))).GetArrayLength());
    }

    [Fact]
    public async Task A_quote_prices_buys_above_sells_and_carries_a_quote_id()
    {
        var buy = await Http.JsonOf(await As("trader").GetAsync($"/v1/quotes?series={fixture.Series}&side=buy&size=1"));
        var sell = await Http.JsonOf(await As("trader").GetAsync($"/v1/quotes?series={fixture.Series}&side=sell&size=1"));
        Assert.True(buy.GetProperty("total").GetDecimal() > sell.GetProperty("total").GetDecimal());
        Assert.StartsWith("q-", buy.GetProperty("quoteId").GetString());
        Assert.True(buy.GetProperty("premium").GetDouble() > 0);
    }

    [Fact]
    public async Task A_trade_fills_within_max_cost_moves_the_position_and_appears_in_recent_trades()
    {
        decimal Position(JsonElement account) => account.GetProperty("positions").EnumerateArray()
            .Where(p => p.GetProperty("series").GetString() == fixture.Series).Sum(p => p.GetProperty("size").GetDecimal());
        decimal before = Position(await Http.JsonOf(await As("trader").GetAsync("/v1/accounts/alice")));
        var quote = await Http.JsonOf(await As("trader").GetAsync($"/v1/quotes?series={fixture.Series}&side=buy&size=1"));
        var body = new { series = fixture.Series, side = "buy", size = 1.0, maxCost = quote.GetProperty("total").GetDecimal() * 1.05m, quoteId = quote.GetProperty("quoteId").GetString() };
        var response = await As("trader").PostAsJsonAsync("/v1/trades", body);
        var fill = await Http.JsonOf(response);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(fill.GetProperty("payment").GetDecimal() <= body.maxCost);
        var account = await Http.JsonOf(await As("trader").GetAsync("/v1/accounts/alice"));
        Assert.Equal(before + 1m, Position(account));
        var recent = await Http.JsonOf(await As(null).GetAsync("/v1/trades/recent?limit=10"));
        Assert.Contains(recent.EnumerateArray(), t => t.GetProperty("sequence").GetInt64() == fill.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Selling_needs_min_proceeds_and_pays_at_least_that()
    {
        var response = await As("trader").PostAsJsonAsync("/v1/trades", new { series = fixture.Series, side = "sell", size = 0.5, minProceeds = 1m });
        var fill = await Http.JsonOf(response);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(fill.GetProperty("payment").GetDecimal() >= 1m);
    }

    [Fact]
    public async Task Collateral_deposit_and_withdrawal_move_the_free_balance()
    {
        decimal Free(JsonElement a) => a.GetProperty("freeQuote").GetDecimal();
        var before = Free(await Http.JsonOf(await As("trader").GetAsync("/v1/accounts/alice")));
        await As("trader").PostAsync("/v1/accounts/alice/deposits", Http.Json("""{"asset":"quote","amount":250}"""));
        var r = await Http.JsonOf(await As("trader").PostAsync("/v1/accounts/alice/withdrawals", Http.Json("""{"asset":"quote","amount":100}""")));
        Assert.Equal(before + 150m, Free(r.GetProperty("account")));
    }

    [Fact]
    public async Task An_lp_deposit_raises_vault_capital()
    {
        decimal Capital() => fixture.Factory.Host.Read(static s => s.Capital(Engine.Markets.Asset.Quote));
        decimal before = Capital();
        var r = await As("lp").PostAsync("/v1/lp/lp-1/deposits", Http.Json("""{"asset":"quote","amount":5000}"""));
        Assert.Equal(200, (int)r.StatusCode);
        Assert.Equal(before + 5000m, Capital());
    }

    [Fact]
    public async Task The_governor_changes_a_parameter_within_bounds_and_everyone_reads_it()
    {
        var r = await As("governor").PutAsync("/v1/parameters/maxOracleAge", Http.Json("""{"value":300}"""));
        Assert.Equal(200, (int)r.StatusCode);
        var all = await Http.JsonOf(await As(null).GetAsync("/v1/parameters"));
        var p = all.EnumerateArray().Single(x => x.GetProperty("name").GetString() == "maxOracleAge");
        Assert.Equal(300, p.GetProperty("value").GetDouble());
        Assert.True(p.GetProperty("max").GetDouble() >= 300);
    }

    [Fact]
    public async Task The_oracle_moves_spot_and_vol()
    {
        var r = await As("oracle").PostAsync("/v1/oracle/spot", Http.Json("""{"price":3010,"reference":3010}"""));
        Assert.Equal(200, (int)r.StatusCode);
        Assert.Equal(3010, (await Http.JsonOf(await As(null).GetAsync("/v1/vault"))).GetProperty("spot").GetDouble());
        string board = fixture.Board;
        r = await As("oracle").PostAsync("/v1/oracle/vol", Http.Json($$"""{"board":"{{board}}","baseIv":0.9,"skews":[{"strike":3000,"skew":1.01}]}"""));
        Assert.Equal(200, (int)r.StatusCode);
        var b = await Http.JsonOf(await As(null).GetAsync($"/v1/boards/{board}"));
        Assert.Equal(0.9, b.GetProperty("baseIv").GetDouble(), 12);
    }

    [Fact]
    public async Task Vault_status_reports_nav_greeks_by_board_and_breakers()
    {
        var v = await Http.JsonOf(await As(null).GetAsync("/v1/vault"));
        Assert.True(v.GetProperty("nav").GetDouble() > 9_000_000);
        Assert.True(v.GetProperty("greeks").TryGetProperty("delta", out _));
        Assert.Equal(2, v.GetProperty("boards").GetArrayLength());
        Assert.Contains(v.GetProperty("breakers").EnumerateArray(), b => b.GetProperty("name").GetString() == "oracle-stale" && !b.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Health_metrics_openapi_and_docs_are_served_without_a_key()
    {
        var health = await Http.JsonOf(await As(null).GetAsync("/health"));
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        await As("trader").GetAsync($"/v1/quotes?series={fixture.Series}&side=buy&size=1");
        await fixture.Factory.Host.SubmitAsync(new Engine.Commands.UpdateSpot(new(new("t"), Engine.Commands.Role.Oracle), 3000, fixture.Factory.Host.Now, 1, 3000));
        string metrics = "";
        for (int i = 0; i < 50 && !metrics.Contains("ballast_vault_nav "); i++)
        {
            await Task.Delay(50);
            metrics = await As(null).GetStringAsync("/metrics");
        }

        Assert.Contains("ballast_quotes_total", metrics);
        Assert.Contains("ballast_vault_nav ", metrics);
        Assert.Contains("ballast_vault_greek{greek=\"delta\"}", metrics);
        Assert.Contains("ballast_breaker_active{breaker=\"oracle-stale\"}", metrics);
        Assert.Contains("http_request_duration_seconds", metrics);
        var openapi = await Http.JsonOf(await As(null).GetAsync("/openapi/v1.json"));
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/v1/trades", out _));
        string docs = await As(null).GetStringAsync("/docs/");
        Assert.Contains("scalar", docs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cdn.", docs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src=\"http", docs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_dashboard_is_served_from_the_assembly_without_external_references()
    {
        string html = await As(null).GetStringAsync("/");
        string js = await As(null).GetStringAsync("/dashboard/app.js");
        Assert.Contains("<canvas", html);
        Assert.Contains("EventSource", js);
        foreach (var text in new[] { html, js }) Assert.DoesNotContain("http://", text.Replace("http://www.w3.org", ""));
        Assert.DoesNotContain("https://", html + js);
    }

    [Fact]
    public async Task The_stream_pushes_vault_greeks_and_trades()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var c = As(null);
        using var response = await c.GetAsync("/v1/stream", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var seen = new HashSet<string>();
        _ = Task.Run(async () =>
        {
            await Task.Delay(300);
            await As("trader").PostAsJsonAsync("/v1/trades", new { series = fixture.Series, side = "buy", size = 0.1, maxCost = 100000m });
        });
        while (!(seen.Contains("vault") && seen.Contains("trade") && seen.Contains("quotes")))
        {
            string? line = await reader.ReadLineAsync(cts.Token);
            if (line is null) break;
            if (line.StartsWith("event: ", StringComparison.Ordinal)) seen.Add(line[7..]);
        }

        Assert.Contains("vault", seen);
        Assert.Contains("trade", seen);
        Assert.Contains("quotes", seen);
    }
}
