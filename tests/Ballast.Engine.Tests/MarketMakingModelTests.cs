using Ballast.Engine.MarketMaking;
using FsCheck.Xunit;

namespace Ballast.Engine.Tests;

public class MarketMakingModelTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Avellaneda_Stoikov_quote_matches_hand_computed_values()
    {
        // s = 100, q = 2, σ = 2, γ = 0.1, k = 1.5, T − t = 0.5 (AS 2008 eqs. 29–30)
        // r      = 100 − 2·0.1·2²·0.5 = 100 − 0.4 = 99.6
        // spread = 0.1·4·0.5 + (2/0.1)·ln(1 + 0.1/1.5) = 0.2 + 20·ln(16/15)
        //        = 0.2 + 20·0.0645385211375711717 = 1.49077042275142343
        // bid    = 99.6 − 1.49077042275142343/2 = 98.8546147886242883
        // ask    = 99.6 + 0.745385211375711717 = 100.345385211375712
        var result = AvellanedaStoikov.Quote(mid: 100, inventory: 2, volatility: 2, riskAversion: 0.1, intensityDecay: 1.5, timeLeft: 0.5);

        Assert.True(result.IsAccepted);
        Assert.Equal(99.6, result.Quote.Reservation, Tolerance);
        Assert.Equal(1.49077042275142343, result.Quote.Spread, Tolerance);
        Assert.Equal(98.8546147886242883, result.Quote.Bid, Tolerance);
        Assert.Equal(100.345385211375712, result.Quote.Ask, Tolerance);
    }

    [Fact]
    public void Glft_quote_matches_hand_computed_values()
    {
        // s = 100, q = 1, σ = 2, γ = 0.1, k = 1.5, A = 140 (GLFT 2013 closed-form asymptotics)
        // (1 + γ/k)^(1 + k/γ) = (16/15)^16 = 2.80840396557644698
        // C = √(2²·0.1/(2·1.5·140) · 2.80840396557644698) = √(0.4/420 · 2.808403965576447) = 0.0517172161219660003
        // (1/γ)·ln(1 + γ/k) = 10·ln(16/15) = 0.645385211375711717
        // δᵇ = 0.645385211375711717 + (3/2)·C = 0.722961035558660717  → bid = 99.2770389644413393
        // δᵃ = 0.645385211375711717 − (1/2)·C = 0.619526603314728717  → ask = 100.619526603314729
        // reservation = s − q·C = 99.948282783878034; spread = δᵇ + δᵃ = 1.34248763887338943
        var result = GueantLehalleFernandezTapia.Quote(mid: 100, inventory: 1, volatility: 2, riskAversion: 0.1, intensityDecay: 1.5, arrivalIntensity: 140);

        Assert.True(result.IsAccepted);
        Assert.Equal(0.0517172161219660003, GueantLehalleFernandezTapia.InventoryCoefficient(2, 0.1, 1.5, 140), Tolerance);
        Assert.Equal(99.2770389644413393, result.Quote.Bid, Tolerance);
        Assert.Equal(100.619526603314729, result.Quote.Ask, Tolerance);
        Assert.Equal(99.948282783878034, result.Quote.Reservation, Tolerance);
        Assert.Equal(1.34248763887338943, result.Quote.Spread, Tolerance);
    }

    [Fact]
    public void Symmetric_quote_uses_the_zero_inventory_spread_around_the_mid()
    {
        // Same inputs as the AS case: spread 1.49077042275142343 centred on s = 100, whatever q is.
        var result = SymmetricQuoting.Quote(mid: 100, inventory: 7, volatility: 2, riskAversion: 0.1, intensityDecay: 1.5, timeLeft: 0.5);

        Assert.Equal(100.0, result.Quote.Reservation, Tolerance);
        Assert.Equal(100 - 0.745385211375711717, result.Quote.Bid, Tolerance);
        Assert.Equal(100 + 0.745385211375711717, result.Quote.Ask, Tolerance);
    }

    [Theory]
    [InlineData(0.0, 1.5, 140, 2.0, MarketMakingInputError.NonPositiveRiskAversion)]
    [InlineData(-0.1, 1.5, 140, 2.0, MarketMakingInputError.NonPositiveRiskAversion)]
    [InlineData(0.1, 0.0, 140, 2.0, MarketMakingInputError.NonPositiveIntensityDecay)]
    [InlineData(0.1, 1.5, 0.0, 2.0, MarketMakingInputError.NonPositiveArrivalIntensity)]
    [InlineData(0.1, 1.5, 140, -0.5, MarketMakingInputError.NegativeVolatility)]
    [InlineData(double.NaN, 1.5, 140, 2.0, MarketMakingInputError.NotFinite)]
    [InlineData(0.1, 1.5, 140, double.PositiveInfinity, MarketMakingInputError.NotFinite)]
    public void Glft_rejects_bad_parameters_with_a_typed_reason(double gamma, double k, double a, double sigma, MarketMakingInputError expected)
    {
        var result = GueantLehalleFernandezTapia.Quote(100, 0, sigma, gamma, k, a);

        Assert.False(result.IsAccepted);
        Assert.Equal(expected, result.Error);
        Assert.NotEmpty(result.Message);
        Assert.Equal(default, result.Quote);
    }

    [Theory]
    [InlineData(100, 0, 2, 0, 1.5, 1, MarketMakingInputError.NonPositiveRiskAversion)]
    [InlineData(100, 0, 2, 0.1, -1, 1, MarketMakingInputError.NonPositiveIntensityDecay)]
    [InlineData(100, 0, -2, 0.1, 1.5, 1, MarketMakingInputError.NegativeVolatility)]
    [InlineData(0, 0, 2, 0.1, 1.5, 1, MarketMakingInputError.NonPositiveMid)]
    [InlineData(100, 0, 2, 0.1, 1.5, -1, MarketMakingInputError.NegativeTimeLeft)]
    [InlineData(100, double.NaN, 2, 0.1, 1.5, 1, MarketMakingInputError.NotFinite)]
    public void Avellaneda_Stoikov_and_symmetric_reject_bad_parameters_with_a_typed_reason(
        double mid, double q, double sigma, double gamma, double k, double tau, MarketMakingInputError expected)
    {
        Assert.Equal(expected, AvellanedaStoikov.Quote(mid, q, sigma, gamma, k, tau).Error);
        Assert.Equal(expected, SymmetricQuoting.Quote(mid, q, sigma, gamma, k, tau).Error);
    }

    [Fact]
    public void Inputs_valid_one_by_one_whose_quote_overflows_are_rejected_not_returned_as_infinity()
    {
        // q·γ·σ²·(T − t) = 1e308·1e10·1e20 overflows; k tiny makes GLFT's (1 + γ/k)^(1 + k/γ) overflow.
        var asQuote = AvellanedaStoikov.Quote(1e308, 1e308, 1e10, 1e10, 1.5, 1);
        var symmetric = SymmetricQuoting.Quote(100, 0, 1e200, 1e200, 1.5, 1);
        var glft = GueantLehalleFernandezTapia.Quote(100, 1, 2, 1e3, 1e-300, 140);

        foreach (var result in new[] { asQuote, symmetric, glft })
        {
            Assert.Equal(MarketMakingInputError.QuoteNotFinite, result.Error);
            Assert.Equal(default, result.Quote);
            Assert.Contains("overflows", result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Avellaneda_Stoikov_accepts_zero_volatility_and_zero_time_left()
    {
        // σ = 0 or T − t = 0: no inventory risk left, r = s and spread = (2/γ)ln(1 + γ/k) = 20·ln(16/15).
        var result = AvellanedaStoikov.Quote(100, 5, 0, 0.1, 1.5, 0);

        Assert.True(result.IsAccepted);
        Assert.Equal(100.0, result.Quote.Reservation, Tolerance);
        Assert.Equal(1.29077042275142343, result.Quote.Spread, Tolerance);
    }

    // Maps arbitrary integers onto a sane parameter box so the properties explore realistic inputs.
    private static (double Sigma, double Gamma, double K, double A, double Tau) Parameters(int a, int b, int c, int d, int e)
        => (0.1 + Math.Abs(a % 50) / 10.0, 0.01 + Math.Abs(b % 100) / 100.0, 0.5 + Math.Abs(c % 30) / 10.0,
            10 + Math.Abs(d % 200), 0.05 + Math.Abs(e % 20) / 20.0);

    [Property(MaxTest = 300)]
    public bool A_long_inventory_lowers_both_quotes_in_every_model(int a, int b, int c, int d, int e, byte inventory)
    {
        var (sigma, gamma, k, arrival, tau) = Parameters(a, b, c, d, e);
        double q = 1 + inventory % 20;
        var asFlat = AvellanedaStoikov.Quote(100, 0, sigma, gamma, k, tau).Quote;
        var asLong = AvellanedaStoikov.Quote(100, q, sigma, gamma, k, tau).Quote;
        var glftFlat = GueantLehalleFernandezTapia.Quote(100, 0, sigma, gamma, k, arrival).Quote;
        var glftLong = GueantLehalleFernandezTapia.Quote(100, q, sigma, gamma, k, arrival).Quote;
        return asLong.Bid < asFlat.Bid && asLong.Ask < asFlat.Ask && glftLong.Bid < glftFlat.Bid && glftLong.Ask < glftFlat.Ask;
    }

    [Property(MaxTest = 300)]
    public bool At_zero_inventory_every_model_is_symmetric_around_the_mid(int a, int b, int c, int d, int e)
    {
        var (sigma, gamma, k, arrival, tau) = Parameters(a, b, c, d, e);
        var quotes = new[]
        {
            AvellanedaStoikov.Quote(100, 0, sigma, gamma, k, tau).Quote,
            GueantLehalleFernandezTapia.Quote(100, 0, sigma, gamma, k, arrival).Quote,
            SymmetricQuoting.Quote(100, 0, sigma, gamma, k, tau).Quote,
        };
        return quotes.All(x => Math.Abs((100 - x.Bid) - (x.Ask - 100)) < 1e-9 && Math.Abs(x.Reservation - 100) < 1e-12);
    }

    [Property(MaxTest = 300)]
    public bool Avellaneda_Stoikov_spread_does_not_depend_on_inventory(int a, int b, int c, int d, int e, short inventory)
    {
        var (sigma, gamma, k, _, tau) = Parameters(a, b, c, d, e);
        var flat = AvellanedaStoikov.Quote(100, 0, sigma, gamma, k, tau).Quote;
        var loaded = AvellanedaStoikov.Quote(100, inventory, sigma, gamma, k, tau).Quote;
        return Math.Abs(flat.Spread - loaded.Spread) < 1e-12 && Math.Abs((loaded.Ask - loaded.Bid) - loaded.Spread) < 1e-9;
    }
}
