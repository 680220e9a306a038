using System.Globalization;
using Ballast.Engine;
using Ballast.Engine.Files;
using Ballast.Engine.Quoting;
using Ballast.Engine.Volatility;

namespace Ballast.Cli;

/// <summary>
/// <c>ballast quote --vault FILE.json --series NAME --side buy|sell --size N [--json]</c>: loads a vault file
/// (schema: src/Ballast.Engine/README.md), quotes at the file's <c>now</c> and prints every component, or the rejection
/// (exit code 2, with its reason).
/// </summary>
public static class QuoteCommand
{
    /// <summary>Text of <c>ballast quote --help</c>.</summary>
    public const string Help = """
        usage: ballast quote --vault FILE.json --series NAME --side buy|sell --size N [--json]

        Quotes a trader's order against the vault in FILE.json at the file's "now" (schema: src/Ballast.Engine/README.md;
        sample: samples/vault.json). NAME is UNDERLYING-YYYYMMDD-STRIKE-C|P, e.g. ETH-20260626-3000-C; --side is the
        trader's side; N options (rounded toward zero to 8 decimals).
          --json    print one object instead of a table
        Prints premium (model price at the post-trade vol), optionPriceFee, spotPriceFee, vegaUtilFee, varianceFee,
        inventoryAdjustment, total (buy: premium + fees + adjustment; sell: max(premium − fees − adjustment, 0)),
        payment (total in the payment asset, rounded in the vault's favour), vol, newBaseIv, newSkew, the trade's Greeks
        (signed for the trader; vega per 1.00 vol, theta per year), the oracle timestamp, state version and quote expiry.
        A rejected quote prints its typed reason (with --json: {"rejection":..,"message":..} on stdout) and exits 2; bad
        arguments or an unreadable/malformed vault file are a one-line error with exit code 2.
        """;

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        if (argv.Contains("--help") || argv.Contains("-h"))
        {
            stdout.WriteLine(Help);
            return CliApp.ExitOk;
        }

        var args = new CliArgs(argv, "json");
        string path = args.Require("vault");
        string seriesName = args.Require("series");
        var side = args.Choice("side", null, "buy", "sell") == "buy" ? TradeDirection.Buy : TradeDirection.Sell;
        double size = args.RequireDouble("size");
        bool json = args.Flag("json");
        args.EnsureAllUsed();

        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CliUsageException($"--vault: cannot read '{path}': {e.Message}"); }
        if (!VaultFile.TryLoad(text, out var loaded, out string? error)) throw new CliUsageException($"--vault: {path}: {error}");
        var state = loaded!.State;
        if (!state.TryResolveSeries(seriesName, out var series)) throw new CliUsageException($"--series: '{seriesName}' is not listed in {path}");

        var result = Vault.Quote(state, series, side, size, loaded.Now);
        if (!result.IsQuoted)
        {
            var r = result.Rejection!;
            if (json) stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"rejection\":\"{r.Reason}\",\"message\":\"{Escape(r.Message)}\"}}"));
            else stderr.WriteLine($"error: rejected ({r.Reason}): {r.Message}");
            return CliApp.ExitUserError;
        }

        var q = result.Quote;
        (string Name, string Value)[] fields =
        [
            ("series", $"\"{seriesName}\""), ("side", side == TradeDirection.Buy ? "\"buy\"" : "\"sell\""), ("size", Num(q.Size)),
            ("premium", Num(q.Premium)), ("optionPriceFee", Num(q.OptionPriceFee)), ("spotPriceFee", Num(q.SpotPriceFee)),
            ("vegaUtilFee", Num(q.VegaUtilFee)), ("varianceFee", Num(q.VarianceFee)), ("inventoryAdjustment", Num(q.InventoryAdjustment)),
            ("total", Num(q.Total)), ("payment", Num(q.Payment)), ("paymentAsset", $"\"{q.PaymentAsset}\""),
            ("vol", Num(q.Vol)), ("newBaseIv", Num(q.NewBaseIv)), ("newSkew", Num(q.NewSkew)), ("forceClose", q.IsForceClose ? "true" : "false"),
            ("delta", Num(q.Delta)), ("gamma", Num(q.Gamma)), ("vega", Num(q.Vega)), ("standardVega", Num(q.StandardVega)), ("theta", Num(q.Theta)),
            ("spot", Num(q.Spot)), ("oracleTimestamp", Num(q.OracleTimestamp)), ("stateVersion", Num(q.StateVersion)), ("expiresAt", Num(q.ExpiresAt)),
        ];
        if (json)
        {
            var parts = new string[fields.Length];
            for (int i = 0; i < fields.Length; i++) parts[i] = $"\"{fields[i].Name}\":{fields[i].Value}";
            stdout.WriteLine("{" + string.Join(",", parts) + "}");
        }
        else
        {
            foreach (var (name, value) in fields) stdout.WriteLine($"{name,-20} {value.Trim('"')}");
        }

        return CliApp.ExitOk;
    }

    private static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
