using Ballast.Simulation.Reports;
using Ballast.Simulation.Runner;

namespace Ballast.Simulation.Tests;

public class ReportWriterTests
{
    [Fact]
    public void A_report_folder_has_summary_timeseries_charts_and_a_self_contained_html()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ballast-report-test-" + Guid.NewGuid().ToString("N"));
        ScenarioRunner.TryRun(TestScenarios.Short(days: 3, paths: 1), [], 1, null, null, out var report, out _);

        try
        {
            string json = ReportWriter.Write(dir, report!);

            Assert.Equal(json, File.ReadAllText(Path.Combine(dir, "summary.json")));
            string[] csv = File.ReadAllLines(Path.Combine(dir, "timeseries.csv"));
            Assert.Equal(24 * 3 + 2, csv.Length);
            Assert.StartsWith("time,spot,", csv[0]);
            foreach (string png in new[] { "spot.png", "greeks.png", "inventory.png", "pnl.png", "tranches.png", "drawdown.png" })
            {
                byte[] bytes = File.ReadAllBytes(Path.Combine(dir, png));
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            }

            string html = File.ReadAllText(Path.Combine(dir, "report.html"));
            Assert.Equal(6, html.Split("src=\"data:image/png;base64,").Length - 1);
            Assert.DoesNotContain("src=\"spot.png\"", html);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
