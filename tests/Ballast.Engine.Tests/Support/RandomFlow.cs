using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;
using Ballast.Pricing;
using static Ballast.Engine.Tests.Support.TestVault;

namespace Ballast.Engine.Tests.Support;

/// <summary>Seeded random command flow over the default test book: trades, spot and vol moves, time passing.</summary>
public static class RandomFlow
{
    public static readonly decimal[] Strikes = [2500m, 2750m, 3000m, 3250m, 3500m];

    public static SeriesId RandomSeries(Random r) =>
        new(Expiry, Strikes[r.Next(Strikes.Length)], r.Next(2) == 0 ? OptionType.Call : OptionType.Put);

    /// <summary>A random command (accepted or not, depending on state).</summary>
    public static Command Next(Random r, TestVault v, ref double spot)
    {
        int kind = r.Next(10);
        var trader = r.Next(2) == 0 ? Alice : Bob;
        switch (kind)
        {
            case 0:
                spot *= 1 + (r.NextDouble() - 0.5) * 0.04;
                v.Now += r.Next(1, 60);
                return new UpdateSpot(Oracle, Math.Round(spot, 2), v.Now);
            case 1:
                return new UpdateVol(Oracle, Expiry, 0.6 + r.NextDouble() * 0.4,
                    [new StrikeSkew(Strikes[r.Next(Strikes.Length)], 0.9 + r.NextDouble() * 0.2)], v.Now);
            case 2:
                v.Now += r.Next(1, 30);
                return new UpdateSpot(Oracle, Math.Round(spot, 2), v.Now);
            default:
                double size = Math.Round(0.1 + r.NextDouble() * 4, 2);
                var side = r.Next(2) == 0 ? TradeDirection.Buy : TradeDirection.Sell;
                return new Trade(trader, RandomSeries(r), side, size, side == TradeDirection.Buy ? decimal.MaxValue : 0m);
        }
    }

    /// <summary>The default book plus a funded second trader.</summary>
    public static TestVault Book(Parameters.VaultParameters? parameters = null)
    {
        var v = Open(parameters);
        v.Ok(new DepositCollateral(Bob, Asset.Quote, 1_000_000m));
        v.Ok(new DepositCollateral(Bob, Asset.Base, 100m));
        return v;
    }

    /// <summary>Runs <paramref name="steps"/> random commands; returns the final spot.</summary>
    public static double Run(TestVault v, Random r, int steps, Action? afterEach = null)
    {
        double spot = 3000;
        for (int i = 0; i < steps; i++)
        {
            v.Run(Next(r, v, ref spot));
            afterEach?.Invoke();
        }

        return spot;
    }
}
