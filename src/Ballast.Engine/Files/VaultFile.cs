using System.Globalization;
using System.Text.Json;
using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.State;

namespace Ballast.Engine.Files;

/// <summary>
/// Builds a vault from a JSON description (schema in the project README): the description becomes a list of
/// ordinary commands (OpenVault, DepositCapital, ListBoard, ListStrike, UpdateSpot, DepositCollateral,
/// ImportPosition) decided and applied at the file's <c>now</c>, so a loaded vault obeys every rule a live one does.
/// Parses text only; reading the file is the caller's job.
/// </summary>
public static class VaultFile
{
    private static readonly Principal Admin = new(new AccountId("vault-file"), Role.Admin);
    private static readonly Principal Governor = Admin with { Role = Role.Governor };
    private static readonly Principal Oracle = Admin with { Role = Role.Oracle };

    /// <summary>A loaded vault and the time it describes.</summary>
    /// <param name="State">The vault.</param>
    /// <param name="Now">The file's <c>now</c>, Unix seconds.</param>
    public sealed record Loaded(VaultState State, long Now);

    /// <summary>Parses and replays a vault description; on failure <paramref name="error"/> says what and where.</summary>
    public static bool TryLoad(string json, out Loaded? loaded, out string? error)
    {
        loaded = null;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var commands = ToCommands(doc.RootElement, out long now);
            var state = new VaultState();
            foreach (var command in commands)
            {
                var decision = Vault.Decide(state, command, now);
                if (!decision.IsAccepted)
                {
                    error = $"{command.GetType().Name} rejected: {decision.Rejection}";
                    return false;
                }

                state.Apply(decision);
            }

            loaded = new Loaded(state, now);
            error = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            // System.Text.Json quotes the offending text, line breaks included; callers print the error as one line.
            error = e.Message.ReplaceLineEndings(" ");
            return false;
        }
    }

    private static List<Command> ToCommands(JsonElement root, out long now)
    {
        now = Time(Required(root, "now"), "now");
        var commands = new List<Command>();
        var m = Required(root, "market");
        string settlement = Text(m, "settlement", "linear");
        var market = new MarketDefinition(Text(m, "underlying"), Text(m, "quoteAsset"),
            settlement.ToLowerInvariant() switch
            {
                "linear" => SettlementStyle.Linear,
                "inverse" => SettlementStyle.Inverse,
                _ => throw new FormatException($"market.settlement '{settlement}' is not linear|inverse"),
            });

        var parameters = VaultParameters.Default;
        if (root.TryGetProperty("parameters", out var ps))
        {
            foreach (var prop in ps.EnumerateObject())
            {
                if (!parameters.TryWith(prop.Name, prop.Value.GetDouble(), out parameters, out string? problem))
                    throw new FormatException($"parameters.{prop.Name}: {problem}");
            }
        }

        commands.Add(new OpenVault(Admin, market, parameters));
        if (root.TryGetProperty("capital", out var capital))
        {
            foreach (var (name, asset) in new[] { ("quote", Asset.Quote), ("base", Asset.Base) })
            {
                if (capital.TryGetProperty(name, out var amount) && amount.GetDecimal() != 0m)
                    commands.Add(new DepositCapital(Admin, new AccountId("capital"), asset, amount.GetDecimal()));
            }
        }

        foreach (var board in Required(root, "boards").EnumerateArray())
        {
            long expiry = Time(Required(board, "expiry"), "boards[].expiry");
            commands.Add(new ListBoard(Governor, expiry, Required(board, "baseIv").GetDouble()));
            foreach (var strike in Required(board, "strikes").EnumerateArray())
                commands.Add(new ListStrike(Governor, expiry, Required(strike, "strike").GetDecimal(), strike.TryGetProperty("skew", out var skew) ? skew.GetDouble() : 1.0));
        }

        var spot = Required(root, "spot");
        commands.Add(new UpdateSpot(Oracle, Required(spot, "price").GetDouble(),
            spot.TryGetProperty("observedAt", out var observed) ? Time(observed, "spot.observedAt") : now,
            spot.TryGetProperty("confidence", out var confidence) ? confidence.GetDouble() : 1.0,
            spot.TryGetProperty("reference", out var reference) && reference.ValueKind != JsonValueKind.Null ? reference.GetDouble() : null));

        if (root.TryGetProperty("accounts", out var accounts))
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var account in accounts.EnumerateArray())
            {
                var id = new AccountId(Text(account, "id"));
                var trader = new Principal(id, Role.Trader);
                foreach (var (name, asset) in new[] { ("quote", Asset.Quote), ("base", Asset.Base) })
                {
                    if (account.TryGetProperty(name, out var amount) && amount.GetDecimal() != 0m)
                        commands.Add(new DepositCollateral(trader, asset, amount.GetDecimal()));
                }

                if (!account.TryGetProperty("positions", out var positions)) continue;
                foreach (var position in positions.EnumerateArray())
                {
                    string series = Text(position, "series");
                    if (!SeriesId.TryParseName(series, out string underlying, out DateOnly date, out decimal strike, out var type)
                        || !string.Equals(underlying, market.Underlying, StringComparison.OrdinalIgnoreCase))
                        throw new FormatException($"accounts[].positions[].series '{series}' is not a series name of {market.Underlying}");
                    long expiry = ExpiryOn(root, date) ?? throw new FormatException($"no board expires on {date:yyyy-MM-dd} for series '{series}'");
                    commands.Add(new ImportPosition(Admin, id, new SeriesId(expiry, strike, type), Required(position, "size").GetDecimal()));
                }
            }
        }

        return commands;
    }

    private static long? ExpiryOn(JsonElement root, DateOnly date)
    {
        foreach (var board in root.GetProperty("boards").EnumerateArray())
        {
            long expiry = Time(board.GetProperty("expiry"), "boards[].expiry");
            if (DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(expiry).UtcDateTime) == date) return expiry;
        }

        return null;
    }

    /// <summary>A time: Unix seconds (number) or an ISO-8601 instant with offset (string).</summary>
    private static long Time(JsonElement e, string what)
    {
        if (e.ValueKind == JsonValueKind.Number) return e.GetInt64();
        if (e.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            return t.ToUnixTimeSeconds();
        throw new FormatException($"{what}: '{e}' is neither Unix seconds nor an ISO-8601 time");
    }

    private static JsonElement Required(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : throw new FormatException($"missing '{name}'");

    private static string Text(JsonElement e, string name, string? fallback = null) =>
        e.TryGetProperty(name, out var v) ? v.GetString() ?? throw new FormatException($"'{name}' is null")
        : fallback ?? throw new FormatException($"missing '{name}'");
}
