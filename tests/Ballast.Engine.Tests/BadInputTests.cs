using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Tests.Support;
using Ballast.Engine.Volatility;
using Ballast.Pricing;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests;

public class BadInputTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e-12)]
    public void A_size_that_is_not_positive_and_finite_is_rejected_and_changes_nothing(double size)
    {
        var v = Open();
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, size, 1_000_000m), RejectionReason.InvalidSize);
        Assert.Equal(RejectionReason.InvalidSize, Vault.Quote(v.State, Call(3000), TradeDirection.Buy, size, v.Now).Rejection!.Reason);
    }

    [Fact]
    public void An_unknown_series_is_rejected()
    {
        var v = Open();
        v.Rejected(new Trade(Alice, Call(3100), TradeDirection.Buy, 1, 1_000_000m), RejectionReason.UnknownSeries);
        v.Rejected(new Trade(Alice, new SeriesId(Expiry + Day, 3000, OptionType.Call), TradeDirection.Buy, 1, 1_000_000m), RejectionReason.UnknownSeries);
        v.Rejected(new Trade(Alice, new SeriesId(Expiry, 3000, (OptionType)7), TradeDirection.Buy, 1, 1_000_000m), RejectionReason.UnknownSeries);
    }

    [Fact]
    public void An_expired_series_is_rejected()
    {
        var v = Open();
        v.Now = Expiry + 1;
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now));
        v.Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 1, 1_000_000m), RejectionReason.SeriesExpired);
    }

    [Fact]
    public void Acting_in_the_wrong_role_is_rejected()
    {
        var v = Open();
        v.Rejected(new Trade(Governor, Call(3000), TradeDirection.Buy, 1, 1_000_000m), RejectionReason.Unauthorized);
        v.Rejected(new UpdateSpot(Alice, 3100, v.Now), RejectionReason.Unauthorized);
        v.Rejected(new DepositCapital(Alice, Alice.Account, Asset.Quote, 1), RejectionReason.Unauthorized);
        v.Rejected(new SetParameter(Oracle, "standardSize", 10, v.Now), RejectionReason.Unauthorized);
        v.Rejected(new SettleBoard(Alice, Expiry), RejectionReason.Unauthorized);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3000.0)]
    [InlineData(double.NaN)]
    public void A_bad_spot_is_rejected(double spot) =>
        Open().Rejected(new UpdateSpot(Oracle, spot, T0), RejectionReason.InvalidInput);

    [Fact]
    public void Amounts_with_more_decimals_than_the_asset_are_rejected() =>
        Open().Rejected(new DepositCollateral(Alice, Asset.Quote, 1.0000001m), RejectionReason.InvalidInput);

    [Fact]
    public void A_negative_limit_price_is_rejected() =>
        Open().Rejected(new Trade(Alice, Call(3000), TradeDirection.Buy, 1, -1m), RejectionReason.InvalidInput);

    [Fact]
    public void A_principal_without_an_account_is_rejected()
    {
        var v = Open();
        v.Rejected(new DepositCollateral(new Principal(default, Role.Trader), Asset.Quote, 1m), RejectionReason.Unauthorized);
        v.Rejected(new DepositCollateral(new Principal(new AccountId(""), Role.Trader), Asset.Quote, 1m), RejectionReason.Unauthorized);
    }

    [Fact]
    public void A_command_dated_before_the_last_event_is_rejected()
    {
        var v = Open();
        v.Now -= 1;
        v.Rejected(new DepositCollateral(Alice, Asset.Quote, 1m), RejectionReason.InvalidInput);
    }
}
