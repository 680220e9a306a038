using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Tests.Support;
using Ballast.Engine.Volatility;
using Ballast.Pricing;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class QuoteTests
{
    private const double Years28Days = 28.0 / 365.0;

    [Fact]
    public void Premium_is_the_model_price_at_the_post_trade_vol()
    {
        var v = Open();
        var q = v.Quote(Call(3000), TradeDirection.Buy, 2);
        // Lyra ivImpactForTrade: Δbase = (2/5)/100 = 0.004, Δskew = 0.004·0.75 = 0.003.
        Assert.Equal(0.804, q.NewBaseIv, 12);
        Assert.Equal(1.003, q.NewSkew, 12);
        Assert.Equal(0.804 * 1.003, q.Vol, 12);
        double price = BlackScholesMerton.Price(OptionType.Call, 3000, 3000, 0.05, 0, Years28Days, q.Vol);
        Assert.Equal(2 * price, q.Premium, 9);
    }

    [Fact]
    public void With_Lyra_defaults_every_fee_matches_its_formula_by_hand()
    {
        var v = Open();
        var q = v.Quote(Call(3000), TradeDirection.Buy, 1);
        var g = BlackScholesMerton.Greeks(OptionType.Call, 3000, 3000, 0.05, 0, Years28Days, q.Vol);
        // 28 days is inside the 6-week 1x point: tw(c) = c.
        Assert.Equal(0.01 * q.Premium, q.OptionPriceFee, 12);
        Assert.Equal(0.01 * 3000 * 1, q.SpotPriceFee, 9);
        // The vault sells one call: its net std vega goes from 0 to −vega·√(30/28)/100, so |net std vega| rises.
        double postStdVega = -g.Vega * Math.Sqrt(30.0 / 28.0) / 100;
        double vegaUtil = q.Vol * Math.Abs(postStdVega) / 10_000_000.0;
        Assert.Equal(100 * vegaUtil * 1, q.VegaUtilFee, 12);
        // Variance fee: 0.25·(0 + vega·0.01)·(1 + |skew − 1|·3)·(1 + |gwavIv − baseIv|·1.5)·amount; GWAV = 0.8 (listing value).
        double variance = 0.25 * (0 + g.Vega * 0.01) * (1 + Math.Abs(q.NewSkew - 1) * 3) * (1 + Math.Abs(0.8 - q.NewBaseIv) * 1.5) * 1;
        Assert.Equal(variance, q.VarianceFee, 9);
        Assert.Equal(0.0, q.InventoryAdjustment);
    }

    [Fact]
    public void Buy_total_is_premium_plus_fees_and_sell_total_is_premium_minus_fees()
    {
        var v = Open(VaultParameters.Default with { DeltaRiskAversion = 1e-4, VegaRiskAversion = 1e-4 });
        var buy = v.Quote(Call(3000), TradeDirection.Buy, 3);
        Assert.NotEqual(0.0, buy.InventoryAdjustment);
        Assert.Equal(buy.Premium + buy.Fees + buy.InventoryAdjustment, buy.Total, 9);
        var sell = v.Quote(Put(2750), TradeDirection.Sell, 3);
        Assert.Equal(Math.Max(sell.Premium - sell.Fees - sell.InventoryAdjustment, 0), sell.Total, 9);
    }

    [Fact]
    public void Payment_is_the_total_rounded_up_on_a_buy_and_down_on_a_sell()
    {
        var v = Open();
        var buy = v.Quote(Call(3000), TradeDirection.Buy, 1);
        Assert.True(buy.Payment >= (decimal)buy.Total && buy.Payment - (decimal)buy.Total < 0.000001m);
        var sell = v.Quote(Call(3000), TradeDirection.Sell, 1);
        Assert.True(sell.Payment <= (decimal)sell.Total && (decimal)sell.Total - sell.Payment < 0.000001m);
    }

    [Fact]
    public void An_inverse_market_is_paid_in_base_at_spot()
    {
        var v = Open(settlement: SettlementStyle.Inverse);
        var q = v.Quote(Call(3000), TradeDirection.Buy, 1);
        Assert.Equal(Asset.Base, q.PaymentAsset);
        Assert.InRange((double)q.Payment - q.Total / 3000, 0, 1.0000001e-8);
    }

    [Fact]
    public void A_quote_carries_the_oracle_time_the_state_version_and_an_expiry()
    {
        var v = Open();
        v.Now += 10;
        var q = v.Quote(Call(3000), TradeDirection.Buy, 1);
        Assert.Equal(T0, q.OracleTimestamp);
        Assert.Equal(v.State.Version, q.StateVersion);
        Assert.Equal(v.Now + 30, q.ExpiresAt);
    }

    [Fact]
    public void Trade_Greeks_are_size_times_option_Greeks_signed_by_side()
    {
        var v = Open();
        var buy = v.Quote(Put(2750), TradeDirection.Buy, 4);
        var g = BlackScholesMerton.Greeks(OptionType.Put, 3000, 2750, 0.05, 0, Years28Days, buy.Vol);
        Assert.Equal(4 * g.Delta, buy.Delta, 9);
        Assert.Equal(4 * g.Vega, buy.Vega, 9);
        Assert.Equal(4 * g.Gamma, buy.Gamma, 12);
        var sell = v.Quote(Put(2750), TradeDirection.Sell, 4);
        Assert.True(sell.Delta > 0);
    }

    [Fact]
    public void Larger_orders_pay_more_per_option()
    {
        var v = Open();
        var small = v.Quote(Call(3000), TradeDirection.Buy, 1);
        var large = v.Quote(Call(3000), TradeDirection.Buy, 20);
        Assert.True(large.Total / 20 > small.Total);
    }

    [Fact]
    public void Quoting_changes_nothing()
    {
        var v = Open();
        string before = v.State.StateHash();
        v.Quote(Call(3000), TradeDirection.Buy, 5);
        Assert.Equal(before, v.State.StateHash());
    }

    [Fact]
    public void Splitting_an_order_into_iterations_keeps_the_final_vols_and_prices_along_the_path()
    {
        var one = Open().Quote(Call(3000), TradeDirection.Buy, 10);
        var four = Open(VaultParameters.Default with { Iterations = 4 }).Quote(Call(3000), TradeDirection.Buy, 10);
        Assert.Equal(one.NewBaseIv, four.NewBaseIv, 12);
        Assert.Equal(one.NewSkew, four.NewSkew, 12);
        Assert.True(four.Premium < one.Premium, "earlier pieces are priced at lower vols");
    }

    [Fact]
    public void Flow_that_reduces_the_vaults_risk_gets_an_inventory_discount_and_flow_that_adds_risk_pays()
    {
        var v = Open(VaultParameters.Default with { DeltaRiskAversion = 1e-4, VegaRiskAversion = 1e-4 });
        v.Buy(Call(3000), 10);   // the vault is now short calls: short delta and short vega
        var adding = v.Quote(Call(3000), TradeDirection.Buy, 2);
        var reducing = v.Quote(Call(3000), TradeDirection.Sell, 2);
        Assert.True(adding.InventoryAdjustment > 0);
        Assert.True(reducing.InventoryAdjustment < 0);
    }

    [Fact]
    public void Without_risk_aversion_the_inventory_term_is_zero_whatever_the_book()
    {
        var v = Open();
        v.Buy(Call(3000), 10);
        Assert.Equal(0.0, v.Quote(Call(3000), TradeDirection.Sell, 2).InventoryAdjustment);
    }

    [Fact]
    public void The_variance_fee_grows_when_base_iv_has_moved_away_from_its_gwav()
    {
        var v = Open();
        var calm = v.Quote(Call(3000), TradeDirection.Buy, 1);
        v.Now += 3600;
        v.Ok(new UpdateVol(Oracle, Expiry, 1.0, [], v.Now));   // base IV jumps from 0.8 to 1.0; its 1-day GWAV lags
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now));
        var q = v.Quote(Call(3000), TradeDirection.Buy, 1);
        double gwav = v.State.Boards[Expiry].BaseIvGwav.AverageOverLast(86_400, v.Now);
        Assert.Equal(0.8, gwav, 12); // the new value has held for no time yet
        var g = BlackScholesMerton.Greeks(OptionType.Call, 3000, 3000, 0.05, 0, (Expiry - v.Now) / (365.0 * 86_400), q.Vol);
        double expected = 0.25 * g.Vega * 0.01 * (1 + Math.Abs(q.NewSkew - 1) * 3) * (1 + Math.Abs(gwav - q.NewBaseIv) * 1.5);
        Assert.Equal(expected, q.VarianceFee, 9);
        Assert.True(q.VarianceFee > calm.VarianceFee);
    }
}
