using System.Text;
using System.Text.Json;
using Ballast.Simulation.Flow;
using Ballast.Simulation.Metrics;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Reports;

/// <summary>
/// <c>summary.json</c>: the scenario, and per sweep cell its assignment and <see cref="CellSummary"/>. Written field by
/// field in a fixed order with shortest round-trip numbers, so the same run gives the same bytes.
/// </summary>
public static class SummaryJson
{
    /// <summary>The summary as UTF-8 JSON text (indented, "\n" line ends).</summary>
    public static string Write(ScenarioReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            var s = report.Settings;
            w.WriteStartObject();
            w.WriteStartObject("scenario");
            w.WriteString("name", s.Name);
            w.WriteString("underlying", s.MarketDefinition.Underlying);
            w.WriteNumber("seed", s.Seed);
            w.WriteNumber("paths", s.Paths);
            w.WriteNumber("steps", s.Steps);
            w.WriteNumber("stepHours", s.StepHours);
            w.WriteNumber("startTime", s.StartTime);
            w.WriteNumber("initialCapital", s.InitialCapital);
            w.WriteStartArray("sweeps");
            foreach (var axis in report.Axes)
            {
                w.WriteStartObject();
                w.WriteString("name", axis.Name);
                w.WriteStartArray("values");
                foreach (double v in axis.Values) w.WriteNumberValue(v);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("cells");
            foreach (var cell in report.Cells) WriteCell(w, cell);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteCell(Utf8JsonWriter w, CellResult cell)
    {
        var c = cell.Summary;
        w.WriteStartObject();
        w.WriteStartObject("parameters");
        foreach (var (name, value) in cell.Assignment) w.WriteNumber(name, value);
        w.WriteEndObject();
        w.WriteNumber("paths", c.Paths);
        w.WriteNumber("pnlMean", c.PnlMean);
        w.WriteNumber("pnlStd", c.PnlStd);
        w.WriteNumber("lpReturnMean", c.LpReturnMean);
        w.WriteNumber("lpReturnStd", c.LpReturnStd);
        w.WriteNumber("sharpeMean", c.SharpeMean);
        w.WriteNumber("sortinoMean", c.SortinoMean);
        w.WriteNumber("maxDrawdownMean", c.MaxDrawdownMean);
        w.WriteNumber("maxDrawdownWorst", c.MaxDrawdownWorst);
        w.WriteNumber("valueAtRisk99", c.ValueAtRisk99);
        w.WriteNumber("expectedShortfall99", c.ExpectedShortfall99);
        w.WriteNumber("insolvencyProbability", c.InsolvencyProbability);
        w.WriteNumber("utilisationMean", c.UtilisationMean);
        w.WriteNumber("utilisationMax", c.UtilisationMax);
        w.WriteNumber("depositsMean", c.DepositsMean);
        w.WriteNumber("boardsSettledMean", c.BoardsSettledMean);
        w.WriteNumber("hedgeTradesMean", c.HedgeTradesMean);
        w.WriteNumber("finalNetDeltaMean", c.FinalNetDeltaMean);
        w.WriteNumber("finalGrossInventoryMean", c.FinalGrossInventoryMean);
        w.WriteStartObject("pnlAttribution");
        foreach (var component in Enum.GetValues<PnlComponent>()) w.WriteNumber(Camel(component.ToString()), c.ComponentMeans[(int)component]);
        w.WriteEndObject();
        w.WriteStartObject("traders");
        foreach (var type in Enum.GetValues<TraderType>())
        {
            w.WriteStartObject(Camel(type.ToString()));
            w.WriteNumber("tradesMean", c.TradesMean[(int)type]);
            w.WriteNumber("volumeMean", c.VolumeMean[(int)type]);
            w.WriteNumber("markoutPerTrade", c.MarkoutPerTrade[(int)type]);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("pool");
        w.WriteNumber("withdrawalsMean", c.WithdrawalsMean);
        w.WriteNumber("depositRequestsMean", c.LpDepositRequestsMean);
        w.WriteNumber("withdrawalRequestsMean", c.LpWithdrawalRequestsMean);
        w.WriteNumber("breakerTimeMean", c.BreakerTimeMean);
        w.WriteStartObject("trancheReturns");
        for (int k = 0; k < c.TrancheReturnMeans.Length; k++)
        {
            w.WriteStartObject(TimeSeries.TrancheNames[k]);
            w.WriteNumber("mean", c.TrancheReturnMeans[k]);
            w.WriteNumber("worst", c.TrancheReturnWorst[k]);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("margin");
        w.WriteNumber("marginTradesMean", c.MarginTradesMean);
        w.WriteNumber("liquidationsMean", c.LiquidationsMean);
        w.WriteNumber("insolvenciesMean", c.InsolvenciesMean);
        w.WriteNumber("liquidationPenaltiesMean", c.LiquidationPenaltiesMean);
        w.WriteNumber("insuranceFundUsedMean", c.InsuranceFundUsedMean);
        w.WriteNumber("badDebtMean", c.BadDebtMean);
        w.WriteEndObject();
        w.WriteStartObject("rejections");
        foreach (var (reason, count) in c.Rejections) w.WriteNumber(Camel(reason.ToString()), count);
        w.WriteEndObject();
        w.WriteString("firstPathStateHash", c.FirstPathStateHash);
        w.WriteEndObject();
    }

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
