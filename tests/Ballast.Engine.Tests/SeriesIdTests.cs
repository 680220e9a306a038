using Ballast.Engine.Markets;
using Ballast.Engine.Tests.Support;
using Ballast.Pricing;

namespace Ballast.Engine.Tests;

public class SeriesIdTests
{
    [Fact]
    public void Series_name_is_underlying_expiry_date_strike_and_type()
    {
        long expiry = new DateTimeOffset(2026, 6, 26, 8, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Equal("ETH-20260626-3000-C", new SeriesId(expiry, 3000.00m, OptionType.Call).Name("ETH"));
        Assert.Equal("ETH-20260626-2500.5-P", new SeriesId(expiry, 2500.50m, OptionType.Put).Name("ETH"));
    }

    [Theory]
    [InlineData("ETH-2026062-3000-C")]
    [InlineData("ETH-20260626-3000-X")]
    [InlineData("ETH-20260626--3000-C")]
    [InlineData("ETH-20260626-0-C")]
    [InlineData("")]
    public void Malformed_names_do_not_parse(string name) =>
        Assert.False(SeriesId.TryParseName(name, out _, out _, out _, out _));

    [Fact]
    public void A_listed_series_is_found_by_its_name()
    {
        var v = TestVault.Open();
        string name = TestVault.Put(2750).Name("ETH");
        Assert.True(v.State.TryResolveSeries(name, out var found));
        Assert.Equal(TestVault.Put(2750), found);
        Assert.False(v.State.TryResolveSeries(TestVault.Put(2600).Name("ETH"), out _));
        Assert.False(v.State.TryResolveSeries(name.Replace("ETH", "BTC"), out _));
    }

    [Fact]
    public void Equal_strikes_with_different_scales_are_the_same_series()
    {
        Assert.Equal(TestVault.Call(3000m), TestVault.Call(3000.000m));
        Assert.Equal(TestVault.Call(3000m).GetHashCode(), TestVault.Call(3000.000m).GetHashCode());
    }
}
