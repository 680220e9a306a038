using System.Globalization;
using System.Net;
using System.Text;
using Ballast.Simulation.Flow;
using Ballast.Simulation.Metrics;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Reports;

/// <summary>
/// Writes a run's report folder: <c>summary.json</c>, <c>timeseries.csv</c> (path 0 of the first cell), PNG charts and a
/// self-contained <c>report.html</c> with the charts embedded as base64 data URIs.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes every file into <paramref name="directory"/> (created if missing); returns the summary JSON.</summary>
    public static string Write(string directory, ScenarioReport report)
    {
        Directory.CreateDirectory(directory);
        string json = SummaryJson.Write(report);
        File.WriteAllText(Path.Combine(directory, "summary.json"), json);
        var first = report.Cells[0];
        var series = first.FirstPath.Series;
        var charts = new List<(string File, string Caption)>();
        if (series is not null)
        {
            File.WriteAllText(Path.Combine(directory, "timeseries.csv"), TimeSeriesCsv.Write(series));
            charts = ChartWriter.WriteAll(directory, series, report.Settings.Name);
        }

        File.WriteAllText(Path.Combine(directory, "report.html"), Html(directory, report, charts));
        return json;
    }

    private static string Html(string directory, ScenarioReport report, List<(string File, string Caption)> charts)
    {
        var s = report.Settings;
        var sb = new StringBuilder();
        string Enc(string x) => WebUtility.HtmlEncode(x);
        string N(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ballast simulation: ").Append(Enc(s.Name)).Append("</title>\n");
        sb.Append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}img{max-width:100%}</style></head><body>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<h1>Ballast simulation: {Enc(s.Name)}</h1>\n<p>{s.Paths} paths × {s.Steps} steps of {N(s.StepHours)} h, seed {s.Seed}, underlying {Enc(s.MarketDefinition.Underlying)}, initial capital {s.InitialCapital} quote. The vault is the real engine (Vault.Decide → events → Apply); money in quote units.</p>\n");
        sb.Append("<h2>Summary by cell</h2>\n<table><tr><th>cell</th><th>PnL mean</th><th>PnL sd</th><th>LP return</th><th>Sharpe</th><th>Sortino</th><th>max DD</th><th>VaR 99%</th><th>ES 99%</th><th>P(insolvent)</th><th>util mean</th><th>trades</th></tr>\n");
        foreach (var cell in report.Cells)
        {
            var c = cell.Summary;
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{Enc(CellLabel(cell))}</td><td>{N(c.PnlMean)}</td><td>{N(c.PnlStd)}</td><td>{N(c.LpReturnMean)}</td><td>{N(c.SharpeMean)}</td><td>{N(c.SortinoMean)}</td><td>{N(c.MaxDrawdownMean)}</td><td>{N(c.ValueAtRisk99)}</td><td>{N(c.ExpectedShortfall99)}</td><td>{N(c.InsolvencyProbability)}</td><td>{N(c.UtilisationMean)}</td><td>{N(c.TradesMean.Sum())}</td></tr>\n");
        }

        sb.Append("</table>\n");
        var first = report.Cells[0].Summary;
        sb.Append("<h2>PnL attribution (first cell, mean per path)</h2>\n<table><tr>");
        foreach (var comp in Enum.GetValues<PnlComponent>()) sb.Append("<th>").Append(comp).Append("</th>");
        sb.Append("</tr><tr>");
        foreach (var comp in Enum.GetValues<PnlComponent>()) sb.Append("<td>").Append(N(first.ComponentMeans[(int)comp])).Append("</td>");
        sb.Append("</tr></table>\n<h2>Order flow and adverse selection (first cell)</h2>\n<table><tr><th>trader</th><th>trades / path</th><th>options / path</th><th>vault markout / trade</th></tr>\n");
        foreach (var type in Enum.GetValues<TraderType>())
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{type}</td><td>{N(first.TradesMean[(int)type])}</td><td>{N(first.VolumeMean[(int)type])}</td><td>{N(first.MarkoutPerTrade[(int)type])}</td></tr>\n");
        sb.Append(CultureInfo.InvariantCulture, $"</table>\n<h2>Margin and liquidations (first cell, mean per path)</h2>\n<table><tr><th>margin sells</th><th>liquidation steps</th><th>insolvent accounts</th><th>penalties</th><th>insurance fund used</th><th>bad debt (socialised)</th></tr>\n<tr><td>{N(first.MarginTradesMean)}</td><td>{N(first.LiquidationsMean)}</td><td>{N(first.InsolvenciesMean)}</td><td>{N(first.LiquidationPenaltiesMean)}</td><td>{N(first.InsuranceFundUsedMean)}</td><td>{N(first.BadDebtMean)}</td></tr>\n");
        sb.Append("</table>\n<h2>Rejections (first cell, all paths)</h2>\n<table><tr><th>reason</th><th>count</th></tr>\n");
        foreach (var (reason, count) in first.Rejections) sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{reason}</td><td>{count}</td></tr>\n");
        sb.Append("</table>\n");
        foreach (var (file, caption) in charts)
        {
            string data = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(directory, file)));
            sb.Append("<h2>").Append(Enc(caption)).Append("</h2>\n<img alt=\"").Append(Enc(caption)).Append("\" src=\"data:image/png;base64,").Append(data).Append("\">\n");
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    /// <summary>"name=value, ..." or "base" for a cell.</summary>
    public static string CellLabel(CellResult cell) => cell.Assignment.Length == 0
        ? "base"
        : string.Join(", ", cell.Assignment.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Name}={a.Value}")));
}
