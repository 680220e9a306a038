using System.Globalization;
using System.Text;
using System.Text.Json;
using Ballast.Engine.Margin;
using Ballast.Pricing;

namespace Ballast.Cli;

/// <summary>
/// <c>ballast margin --account FILE.json [--mode standard|portfolio] [--json]</c>: IM, MM, the worst scenario and per-position
/// contributions of one trader account (schema in src/Ballast.Engine/Margin/README.md, example in samples/account.json).
/// </summary>
public static class MarginCommand
{
    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = new CliArgs(argv, "json");
        string path = args.Require("account");
        string? modeOption = args.Optional("mode");
        bool json = args.Flag("json");
        args.EnsureAllUsed();
        MarginMode? modeOverride = modeOption is null ? null : ParseMode(modeOption, "--mode");

        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"--account: cannot read '{path}': {e.Message}");
        }

        var (account, market) = ParseAccount(text, path, modeOverride);
        var validation = MarginInputs.Validate(account, market);
        if (!validation.IsValid) throw new CliUsageException($"{path}: {validation.Message}");
        var result = MarginCalculator.Default.Compute(account, market);
        stdout.Write(json ? FormatJson(account, market, result) : FormatText(account, market, result));
        return CliApp.ExitOk;
    }

    /// <summary>Parses the account file; every problem is a one-line <see cref="CliUsageException"/> naming the field.</summary>
    internal static (TraderAccount Account, MarginMarket Market) ParseAccount(string text, string source, MarginMode? modeOverride)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e) { throw new CliUsageException($"{source}: not valid JSON ({OneLine(e.Message)})"); }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new CliUsageException($"{source}: the top level must be an object");
            double spot = Number(root, "spot", source, required: true);
            double rate = Number(root, "rate", source, required: false);
            double dividend = Number(root, "dividendYield", source, required: false);
            var mode = modeOverride ?? (root.TryGetProperty("mode", out var m) ? ParseMode(m.ValueKind == JsonValueKind.String ? m.GetString()! : m.ToString(), $"{source}: mode") : MarginMode.Standard);

            decimal quote = 0, baseUnits = 0;
            if (root.TryGetProperty("collateral", out var c))
            {
                if (c.ValueKind != JsonValueKind.Object) throw new CliUsageException($"{source}: collateral must be an object {{\"quote\": .., \"base\": ..}}");
                quote = Money(c, "quote", source);
                baseUnits = Money(c, "base", source);
            }

            var positions = new List<MarginPosition>();
            if (root.TryGetProperty("positions", out var ps))
            {
                if (ps.ValueKind != JsonValueKind.Array) throw new CliUsageException($"{source}: positions must be an array");
                int i = 0;
                foreach (var p in ps.EnumerateArray())
                {
                    string where = $"{source}: positions[{i}]";
                    if (p.ValueKind != JsonValueKind.Object) throw new CliUsageException($"{where} must be an object");
                    var type = p.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                        ? t.GetString()!.ToLowerInvariant() switch
                        {
                            "call" => OptionType.Call,
                            "put" => OptionType.Put,
                            _ => throw new CliUsageException($"{where}.type: '{t.GetString()}' is not call|put"),
                        }
                        : throw new CliUsageException($"{where}.type: missing (call|put)");
                    double strike = Number(p, "strike", where, required: true);
                    bool hasDays = p.TryGetProperty("expiryDays", out _), hasYears = p.TryGetProperty("expiryYears", out _);
                    if (hasDays == hasYears) throw new CliUsageException($"{where}: give exactly one of expiryDays, expiryYears");
                    double years = hasDays ? Number(p, "expiryDays", where, required: true) / 365.0 : Number(p, "expiryYears", where, required: true);
                    double quantity = Number(p, "quantity", where, required: true);
                    double vol = Number(p, "vol", where, required: true);
                    double mark = p.TryGetProperty("mark", out _)
                        ? Number(p, "mark", where, required: true)
                        : spot > 0 && strike > 0 && years > 0 && vol > 0 ? BlackScholesMerton.Price(type, spot, strike, rate, dividend, years, vol) : 0.0;
                    positions.Add(new MarginPosition(type, strike, years, quantity, mark, vol));
                    i++;
                }
            }

            return (new TraderAccount(quote, baseUnits, positions, mode), new MarginMarket(spot, rate, dividend));
        }
    }

    private static MarginMode ParseMode(string text, string where) => text.ToLowerInvariant() switch
    {
        "standard" => MarginMode.Standard,
        "portfolio" => MarginMode.Portfolio,
        _ => throw new CliUsageException($"{where}: '{text}' is not one of standard|portfolio"),
    };

    private static double Number(JsonElement obj, string name, string where, bool required)
    {
        if (!obj.TryGetProperty(name, out var e))
        {
            if (required) throw new CliUsageException($"{where}.{name}: missing");
            return 0.0;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double d) || !double.IsFinite(d))
            throw new CliUsageException($"{where}.{name}: '{OneLine(e.GetRawText())}' is not a finite number");
        return d;
    }

    private static decimal Money(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out var e)) return 0m;
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out decimal d))
            throw new CliUsageException($"{where}: collateral.{name}: '{OneLine(e.GetRawText())}' is not a decimal number");
        return d;
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    private static string FormatText(TraderAccount account, MarginMarket market, MarginResult r)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        string status = r.IsLiquidatable ? "LIQUIDATABLE (maintenance margin < 0)"
            : r.InitialMargin < 0 ? "below initial margin: only risk-reducing trades allowed"
            : "healthy";
        sb.AppendLine(ci, $"mode                {(r.Mode == MarginMode.Portfolio ? "portfolio" : "standard")}");
        sb.AppendLine(ci, $"spot                {market.Spot:G10}   rate {market.Rate:G6}");
        sb.AppendLine(ci, $"collateral          quote {account.QuoteCollateral}  base {account.BaseCollateral}  → margin collateral {r.MarginCollateral:F8}");
        sb.AppendLine(ci, $"initial margin      {r.InitialMargin:F8}   (requirement {r.InitialRequirement:F8})");
        sb.AppendLine(ci, $"maintenance margin  {r.MaintenanceMargin:F8}   (requirement {r.MaintenanceRequirement:F8})");
        sb.AppendLine(ci, $"status              {status}");
        sb.AppendLine(ci, $"worst scenario      {r.WorstScenario}");
        sb.AppendLine("positions:");
        sb.AppendLine(ci, $"  {"#",3} {"type",-4} {"strike",10} {"expiry d",9} {"quantity",10} {"mark",12} {"IM req",14} {"MM req",14} {"worst PnL",14}");
        foreach (var c in r.Contributions)
        {
            var p = account.Positions[c.PositionIndex];
            sb.AppendLine(ci, $"  {c.PositionIndex,3} {(p.Type == OptionType.Call ? "call" : "put"),-4} {p.Strike,10:G8} {p.TimeToExpiryYears * 365,9:0.##} {p.Quantity,10:G6} {p.Mark,12:F4} {c.InitialRequirement,14:F4} {c.MaintenanceRequirement,14:F4} {c.WorstScenarioPnl,14:F4}");
        }

        return sb.ToString();
    }

    private static string FormatJson(TraderAccount account, MarginMarket market, MarginResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("mode", r.Mode == MarginMode.Portfolio ? "portfolio" : "standard");
            w.WriteNumber("spot", market.Spot);
            w.WriteNumber("marginCollateral", r.MarginCollateral);
            w.WriteNumber("initialMargin", r.InitialMargin);
            w.WriteNumber("maintenanceMargin", r.MaintenanceMargin);
            w.WriteNumber("initialRequirement", r.InitialRequirement);
            w.WriteNumber("maintenanceRequirement", r.MaintenanceRequirement);
            w.WriteBoolean("liquidatable", r.IsLiquidatable);
            w.WriteString("worstScenario", r.WorstScenario);
            w.WriteStartArray("positions");
            foreach (var c in r.Contributions)
            {
                var p = account.Positions[c.PositionIndex];
                w.WriteStartObject();
                w.WriteNumber("index", c.PositionIndex);
                w.WriteString("type", p.Type == OptionType.Call ? "call" : "put");
                w.WriteNumber("strike", p.Strike);
                w.WriteNumber("expiryYears", p.TimeToExpiryYears);
                w.WriteNumber("quantity", p.Quantity);
                w.WriteNumber("mark", p.Mark);
                w.WriteNumber("initialRequirement", c.InitialRequirement);
                w.WriteNumber("maintenanceRequirement", c.MaintenanceRequirement);
                w.WriteNumber("worstScenarioPnl", c.WorstScenarioPnl);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
