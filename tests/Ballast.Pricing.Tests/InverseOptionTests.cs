using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ballast.Pricing.Tests;

public class InverseOptionTests
{
    [Theory]
    // F = 30,000, K = 32,000, T = 30/365, σ = 0.6, r = 0.01: Black-76 value / F, computed with mpmath at 40 digits.
    [InlineData("call", 0.0423688695519036861039844824728577475473)]
    [InlineData("put", 0.108980764210150394438830609420423068891)]
    public void Inverse_option_value_in_base_units_is_the_Black76_value_divided_by_the_forward(string type, double expected)
    {
        var optionType = type == "call" ? OptionType.Call : OptionType.Put;
        double value = InverseOption.Black76PriceInBase(optionType, 30_000, 32_000, 0.01, 30.0 / 365, 0.6);
        Assert.Equal(expected, value, expected * 1e-12);
    }

    [Fact]
    public void Converting_to_base_units_and_back_recovers_the_usd_price()
    {
        double usd = 1234.5678;
        Assert.Equal(usd, InverseOption.ToUsd(InverseOption.ToBaseUnits(usd, 43_210.5), 43_210.5), 1e-12 * usd);
        Assert.Equal(0.5, InverseOption.ToBaseUnits(15_000, 30_000));
    }

    [Property(MaxTest = 500)]
    public Property Inverse_call_is_worth_at_most_one_discounted_coin_and_inverse_parity_holds()
    {
        var gen = from forward in Gen.Choose(100, 200_000)
                  from logMoneyness in Gen.Choose(-2000, 2000)
                  from days in Gen.Choose(1, 730)
                  from volPct in Gen.Choose(5, 300)
                  select (forward: (double)forward, strike: forward * Math.Exp(logMoneyness / 1000.0), t: days / 365.0, vol: volPct / 100.0);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            const double r = 0.03;
            double df = Math.Exp(-r * x.t);
            double call = InverseOption.Black76PriceInBase(OptionType.Call, x.forward, x.strike, r, x.t, x.vol);
            double put = InverseOption.Black76PriceInBase(OptionType.Put, x.forward, x.strike, r, x.t, x.vol);
            // Base-unit parity: (C − P)/F = e^(−rT)(1 − K/F); a call pays at most one coin at expiry.
            bool parity = Math.Abs(call - put - df * (1 - x.strike / x.forward)) <= 1e-12 * df * (1 + x.strike / x.forward);
            return parity && call >= 0 && call <= df && put >= 0;
        });
    }
}
