using System.Globalization;
using Ballast.Simulation.Metrics;

namespace Ballast.Simulation.Reports;

/// <summary>PNG charts of one path with ScottPlot: spot, net delta/vega, inventory by strike, PnL by component, tranche share prices, drawdown.</summary>
public static class ChartWriter
{
    private const int Width = 1000, Height = 500;

    /// <summary>Writes every chart into <paramref name="directory"/>; returns (file name, caption) pairs in report order.</summary>
    public static List<(string File, string Caption)> WriteAll(string directory, TimeSeries t, string title)
    {
        double[] days = t.Time.Select(x => (x - t.Time[0]) / 86_400.0).ToArray();
        var files = new List<(string, string)>
        {
            Save(directory, "spot.png", "Spot path and market vol (path 0)", Line(days, $"{title}: spot (path 0)", "spot (quote)", ("spot", t.Spot))),
            Save(directory, "greeks.png", "Vault net delta and net vega (path 0)", Greeks(days, t, title)),
            Save(directory, "inventory.png", "Vault inventory by strike at the end (path 0)", Inventory(t, title)),
            Save(directory, "pnl.png", "Cumulative PnL by component (path 0)", Components(days, t, title)),
            Save(directory, "tranches.png", "Tranche share prices (path 0)", Line(days, $"{title}: tranche share prices (path 0)", "share price (quote per share)",
                [.. TimeSeries.TrancheNames.Select((name, k) => (name, t.TrancheSharePrices[k]))])),
            Save(directory, "drawdown.png", "Drawdown of the LP unit price (path 0)", Line(days, $"{title}: drawdown (path 0)", "drawdown (%)", ("drawdown", t.Drawdown.Select(d => -100 * d).ToArray()))),
        };
        return files;
    }

    private static (string, string) Save(string directory, string file, string caption, ScottPlot.Plot plot)
    {
        plot.SavePng(Path.Combine(directory, file), Width, Height);
        return (file, caption);
    }

    private static ScottPlot.Plot Line(double[] days, string title, string yLabel, params (string Label, double[] Values)[] lines)
    {
        var plot = new ScottPlot.Plot();
        foreach (var (label, values) in lines)
        {
            var line = plot.Add.ScatterLine(days, values);
            line.LegendText = label;
            line.LineWidth = 2;
        }

        plot.Title(title);
        plot.XLabel("days");
        plot.YLabel(yLabel);
        if (lines.Length > 1) plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot;
    }

    private static ScottPlot.Plot Greeks(double[] days, TimeSeries t, string title)
    {
        var plot = Line(days, $"{title}: vault net delta (left) and net vega (right)", "net delta (base units)", ("net delta", t.NetDelta));
        var vega = plot.Add.ScatterLine(days, t.NetVega);
        vega.LegendText = "net vega (quote per 1.00 vol)";
        vega.LineWidth = 2;
        vega.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "net vega";
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot;
    }

    private static ScottPlot.Plot Inventory(TimeSeries t, string title)
    {
        var plot = new ScottPlot.Plot();
        var rows = t.FinalInventory;
        var calls = new List<ScottPlot.Bar>();
        var ticks = new List<ScottPlot.Tick>();
        for (int i = 0; i < rows.Count; i++)
        {
            calls.Add(new ScottPlot.Bar { Position = 3 * i, Value = rows[i].CallPosition, FillColor = ScottPlot.Colors.SteelBlue });
            calls.Add(new ScottPlot.Bar { Position = 3 * i + 1, Value = rows[i].PutPosition, FillColor = ScottPlot.Colors.OrangeRed });
            string expiry = DateTimeOffset.FromUnixTimeSeconds(rows[i].Expiry).ToString("MM-dd", CultureInfo.InvariantCulture);
            ticks.Add(new ScottPlot.Tick(3 * i + 0.5, $"{rows[i].Strike.ToString(CultureInfo.InvariantCulture)}\n{expiry}"));
        }

        plot.Add.Bars(calls);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Title($"{title}: vault position by strike/expiry at the end (blue calls, red puts; + long)");
        plot.YLabel("vault position (options)");
        if (rows.Count == 0) plot.Add.Text("no live series at the end", 0, 0);
        return plot;
    }

    private static ScottPlot.Plot Components(double[] days, TimeSeries t, string title)
    {
        var lines = Enum.GetValues<PnlComponent>().Select(c => (c.ToString(), t.Components[(int)c])).ToArray();
        return Line(days, $"{title}: cumulative PnL by component (path 0)", "PnL (quote)", lines);
    }
}
