using Ballast.Pricing;

namespace Ballast.Bench;

/// <summary>
/// A deterministic book of European options for the benchmarks: strikes from 60 to 140 around spot 100,
/// expiries from one week to two years, vols from 20 % to 100 %, calls and puts alternating.
/// </summary>
public sealed class OptionSet
{
    public OptionSet(int count, int seed)
    {
        var random = new Random(seed);
        Types = new OptionType[count];
        Spots = new double[count];
        Strikes = new double[count];
        Rates = new double[count];
        Yields = new double[count];
        Times = new double[count];
        Vols = new double[count];
        for (int i = 0; i < count; i++)
        {
            Types[i] = i % 2 == 0 ? OptionType.Call : OptionType.Put;
            Spots[i] = 100.0;
            Strikes[i] = 60.0 + 80.0 * random.NextDouble();
            Rates[i] = 0.03;
            Yields[i] = 0.01;
            Times[i] = 7.0 / 365.0 + 2.0 * random.NextDouble();
            Vols[i] = 0.2 + 0.8 * random.NextDouble();
        }
    }

    public OptionType[] Types { get; }

    public double[] Spots { get; }

    public double[] Strikes { get; }

    public double[] Rates { get; }

    public double[] Yields { get; }

    public double[] Times { get; }

    public double[] Vols { get; }

    public int Count => Strikes.Length;
}
