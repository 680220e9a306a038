using System.Globalization;
using System.Text;
using Ballast.Simulation.Metrics;

namespace Ballast.Simulation.Reports;

/// <summary><c>timeseries.csv</c>: path 0 of a cell, one row per step (invariant culture, shortest round-trip numbers).</summary>
public static class TimeSeriesCsv
{
    /// <summary>The CSV text.</summary>
    public static string Write(TimeSeries t)
    {
        var sb = new StringBuilder();
        sb.Append("time,spot,marketVol,nav,unitPrice,drawdown,netDelta,netVega,netStandardVega,utilisation,trades");
        foreach (var c in Enum.GetValues<PnlComponent>()) sb.Append(",pnl").Append(c);
        foreach (string name in TimeSeries.TrancheNames) sb.Append(',').Append(name).Append("SharePrice");
        sb.Append('\n');
        for (int i = 0; i < t.Time.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{t.Time[i]},{t.Spot[i]:R},{t.MarketVol[i]:R},{t.Nav[i]:R},{t.UnitPrice[i]:R},{t.Drawdown[i]:R},{t.NetDelta[i]:R},{t.NetVega[i]:R},{t.NetStandardVega[i]:R},{t.Utilisation[i]:R},{t.CumulativeTrades[i]}");
            foreach (var series in t.Components) sb.Append(CultureInfo.InvariantCulture, $",{series[i]:R}");
            foreach (var series in t.TrancheSharePrices) sb.Append(CultureInfo.InvariantCulture, $",{series[i]:R}");
            sb.Append('\n');
        }

        return sb.ToString();
    }
}
