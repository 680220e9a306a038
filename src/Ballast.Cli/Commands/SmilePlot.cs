using System.Globalization;
using Ballast.Pricing.Surfaces;

namespace Ballast.Cli;

/// <summary>PNGs of market smiles against fitted SVI curves, with ScottPlot: one per expiry, and one overview of all expiries.</summary>
internal static class SmilePlot
{
    /// <summary>Writes <c>smile_YYYY-MM-DD.png</c> into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory, ExpiryQuotes expiry, SviFitResult fit)
    {
        var quotes = expiry.Quotes;
        double[] strikes = quotes.Select(q => q.Strike).ToArray();
        double[] mid = quotes.Select(q => 100 * q.MidVol).ToArray();
        double[] below = quotes.Select(q => 100 * (q.MidVol - q.BidVol)).ToArray();
        double[] above = quotes.Select(q => 100 * (q.AskVol - q.MidVol)).ToArray();

        // The fitted curve on a fine strike grid, 5% beyond the quoted range each side.
        double lo = strikes.Min() * 0.95, hi = strikes.Max() * 1.05;
        const int points = 300;
        double[] gridStrikes = new double[points], gridVols = new double[points];
        for (int i = 0; i < points; i++)
        {
            double k = lo * Math.Pow(hi / lo, i / (points - 1.0));
            gridStrikes[i] = k;
            gridVols[i] = 100 * fit.Slice.ImpliedVol(Math.Log(k / expiry.Forward), expiry.Time);
        }

        var plot = new ScottPlot.Plot();
        var bars = new ScottPlot.Plottables.ErrorBar(strikes, mid, null, null, above, below);
        plot.PlottableList.Add(bars);
        bars.LegendText = "market bid-ask";
        bars.Color = ScottPlot.Colors.Gray;
        var market = plot.Add.ScatterPoints(strikes, mid);
        market.LegendText = "market mid";
        market.MarkerSize = 6;
        var curve = plot.Add.ScatterLine(gridStrikes, gridVols);
        curve.LegendText = "SVI fit";
        curve.LineWidth = 2;
        var forward = plot.Add.VerticalLine(expiry.Forward);
        forward.LegendText = "forward";
        forward.LinePattern = ScottPlot.LinePattern.Dashed;

        string status = fit.Butterfly.IsArbitrageFree ? "no butterfly arbitrage" : "BUTTERFLY ARBITRAGE";
        plot.Title(string.Create(CultureInfo.InvariantCulture,
            $"{expiry.Expiry:yyyy-MM-dd}  T={expiry.Time:F4}y  F={expiry.Forward:F0}  RMSE {100 * fit.RmseVol:F2} vp, max {100 * fit.MaxErrorVol:F2} vp, {status}"), 14);
        plot.XLabel("strike (USD)");
        plot.YLabel("implied vol (%)");
        plot.ShowLegend(ScottPlot.Alignment.UpperCenter);

        string path = Path.Combine(directory, $"smile_{expiry.Expiry:yyyy-MM-dd}.png");
        plot.SavePng(path, 1000, 600);
        return path;
    }

    /// <summary>Writes <c>surface.png</c>: every expiry's fitted smile (lines) and market mids (points) against k = ln(K/F).</summary>
    public static string WriteOverview(string directory, IReadOnlyList<(ExpiryQuotes Expiry, SviFitResult Fit)> fits)
    {
        var plot = new ScottPlot.Plot();
        var palette = new ScottPlot.Palettes.Category20();
        double kMin = fits.Min(f => f.Expiry.Quotes.Min(q => q.LogMoneyness));
        double kMax = fits.Max(f => f.Expiry.Quotes.Max(q => q.LogMoneyness));
        for (int i = 0; i < fits.Count; i++)
        {
            var (expiry, fit) = fits[i];
            var color = palette.GetColor(i);
            double lo = expiry.Quotes.Min(q => q.LogMoneyness), hi = expiry.Quotes.Max(q => q.LogMoneyness);
            const int points = 200;
            double[] k = new double[points], vols = new double[points];
            for (int j = 0; j < points; j++)
            {
                k[j] = lo + (hi - lo) * j / (points - 1);
                vols[j] = 100 * fit.Slice.ImpliedVol(k[j], expiry.Time);
            }

            var line = plot.Add.ScatterLine(k, vols, color);
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{expiry.Expiry:yyyy-MM-dd} ({100 * fit.RmseVol:F2} vp)");
            line.LineWidth = 2;
            var market = plot.Add.ScatterPoints(expiry.Quotes.Select(q => q.LogMoneyness).ToArray(), expiry.Quotes.Select(q => 100 * q.MidVol).ToArray(), color);
            market.MarkerSize = 4;
        }

        plot.Axes.SetLimitsX(kMin - 0.05, kMax + 0.05);
        plot.Title("SVI fits per expiry (lines) vs market mid vols (points); legend: expiry (RMSE)", 14);
        plot.XLabel("log-moneyness k = ln(K/F)");
        plot.YLabel("implied vol (%)");
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        string path = Path.Combine(directory, "surface.png");
        plot.SavePng(path, 1200, 750);
        return path;
    }
}
