using Ballast.Engine.Margin;
using Ballast.Pricing;

namespace Ballast.Engine.Tests.Margin;

/// <summary>Builders shared by the margin tests.</summary>
internal static class MarginTestData
{
    public const double Days30 = 30.0 / 365.0;
    public static readonly MarginMarket Market3000 = new(3000, 0.0);

    public static MarginPosition Call(double strike, double quantity, double mark, double t = Days30, double vol = 0.6)
        => new(OptionType.Call, strike, t, quantity, mark, vol);

    public static MarginPosition Put(double strike, double quantity, double mark, double t = Days30, double vol = 0.6)
        => new(OptionType.Put, strike, t, quantity, mark, vol);

    /// <summary>A position marked at its BSM price.</summary>
    public static MarginPosition Priced(OptionType type, double strike, double t, double quantity, double vol, MarginMarket market)
        => new(type, strike, t, quantity, BlackScholesMerton.Price(type, market.Spot, strike, market.Rate, market.DividendYield, t, vol), vol);

    public static TraderAccount Account(decimal quote, MarginMode mode, params MarginPosition[] positions) => new(quote, 0m, positions, mode);

    /// <summary>A random account (seeded by the caller): 1–6 positions around spot, mostly short, with collateral
    /// between 0 and 3× the rough notional.</summary>
    public static TraderAccount RandomAccount(Random rng, MarginMarket market, MarginMode mode)
    {
        int n = rng.Next(1, 7);
        var positions = new MarginPosition[n];
        double[] expiries = [7 / 365.0, 30 / 365.0, 90 / 365.0];
        for (int i = 0; i < n; i++)
        {
            var type = rng.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            double strike = Math.Round(market.Spot * (0.7 + 0.6 * rng.NextDouble()) / 50) * 50;
            double t = expiries[rng.Next(expiries.Length)];
            double quantity = Math.Round((rng.NextDouble() * 10 - 7) * 4) / 4; // −7 … +3 in quarters
            double vol = 0.4 + 0.6 * rng.NextDouble();
            positions[i] = Priced(type, strike, t, quantity, vol, market);
        }

        decimal quote = Math.Round((decimal)(rng.NextDouble() * 3 * market.Spot), 2);
        return new TraderAccount(quote, 0m, positions, mode);
    }
}
