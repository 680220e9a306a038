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

    [Fact]
    public void Binary_noise_in_a_model_number_is_not_rounded_against_anyone()
    {
        // 0.1 and 0.7 are not exact in binary; they still mean 0.1 and 0.7.
        Assert.Equal(0.1m, Money.RoundInVaultFavour(0.1, MoneyFlow.ToVault, 6));
        Assert.Equal(0.7m, Money.RoundInVaultFavour(0.1 * 7, MoneyFlow.FromVault, 6));
    }

    [Fact]
    public void Rounding_is_on_the_vaults_side_of_the_amount_up_to_binary_noise_and_within_one_unit()
    {
        var r = new Random(3);
        for (int i = 0; i < 10_000; i++)
        {
            double x = r.NextDouble() * Math.Pow(10, r.Next(-3, 8));
            decimal up = Money.RoundInVaultFavour(x, MoneyFlow.ToVault, 6), down = Money.RoundInVaultFavour(x, MoneyFlow.FromVault, 6);
            Assert.True((double)up >= x * (1 - 1e-13) && (double)up - x < 1e-6 + x * 1e-13, $"up {up} for {x:R}");
            Assert.True((double)down <= x * (1 + 1e-13) && x - (double)down < 1e-6 + x * 1e-13, $"down {down} for {x:R}");
            Assert.True(up - down is 0m or 0.000001m);
        }
    }

    [Fact]
    public void Sizes_round_toward_zero()
    {
        Assert.Equal(1.23456789m, Money.RoundTowardZero(1.234567899, 8));
        Assert.Equal(-1.23456789m, Money.RoundTowardZero(-1.234567899, 8));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void Converting_a_non_finite_or_negative_model_amount_is_a_bug(double amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.RoundInVaultFavour(amount, MoneyFlow.ToVault, 6));
}
