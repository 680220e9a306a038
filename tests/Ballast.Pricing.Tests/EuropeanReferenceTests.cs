using System.Globalization;
using Xunit.Abstractions;

namespace Ballast.Pricing.Tests;

/// <summary>
/// Published European values and Greeks (Haug 1998, as tabulated in QuantLib's test-suite/europeanoption.cpp
/// and copied into ../shared/reference), reproduced to 1e-4 absolute — the tolerance QuantLib uses for them.
/// The rows are pinned here; one extra test re-reads the CSV files so that the copy cannot drift from them.
/// </summary>
public class EuropeanReferenceTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-4;

    // ../shared/reference/european_values.csv (Haug 1998 pp. 2-8, 24, 27).
    [Theory]
    [InlineData("call", 65, 60, 0.00, 0.08, 0.25, 0.30, 2.1334)]
    [InlineData("put", 95, 100, 0.05, 0.10, 0.50, 0.20, 2.4648)]
    [InlineData("put", 19, 19, 0.10, 0.10, 0.75, 0.28, 1.7011)]
    [InlineData("call", 19, 19, 0.10, 0.10, 0.75, 0.28, 1.7011)]
    [InlineData("call", 1.60, 1.56, 0.08, 0.06, 0.50, 0.12, 0.0291)]
    [InlineData("put", 70, 75, 0.05, 0.10, 0.50, 0.35, 4.0870)]
    [InlineData("call", 100, 90, 0.10, 0.10, 0.10, 0.15, 0.0205)]
    [InlineData("call", 100, 100, 0.10, 0.10, 0.10, 0.15, 1.8734)]
    [InlineData("call", 100, 110, 0.10, 0.10, 0.10, 0.15, 9.9413)]
    [InlineData("call", 100, 100, 0.10, 0.10, 0.10, 0.25, 3.1217)]
    [InlineData("call", 100, 110, 0.10, 0.10, 0.10, 0.35, 11.1381)]
    [InlineData("call", 100, 90, 0.10, 0.10, 0.50, 0.25, 2.7026)]
    [InlineData("call", 100, 100, 0.10, 0.10, 0.50, 0.35, 9.3679)]
    [InlineData("call", 100, 110, 0.10, 0.10, 0.50, 0.35, 15.3086)]
    [InlineData("put", 100, 90, 0.10, 0.10, 0.10, 0.15, 9.9210)]
    [InlineData("put", 100, 110, 0.10, 0.10, 0.10, 0.25, 0.4551)]
    [InlineData("put", 100, 90, 0.10, 0.10, 0.50, 0.15, 10.3192)]
    [InlineData("put", 100, 110, 0.10, 0.10, 0.50, 0.25, 3.2734)]
    [InlineData("put", 100, 90, 0.10, 0.10, 0.50, 0.35, 14.4452)]
    [InlineData("put", 100, 110, 0.10, 0.10, 0.50, 0.35, 5.7963)]
    [InlineData("call", 40, 42, 0.08, 0.04, 0.75, 0.35, 5.0975)]
    public void European_value_matches_Haugs_table_to_1e_4(string type, double strike, double spot, double q, double r, double t, double vol, double expected)
    {
        var optionType = ParseType(type);
        Assert.Equal(expected, BlackScholesMerton.Price(optionType, spot, strike, r, q, t, vol), Tolerance);
        // Greeks() computes its own price; it must agree with Price() as well.
        Assert.Equal(expected, BlackScholesMerton.Greeks(optionType, spot, strike, r, q, t, vol).Price, Tolerance);
    }

    // ../shared/reference/greek_values.csv (Haug 1998 pp. 11-16). Conventions: vega and rho per 1.00,
    // theta per year (thetaPerDay = theta/365), elasticity = delta·S/V, dividendRho = ∂V/∂q.
    [Theory]
    [InlineData("delta", "call", 100, 105, 0.10, 0.10, 0.5, 0.36, 0.5946)]
    [InlineData("delta", "put", 100, 105, 0.10, 0.10, 0.5, 0.36, -0.3566)]
    [InlineData("elasticity", "put", 100, 105, 0.10, 0.10, 0.5, 0.36, -4.8775)]
    [InlineData("gamma", "call", 60, 55, 0.00, 0.10, 0.75, 0.30, 0.0278)]
    [InlineData("gamma", "put", 60, 55, 0.00, 0.10, 0.75, 0.30, 0.0278)]
    [InlineData("vega", "call", 60, 55, 0.00, 0.10, 0.75, 0.30, 18.9358)]
    [InlineData("vega", "put", 60, 55, 0.00, 0.10, 0.75, 0.30, 18.9358)]
    [InlineData("theta", "put", 405, 430, 0.05, 0.07, 0.0833333333333333, 0.20, -31.1924)]
    [InlineData("thetaPerDay", "put", 405, 430, 0.05, 0.07, 0.0833333333333333, 0.20, -0.0855)]
    [InlineData("rho", "call", 75, 72, 0.00, 0.09, 1, 0.19, 38.7325)]
    [InlineData("dividendRho", "put", 490, 500, 0.05, 0.08, 0.25, 0.15, 42.2254)]
    public void Greek_matches_Haugs_table_to_1e_4(string greek, string type, double strike, double spot, double q, double r, double t, double vol, double expected)
    {
        Assert.Equal(expected, Greek(greek, ParseType(type), strike, spot, q, r, t, vol), Tolerance);
    }

    [Fact]
    public void Every_row_of_the_shared_reference_CSV_files_is_reproduced_to_1e_4()
    {
        if (!SharedDataForSurfaces.TryPath("reference/european_values.csv", out string europeanPath)
            || !SharedDataForSurfaces.TryPath("reference/greek_values.csv", out string greekPath))
        {
            // The pinned InlineData rows above still run; only the drift check against the files is skipped.
            output.WriteLine("SKIPPED: ../shared/reference/*.csv not found next to the repository (no shared data in this checkout).");
            return;
        }

        int rows = 0;
        foreach (var row in ReadCsv(europeanPath))
        {
            double expected = Number(row["value"]);
            double actual = BlackScholesMerton.Price(ParseType(row["type"]), Number(row["spot"]), Number(row["strike"]), Number(row["r"]), Number(row["q"]), Number(row["t"]), Number(row["vol"]));
            Assert.True(Math.Abs(actual - expected) <= Tolerance, $"european_values.csv row {rows + 1}: expected {expected}, got {actual}");
            rows++;
        }

        Assert.Equal(21, rows);
        int greekRows = 0;
        foreach (var row in ReadCsv(greekPath))
        {
            double expected = Number(row["expected"]);
            double actual = Greek(row["greek"], ParseType(row["type"]), Number(row["strike"]), Number(row["spot"]), Number(row["q"]), Number(row["r"]), Number(row["t"]), Number(row["vol"]));
            Assert.True(Math.Abs(actual - expected) <= Tolerance, $"greek_values.csv row {greekRows + 1} ({row["greek"]}): expected {expected}, got {actual}");
            greekRows++;
        }

        Assert.Equal(11, greekRows);
        output.WriteLine($"checked {rows} value rows and {greekRows} Greek rows from {Path.GetDirectoryName(europeanPath)}");
    }

    private static double Greek(string greek, OptionType type, double strike, double spot, double q, double r, double t, double vol)
    {
        var g = BlackScholesMerton.Greeks(type, spot, strike, r, q, t, vol);
        return greek switch
        {
            "delta" => g.Delta,
            "gamma" => g.Gamma,
            "vega" => g.Vega,
            "theta" => g.Theta,
            "thetaPerDay" => g.Theta / 365.0,
            "rho" => g.Rho,
            "dividendRho" => g.DividendRho,
            "elasticity" => g.Delta * spot / g.Price,
            _ => throw new ArgumentException($"unknown greek '{greek}' in the reference table"),
        };
    }

    private static OptionType ParseType(string type) => type switch
    {
        "call" => OptionType.Call,
        "put" => OptionType.Put,
        _ => throw new ArgumentException($"unknown option type '{type}' in the reference table"),
    };

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    // Header-keyed rows of a CSV whose comment lines start with '#'.
    private static IEnumerable<Dictionary<string, string>> ReadCsv(string path)
    {
        string[]? header = null;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string[] cells = line.Split(',');
            if (header is null) { header = cells; continue; }
            yield return header.Zip(cells).ToDictionary(p => p.First.Trim(), p => p.Second.Trim());
        }
    }
}
