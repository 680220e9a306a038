using Ballast.Server.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Ballast.Server.Tests.Browser;

/// <summary>
/// The dashboard in Debian's Chromium (driven by Playwright for .NET; never a downloaded browser): a paper-mode
/// server on a free loopback port, NAV and Greeks render and change, PnL attribution adds up to the NAV change, Greeks
/// per board, oracle age and unit quotes show, tranche share prices, pool breakers and hedge positions render and move, a click opens another board (and its quotes), a screenshot is saved to
/// the test output folder (artifacts/dashboard.png).
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_dashboard_shows_live_nav_and_greeks_and_opens_a_board_on_click()
    {
        if (!File.Exists(Chromium))
        {
            output.WriteLine($"SKIPPED: {Chromium} is missing (test.sh installs Debian's chromium through .ci/test-deps.sh).");
            return;
        }

        await using var server = await LiveServer.StartAsync("--Ballast:Paper=true", "--Ballast:PaperTickMilliseconds=100", "--Ballast:StreamIntervalMilliseconds=200");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var external = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(server.Url, StringComparison.Ordinal)) external.Add(r.Url); };
        await page.GotoAsync(server.Url + "/", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

        var wait = new PageWaitForFunctionOptions { Timeout = 20_000 };
        await page.WaitForFunctionAsync("() => document.getElementById('nav').textContent !== '–' && document.getElementById('delta').textContent !== '–'", null, wait);
        string nav0 = await page.InnerTextAsync("#nav");
        string delta0 = await page.InnerTextAsync("#delta");
        string vega0 = await page.InnerTextAsync("#vega");
        output.WriteLine($"first: NAV {nav0}, delta {delta0}, vega {vega0}");
        Assert.Matches(@"^[\d,]+\.\d\d$", nav0);

        // Paper traders and the GBM feed keep moving the book: NAV and the Greeks must change on screen.
        await page.WaitForFunctionAsync(
            "([n, d, v]) => document.getElementById('nav').textContent !== n && (document.getElementById('delta').textContent !== d || document.getElementById('vega').textContent !== v)",
            new[] { nav0, delta0, vega0 }, wait);
        output.WriteLine($"later: NAV {await page.InnerTextAsync("#nav")}, delta {await page.InnerTextAsync("#delta")}, vega {await page.InnerTextAsync("#vega")}");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#trades tbody tr').length > 0", null, wait);

        // The pool the paper desk opened: both tranches with a share price, the pool's four breakers, and share prices
        // that move as paper LPs, traders and the spot feed change NAV; the paper hedger's perp position in the hedge table.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#tranches tbody tr[data-tranche]').length === 2", null, wait);
        Assert.Equal(["senior", "junior"], await page.Locator("#tranches tbody tr[data-tranche] td:first-child").AllInnerTextsAsync());
        Assert.All(await page.Locator("#tranches td.share-price").AllInnerTextsAsync(), p => Assert.Matches(@"^\d+\.\d{6}$", p));
        Assert.Equal(4, await page.Locator("#poolBreakers li[data-breaker]").CountAsync());
        string junior0 = await page.InnerTextAsync("#tranches tr[data-tranche=junior] td.share-price");
        await page.WaitForFunctionAsync("p => document.querySelector('#tranches tr[data-tranche=junior] td.share-price').textContent !== p", junior0, wait);
        output.WriteLine($"junior share price {junior0} -> {await page.InnerTextAsync("#tranches tr[data-tranche=junior] td.share-price")}");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#hedges tbody tr[data-venue]').length > 0", null, wait);
        Assert.Equal("paper-perp", await page.InnerTextAsync("#hedges tbody tr[data-venue] td:first-child"));
        Assert.Matches(@"^-?[\d,]+\.\d{4}$", await page.InnerTextAsync("#hedgeNet"));
        Assert.NotEqual("0.0000", await page.InnerTextAsync("#hedgeNet"));

        // PnL attribution: every component listed, spot moves reach the delta line, and the components add up to ΔNAV.
        await page.WaitForFunctionAsync("() => { const d = document.querySelector('#pnlTable tr[data-component=delta] td:last-child'); return d && d.textContent !== '0.00' && d.textContent !== '-0.00'; }", null, wait);
        Assert.Equal(7, await page.Locator("#pnlTable tr[data-component]").CountAsync());
        // Both cells come from one render: read them together so an update cannot land between the two reads.
        string[] cells = await page.EvaluateAsync<string[]>("() => [document.getElementById('pnlTotal').textContent, document.getElementById('pnlNavChange').textContent]");
        string total = cells[0], navChange = cells[1];
        output.WriteLine($"PnL attribution total {total}, NAV change {navChange}");
        Assert.Equal(navChange, total);

        // Greeks per board (header, two boards, total), the oracle's spot age, and unit quotes for the selected board.
        Assert.Equal(4, await page.Locator("#boardGreeks tr").CountAsync());
        Assert.Matches(@"^\d+ s$", await page.InnerTextAsync("#oracleAge"));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#quotesTable tr').length === 11", null, wait); // header + 5 strikes × call/put

        var tabs = page.Locator(".board-tab");
        Assert.Equal(2, await tabs.CountAsync());
        string second = await tabs.Nth(1).InnerTextAsync();
        await tabs.Nth(1).ClickAsync();
        await page.WaitForFunctionAsync("b => document.getElementById('boardName').textContent.startsWith(b)", second, wait);
        Assert.Equal(6, await page.Locator("#boardTable tr").CountAsync()); // header + 5 strikes
        Assert.Contains("active", await tabs.Nth(1).GetAttributeAsync("class"));
        await page.WaitForFunctionAsync("b => document.getElementById('quotesAge').textContent.includes(b) && document.querySelectorAll('#quotesTable tr').length === 11", second, wait);
        Assert.All(await page.Locator("#quotesTable td:first-child").AllInnerTextsAsync(), series => Assert.Contains("-" + second + "-", series));

        string dir = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(dir);
        string shot = Path.Combine(dir, "dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine($"screenshot: {shot}");
        Assert.True(new FileInfo(shot).Length > 10_000);

        // The interactive API docs run from the server alone too (Scalar's bundled script, fonts and telemetry off).
        await page.GotoAsync(server.Url + "/docs/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('/v1/trades') || document.body.innerText.includes('trading')", null, wait);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, "docs.png") });
        Assert.Empty(external);
    }
}
