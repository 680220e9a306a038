using Ballast.Engine.Files;
using Ballast.Engine.Markets;
using Ballast.Pricing;

namespace Ballast.Engine.Tests;

public class VaultFileTests
{
    private const string Minimal = """
        {
          "now": 1780000000,
          "market": { "underlying": "BTC", "quoteAsset": "USDC", "settlement": "inverse" },
          "parameters": { "standardSize": 2 },
          "capital": { "quote": 1000000, "base": 10 },
          "spot": { "price": 60000 },
          "boards": [ { "expiry": "2026-06-26T08:00:00Z", "baseIv": 0.6, "strikes": [ { "strike": 60000, "skew": 1.02 } ] } ],
          "accounts": [ { "id": "carol", "base": 2, "positions": [ { "series": "BTC-20260626-60000-C", "size": -1.5 } ] } ]
        }
        """;

    [Fact]
    public void A_vault_file_becomes_a_vault_through_ordinary_commands()
    {
        Assert.True(VaultFile.TryLoad(Minimal, out var loaded, out string? error), error);
        var s = loaded!.State;
        Assert.Equal(1780000000, loaded.Now);
        Assert.Equal(SettlementStyle.Inverse, s.Market!.Settlement);
        Assert.Equal(2, s.Parameters.StandardSize);
        Assert.True(s.TryResolveSeries("BTC-20260626-60000-C", out var series));
        Assert.Equal(OptionType.Call, series.Type);
        Assert.Equal(-1.5m, s.Accounts[new AccountId("carol")].PositionIn(series));
        Assert.Equal(1.5m, s.Accounts[new AccountId("carol")].Locked(Asset.Base));
        Assert.True(s.TryGetStrike(series, out var k));
        Assert.Equal(1.5m, k.VaultCallPosition);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"now\": 1}")]
    [InlineData("{\"now\": \"yesterday\", \"market\": {}}")]
    [InlineData("not json\nat all\n")]
    [InlineData("{\"now\": \"2026-05-29T08:00:00Z\", \"market\": [1, 2]}")]
    public void A_malformed_file_is_an_error_not_an_exception(string json)
    {
        Assert.False(VaultFile.TryLoad(json, out _, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain('\r', error);
    }

    [Fact]
    public void A_file_breaking_an_engine_rule_reports_the_rejection()
    {
        string json = Minimal.Replace("\"base\": 2,", "\"base\": 1,", StringComparison.Ordinal);
        Assert.False(VaultFile.TryLoad(json, out _, out string? error));
        Assert.Contains("InsufficientFunds", error);
    }
}
