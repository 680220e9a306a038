using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests.Support;

/// <summary>Seeded margin-mode traders on the default test book, and a keeper that liquidates until nothing is left to do.</summary>
public static class MarginFlow
{
    public static readonly Principal Keeper = new(new AccountId("keeper"), Role.Keeper);

    /// <summary>
    /// Opens the default book with an insurance fund of <paramref name="insuranceFund"/> and <paramref name="count"/>
    /// traders "m00".. in standard or portfolio margin, each with 2,000–20,000 USDC, selling (mostly puts) until the
    /// engine's margin check refuses. Returns the traders.
    /// </summary>
    public static List<Principal> Traders(TestVault v, Random r, int count, decimal insuranceFund)
    {
        if (insuranceFund > 0m) v.Ok(new DepositInsuranceFund(Admin, insuranceFund));
        var traders = new List<Principal>(count);
        for (int i = 0; i < count; i++)
        {
            var trader = new Principal(new AccountId($"m{i:D2}"), Role.Trader);
            traders.Add(trader);
            v.Ok(new DepositCollateral(trader, Asset.Quote, Math.Round(2_000m + (decimal)r.NextDouble() * 18_000m, 2)));
            v.Ok(new SetMarginMode(trader, r.Next(2) == 0 ? AccountMarginMode.Standard : AccountMarginMode.Portfolio));
            for (int k = 0; k < 12; k++)
            {
                var side = r.Next(5) == 0 ? TradeDirection.Buy : TradeDirection.Sell;
                double size = Math.Round(0.5 + r.NextDouble() * 4, 2);
                // Mostly puts, so that a downward gap hurts most books.
                var series = new SeriesId(Expiry, RandomFlow.Strikes[r.Next(RandomFlow.Strikes.Length)], r.Next(4) == 0 ? Pricing.OptionType.Call : Pricing.OptionType.Put);
                v.Run(new Trade(trader, series, side, size, side == TradeDirection.Buy ? decimal.MaxValue : 0m));
            }
        }

        return traders;
    }

    /// <summary>Liquidates every account (in order) until each is refused; returns the number of accepted steps.</summary>
    public static int LiquidateAll(TestVault v, IEnumerable<Principal> traders, int maxStepsPerAccount = 50)
    {
        int steps = 0;
        foreach (var trader in traders)
        {
            for (int i = 0; i < maxStepsPerAccount && v.Run(new Liquidate(Keeper, trader.Account)).IsAccepted; i++) steps++;
        }

        return steps;
    }
}
