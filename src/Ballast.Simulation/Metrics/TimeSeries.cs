namespace Ballast.Simulation.Metrics;

/// <summary>Per-step record of one path for charts and <c>timeseries.csv</c>; arrays indexed by step.</summary>
public sealed class TimeSeries
{
    /// <summary>Creates empty arrays for <paramref name="points"/> steps (steps + 1).</summary>
    public TimeSeries(int points)
    {
        Time = new long[points];
        Spot = new double[points];
        MarketVol = new double[points];
        Nav = new double[points];
        UnitPrice = new double[points];
        Drawdown = new double[points];
        NetDelta = new double[points];
        NetVega = new double[points];
        NetStandardVega = new double[points];
        Utilisation = new double[points];
        CumulativeTrades = new long[points];
        TrancheSharePrices = [new double[points], new double[points]];
        Components = new double[Enum.GetValues<PnlComponent>().Length][];
        for (int c = 0; c < Components.Length; c++) Components[c] = new double[points];
    }

    /// <summary>Simulated clock, Unix seconds.</summary>
    public long[] Time { get; }
    /// <summary>Oracle spot.</summary>
    public double[] Spot { get; }
    /// <summary>Market (oracle) volatility.</summary>
    public double[] MarketVol { get; }
    /// <summary>Vault NAV, quote.</summary>
    public double[] Nav { get; }
    /// <summary>NAV per LP unit (1 at the start).</summary>
    public double[] UnitPrice { get; }
    /// <summary>Fall of the unit price from its running peak, fraction.</summary>
    public double[] Drawdown { get; }
    /// <summary>Vault net delta (options + base holdings), base units.</summary>
    public double[] NetDelta { get; }
    /// <summary>Vault net vega, quote per 1.00 vol.</summary>
    public double[] NetVega { get; }
    /// <summary>Vault net standard vega.</summary>
    public double[] NetStandardVega { get; }
    /// <summary>1 − free liquidity / holdings.</summary>
    public double[] Utilisation { get; }
    /// <summary>Accepted trades so far.</summary>
    public long[] CumulativeTrades { get; }
    /// <summary>Share price of each pool tranche (senior, junior), quote per share, by step.</summary>
    public double[][] TrancheSharePrices { get; }
    /// <summary>Tranche names in <see cref="TrancheSharePrices"/> order.</summary>
    public static IReadOnlyList<string> TrancheNames => Runner.LpDesk.TrancheNames;
    /// <summary>Cumulative PnL by <see cref="PnlComponent"/> (index) and step.</summary>
    public double[][] Components { get; }
    /// <summary>Vault position by strike at the end (all live series, calls + puts), for the inventory chart.</summary>
    public List<(decimal Strike, long Expiry, double CallPosition, double PutPosition)> FinalInventory { get; } = [];
}
