using System.Globalization;
using Ballast.Pricing.Surfaces;

namespace Ballast.Pricing.Tests;

public class DeribitChainLoaderTests
{
    private const double Forward = 100_000;
    private static readonly double Time = 30 / 365.0;

    // Inverse option price in BTC: undiscounted Black-76 USD price / F.
    private static string BtcPrice(OptionType type, double strike, double vol)
        => (Black76.UndiscountedPrice(type, Forward, strike, Time, vol) / Forward).ToString("R", CultureInfo.InvariantCulture);

    private static string Chain(string options) => $$"""
        {"asset": "btc", "asset_curve": {"ref_date": "2026-05-21T08:00:00Z"},
         "inputs": [
          {"security_type": "spot", "bid": "99990", "ask": "100010"},
          {"security_type": "forward", "maturity": "2026-06-20T08:00:00Z", "bid": "99995", "ask": "100005"},
          {{options}}
         ]}
        """;

    [Fact]
    public void Options_are_read_per_expiry_with_deribit_vols_or_vols_implied_from_prices()
    {
        string call = BtcPrice(OptionType.Call, 110_000, 0.6);
        var result = DeribitChainLoader.Parse(Chain($$"""
            {"security_type": "option", "option_type": "put", "strike": "90000", "maturity": "2026-06-20T08:00:00Z", "bid": "0.01", "ask": "0.012", "iv_bid": "0.55", "iv_ask": "0.59"},
            {"security_type": "option", "option_type": "call", "strike": "110000", "maturity": "2026-06-20T08:00:00Z", "bid": "{{call}}", "ask": "{{call}}"}
            """));

        Assert.True(result.IsSuccess, result.Message);
        var chain = result.Chain!;
        Assert.Equal(new DateTimeOffset(2026, 5, 21, 8, 0, 0, TimeSpan.Zero), chain.ReferenceTime);
        Assert.Equal(100_000, chain.Spot);
        var expiry = Assert.Single(chain.Expiries);
        Assert.Equal(Time, expiry.Time, 15);
        Assert.Equal(Forward, expiry.Forward);
        Assert.Equal(2, expiry.Quotes.Count);
        var put = expiry.Quotes[0];
        Assert.Equal((0.55, 0.59, OptionType.Put), (put.BidVol, put.AskVol, put.Type));
        Assert.Equal(0.57, put.MidVol, 15);
        Assert.Equal(Math.Log(0.9), put.LogMoneyness, 15);
        Assert.Equal(0.6, expiry.Quotes[1].MidVol, 9);
    }

    [Fact]
    public void One_sided_expired_forwardless_and_in_the_money_duplicate_quotes_are_skipped_and_counted()
    {
        var result = DeribitChainLoader.Parse(Chain("""
            {"security_type": "option", "option_type": "put", "strike": "90000", "maturity": "2026-06-20T08:00:00Z", "bid": "0.01", "ask": "0.012", "iv_bid": "0.55", "iv_ask": "0.59"},
            {"security_type": "option", "option_type": "call", "strike": "90000", "maturity": "2026-06-20T08:00:00Z", "bid": "0.11", "ask": "0.12", "iv_bid": "0.50", "iv_ask": "0.70"},
            {"security_type": "option", "option_type": "call", "strike": "120000", "maturity": "2026-06-20T08:00:00Z", "bid": "0", "ask": "0.001", "iv_bid": "0", "iv_ask": "0.9"},
            {"security_type": "option", "option_type": "call", "strike": "120000", "maturity": "2026-05-20T08:00:00Z", "bid": "0.001", "ask": "0.002"},
            {"security_type": "option", "option_type": "call", "strike": "120000", "maturity": "2026-07-20T08:00:00Z", "bid": "0.001", "ask": "0.002"}
            """));

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(new ChainFilterCounts(NotTwoSided: 1, Expired: 1, NoForward: 1, NoImpliedVol: 0, InTheMoneyDuplicate: 1), result.Chain!.Skipped);
        var kept = Assert.Single(Assert.Single(result.Chain.Expiries).Quotes);
        Assert.Equal(OptionType.Put, kept.Type);
    }

    [Fact]
    public void A_price_below_intrinsic_without_deribit_vols_is_skipped_as_having_no_implied_vol()
    {
        var result = DeribitChainLoader.Parse(Chain("""
            {"security_type": "option", "option_type": "put", "strike": "90000", "maturity": "2026-06-20T08:00:00Z", "bid": "0.01", "ask": "0.012", "iv_bid": "0.55", "iv_ask": "0.59"},
            {"security_type": "option", "option_type": "put", "strike": "150000", "maturity": "2026-06-20T08:00:00Z", "bid": "0.1", "ask": "0.2"}
            """));
        Assert.Equal(1, result.Chain!.Skipped.NoImpliedVol);
    }

    [Theory]
    [InlineData("{not json", ChainLoadError.MalformedJson, "malformed JSON")]
    [InlineData("[]", ChainLoadError.MissingField, "not a JSON object")]
    [InlineData("""{"asset_curve": {"ref_date": "2026-05-21T08:00:00Z"}}""", ChainLoadError.MissingField, "'inputs'")]
    [InlineData("""{"inputs": []}""", ChainLoadError.MissingField, "ref_date")]
    [InlineData("""{"asset_curve": {"ref_date": "yesterday"}, "inputs": []}""", ChainLoadError.InvalidValue, "ref_date")]
    [InlineData("""{"asset_curve": {"ref_date": "2026-05-21T08:00:00Z"}, "inputs": [{"security_type": "spot", "bid": "abc", "ask": "1"}]}""", ChainLoadError.InvalidValue, "inputs[0].bid")]
    [InlineData("""{"asset_curve": {"ref_date": "2026-05-21T08:00:00Z"}, "inputs": [{"security_type": "option", "option_type": "call", "maturity": "2026-06-20T08:00:00Z", "bid": "1", "ask": "1"}]}""", ChainLoadError.MissingField, "inputs[0]: missing 'strike'")]
    [InlineData("""{"asset_curve": {"ref_date": "2026-05-21T08:00:00Z"}, "inputs": []}""", ChainLoadError.NoUsableQuotes, "no usable")]
    public void Malformed_documents_get_a_typed_one_line_error(string json, ChainLoadError error, string fragment)
    {
        var result = DeribitChainLoader.Parse(json);
        Assert.Equal(error, result.Error);
        Assert.Contains(fragment, result.Message);
        Assert.DoesNotContain('\n', result.Message);
        Assert.Null(result.Chain);
    }
}
