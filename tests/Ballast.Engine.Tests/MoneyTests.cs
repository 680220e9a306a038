using Ballast.Engine.Accounting;

namespace Ballast.Engine.Tests;

public class MoneyTests
{
    [Fact]
    public void Amounts_the_vault_receives_round_up()
    {
        Assert.Equal(1.000001m, Money.RoundInVaultFavour(1.0000001, MoneyFlow.ToVault, 6));
        Assert.Equal(2m, Money.RoundInVaultFavour(1.5m, MoneyFlow.ToVault, 0));
    }

    [Fact]
    public void Amounts_the_vault_pays_round_down()
    {
        Assert.Equal(1.000000m, Money.RoundInVaultFavour(1.0000009, MoneyFlow.FromVault, 6));
        Assert.Equal(1m, Money.RoundInVaultFavour(1.5m, MoneyFlow.FromVault, 0));
    }

    [Fact]
    public void Exact_amounts_are_unchanged_either_way()
    {
        Assert.Equal(12.25m, Money.RoundInVaultFavour(12.25, MoneyFlow.ToVault, 6));
        Assert.Equal(12.25m, Money.RoundInVaultFavour(12.25, MoneyFlow.FromVault, 6));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void Converting_a_non_finite_or_negative_model_amount_is_a_bug(double amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.RoundInVaultFavour(amount, MoneyFlow.ToVault, 6));
}
