using System.Globalization;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Volatility;
using Ballast.Server.Auth;
using Ballast.Ledger.Hosting;
using Ballast.Server.Ops;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ballast.Server.Api;

/// <summary>
/// The /v1 API. Market data (markets, boards, series, vault status, parameters, recent trades, stream) is public;
/// quotes need any key; trades, collateral and LP deposits act for the key's own account; governance and oracle
/// updates need their roles.
/// </summary>
public static class V1Endpoints
{
    private static readonly ApiRole[] AnyRole = [];

    public static void Map(IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapGet("/markets", (VaultHost h) => Results.Ok(h.Read(static s => VaultViews.Market(s)))).WithName("GetMarket").WithTags("market data");
        v1.MapGet("/boards", (VaultHost h) => Results.Ok(h.Read(h.Now, static (s, now) => VaultViews.Status(s, now, 0, null).Boards))).WithTags("market data");
        v1.MapGet("/boards/{board}", (string board, VaultHost h) => h.Read((board, h.Now), static (s, a) =>
            VaultViews.TryResolveBoard(s, a.board, out var b) ? Results.Ok(VaultViews.Board(s, b, a.Now, s.ParametersAt(a.Now, out _))) : Problems.NotFound($"board '{a.board}' is not listed", "unknown-board")))
            .WithTags("market data");
        v1.MapGet("/series", (VaultHost h) => Results.Ok(h.Read(static s => VaultViews.Series(s)))).WithTags("market data");
        v1.MapGet("/vault", (VaultHost h) => Results.Ok(h.Read((h.Now, h.Head, h.Fault), static (s, a) => VaultViews.Status(s, a.Now, a.Head, a.Fault)))).WithTags("vault");
        v1.MapGet("/hedges", (VaultHost h) => Results.Ok(h.Read(static s => HedgeViews.Positions(s)))).WithName("GetHedges").WithTags("vault");
        v1.MapGet("/parameters", (VaultHost h) => Results.Ok(h.Read(h.Now, static (s, now) => VaultViews.Parameters(s, now)))).WithTags("governance");
        v1.MapGet("/trades/recent", (VaultHost h, int? limit) =>
        {
            if (limit is < 1 or > VaultHost.RecentTradeCapacity) return Problems.BadRequest($"limit must be in [1, {VaultHost.RecentTradeCapacity}]");
            string u = h.Read(static s => s.Market?.Underlying ?? "");
            return Results.Ok(h.RecentTrades(limit ?? 50).Select(t => VaultViews.Trade(u, t.Sequence, t.Trade)).ToArray());
        }).WithTags("market data");

        v1.MapGet("/quotes", Quote).RequireRoles(AnyRole).WithTags("trading");
        v1.MapPost("/trades", PostTrade).RequireRoles(ApiRole.Trader).WithTags("trading");

        v1.MapGet("/accounts/{account}", (string account, VaultHost h) => Results.Ok(h.Read(account, static (s, a) => VaultViews.Account(s, a))))
            .RequireRoles(ApiRole.Trader, ApiRole.Admin).RequireOwnAccount("account", adminMayRead: true).WithTags("accounts");
        v1.MapPost("/accounts/{account}/deposits", (string account, HttpRequest r, VaultHost h, ServerOptions o) => Collateral(account, r, h, o, deposit: true))
            .RequireRoles(ApiRole.Trader).RequireOwnAccount("account", adminMayRead: false).WithTags("accounts");
        v1.MapPost("/accounts/{account}/withdrawals", (string account, HttpRequest r, VaultHost h, ServerOptions o) => Collateral(account, r, h, o, deposit: false))
            .RequireRoles(ApiRole.Trader).RequireOwnAccount("account", adminMayRead: false).WithTags("accounts");
        v1.MapPost("/lp/{account}/deposits", LpDeposit).RequireRoles(ApiRole.Lp).RequireOwnAccount("account", adminMayRead: false).WithTags("liquidity");

        v1.MapPut("/parameters/{name}", PutParameter).RequireRoles(ApiRole.Governor).WithTags("governance");
        v1.MapPost("/oracle/spot", PostSpot).RequireRoles(ApiRole.Oracle).WithTags("oracle");
        v1.MapPost("/oracle/vol", PostVol).RequireRoles(ApiRole.Oracle).WithTags("oracle");
        MarginEndpoints.Map(v1);
        PoolEndpoints.Map(v1);
    }

    internal static bool TryParseSide(string? side, out TradeDirection direction)
    {
        direction = TradeDirection.Buy;
        if (string.Equals(side, "buy", StringComparison.OrdinalIgnoreCase)) return true;
        direction = TradeDirection.Sell;
        return string.Equals(side, "sell", StringComparison.OrdinalIgnoreCase);
    }

    private static IResult? CheckSize(double? size, ServerOptions o) =>
        size is not double v ? Problems.BadRequest("size is required", "invalid-size")
        : !double.IsFinite(v) || v <= 0 || v > o.MaxSize ? Problems.BadRequest($"size must be finite, > 0 and ≤ {o.MaxSize}", "invalid-size")
        : null;

    private static IResult Quote(HttpContext ctx, VaultHost h, ServerOptions o, ServerMetrics metrics, SeriesCatalog catalog)
    {
        var q = ctx.Request.Query;
        string? seriesName = q["series"];
        if (string.IsNullOrEmpty(seriesName)) return Problems.BadRequest("query parameter 'series' is required");
        if (!TryParseSide(q["side"], out var direction)) return Problems.BadRequest("query parameter 'side' must be buy or sell");
        if (!double.TryParse(q["size"], NumberStyles.Float, CultureInfo.InvariantCulture, out double size)) return Problems.BadRequest("query parameter 'size' must be a number", "invalid-size");
        if (CheckSize(size, o) is { } bad) return bad;
        var key = Caller.Of(ctx)!;
        // Resolved from the catalog's dictionary, not by parsing the name under the read lock on every quote.
        if (!catalog.TryResolve(seriesName, out var id)) return Problems.Rejected(new Engine.Rejection(Engine.RejectionReason.UnknownSeries, $"series '{seriesName}' is not listed"));
        var result = h.Read((seriesName, id, direction, size, h.Now, key.Account), static (s, a) =>
        {
            var r = Engine.Vault.Quote(s, a.id, a.direction, a.size, a.Now, new AccountId(a.Account));
            if (!r.IsQuoted) return (Quote: default(QuoteView), Error: r.Rejection);
            var x = r.Quote;
            return (new QuoteView($"q-{x.StateVersion}-{x.ExpiresAt}", a.seriesName.ToUpperInvariant(), a.direction == TradeDirection.Buy ? "buy" : "sell", x.Size, x.Spot, x.Vol,
                x.Premium, x.Fees, x.InventoryAdjustment, x.Payment, x.PaymentAsset == Asset.Quote ? "quote" : "base", x.IsForceClose, x.Delta, x.Gamma, x.Vega,
                x.OracleTimestamp, x.StateVersion, x.ExpiresAt), null);
        });
        metrics.Quotes.Inc();
        return result.Error is { } e ? Problems.Rejected(e) : Results.Ok(result.Quote);
    }

    internal static (string? Key, IResult? Problem) IdempotencyKey(HttpRequest r, ApiKey caller)
    {
        if (!r.Headers.TryGetValue("Idempotency-Key", out var values) || values.Count == 0) return (null, null);
        string? k = values[0];
        if (values.Count > 1 || string.IsNullOrEmpty(k) || k.Length > IdempotencyKeys.MaxLength || !k.All(c => c is > ' ' and < (char)127 && c != '#'))
            return (null, Problems.BadRequest($"Idempotency-Key must be 1-{IdempotencyKeys.MaxLength} printable ASCII characters without '#'", "invalid-idempotency-key"));
        return (IdempotencyKeys.Scope(caller.Account, k), null);
    }

    internal static async Task<IResult> Submit(HttpContext ctx, VaultHost h, Command command, string? key, string fingerprint, Func<CommandOutcome, IResult> ok)
    {
        var outcome = await h.SubmitAsync(command, key, fingerprint, ctx.RequestAborted);
        switch (outcome.Status)
        {
            case CommandStatus.Accepted:
                return ok(outcome);
            case CommandStatus.Replayed:
                ctx.Response.Headers["Idempotent-Replayed"] = "true";
                return ok(outcome);
            case CommandStatus.Rejected:
                return Problems.Rejected(outcome.Rejection!);
            case CommandStatus.KeyReused:
                return Problems.Of(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused", outcome.Message!, "idempotency-key-reused");
            default:
                return Problems.Unavailable(outcome.Message ?? "the vault is unavailable");
        }
    }

    private static async Task<IResult> PostTrade(HttpContext ctx, VaultHost h, ServerOptions o, ServerMetrics metrics, SeriesCatalog catalog)
    {
        var caller = Caller.Of(ctx)!;
        var (key, keyProblem) = IdempotencyKey(ctx.Request, caller);
        if (keyProblem is not null) return keyProblem;
        var (req, problem) = await JsonBody.ReadAsync<TradeRequest>(ctx.Request, o.MaxBodyBytes);
        if (problem is not null) return problem;
        if (string.IsNullOrEmpty(req!.Series)) return Problems.BadRequest("series is required");
        if (!TryParseSide(req.Side, out var direction)) return Problems.BadRequest("side must be buy or sell");
        if (CheckSize(req.Size, o) is { } bad) return bad;
        decimal? limit = direction == TradeDirection.Buy ? req.MaxCost : req.MinProceeds;
        if (limit is null) return Problems.BadRequest(direction == TradeDirection.Buy ? "maxCost is required to buy" : "minProceeds is required to sell", "missing-limit");
        if ((direction == TradeDirection.Buy ? req.MinProceeds : req.MaxCost) is not null) return Problems.BadRequest("send maxCost to buy or minProceeds to sell, not both");
        if (limit < 0) return Problems.BadRequest("the limit must be ≥ 0");
        QuoteTicket? ticket = null;
        if (req.QuoteId is { } qid)
        {
            var parts = qid.Split('-');
            if (parts.Length != 3 || parts[0] != "q" || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long version)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long expires))
                return Problems.BadRequest($"quoteId '{qid}' is not a quote id from /v1/quotes", "invalid-quote-id");
            ticket = new QuoteTicket(version, expires);
        }

        if (!catalog.TryResolve(req.Series, out var series)) return Problems.NotFound($"series '{req.Series}' is not listed", "unknown-series");
        var command = new Trade(Caller.Principal(caller), series, direction, req.Size!.Value, limit.Value, ticket);
        string fingerprint = IdempotencyKeys.Fingerprint(FormattableString.Invariant($"trade|{req.Series.ToUpperInvariant()}|{direction}|{req.Size}|{limit}|{req.QuoteId}"));
        string underlying = catalog.Underlying;
        var result = await Submit(ctx, h, command, key, fingerprint, outcome =>
        {
            var t = (TradeExecuted)outcome.MainEvent!;
            return Results.Ok(VaultViews.Trade(underlying, outcome.LastSequence, t));
        });
        metrics.CountTrade(result);
        return result;
    }

    private static async Task<IResult> Collateral(string account, HttpRequest r, VaultHost h, ServerOptions o, bool deposit)
    {
        var caller = Caller.Of(r.HttpContext)!;
        var (key, keyProblem) = IdempotencyKey(r, caller);
        if (keyProblem is not null) return keyProblem;
        var (asset, amount, problem) = await ReadAmount(r, o);
        if (problem is not null) return problem;
        var by = Caller.Principal(caller);
        Command command = deposit ? new DepositCollateral(by, asset, amount) : new WithdrawCollateral(by, asset, amount);
        string fingerprint = IdempotencyKeys.Fingerprint(FormattableString.Invariant($"{(deposit ? "deposit" : "withdraw")}|{account}|{asset}|{amount}"));
        return await Submit(r.HttpContext, h, command, key, fingerprint,
            outcome => Results.Ok(new { receipt = Receipt(outcome), account = h.Read(account, static (s, a) => VaultViews.Account(s, a)) }));
    }

    private static async Task<IResult> LpDeposit(string account, HttpRequest r, VaultHost h, ServerOptions o)
    {
        var caller = Caller.Of(r.HttpContext)!;
        var (key, keyProblem) = IdempotencyKey(r, caller);
        if (keyProblem is not null) return keyProblem;
        var (asset, amount, problem) = await ReadAmount(r, o);
        if (problem is not null) return problem;
        // Adapter: the engine takes capital only as an admin DepositCapital with a provider; the LP acts as its own provider.
        var command = new DepositCapital(Caller.Principal(caller), new AccountId(account), asset, amount);
        string fingerprint = IdempotencyKeys.Fingerprint(FormattableString.Invariant($"lp-deposit|{account}|{asset}|{amount}"));
        return await Submit(r.HttpContext, h, command, key, fingerprint, outcome => Results.Ok(Receipt(outcome)));
    }

    private static async Task<IResult> PutParameter(string name, HttpRequest r, VaultHost h, ServerOptions o)
    {
        if (!ParameterCatalog.TryFind(name, out var spec)) return Problems.NotFound($"parameter '{name}' does not exist", "unknown-parameter");
        var (req, problem) = await JsonBody.ReadAsync<ParameterChangeRequest>(r, o.MaxBodyBytes);
        if (problem is not null) return problem;
        if (req!.Value is not double value) return Problems.BadRequest("value is required");
        var caller = Caller.Of(r.HttpContext)!;
        var command = new SetParameter(Caller.Principal(caller), spec.Name, value, req.EffectiveAt ?? 0);
        return await Submit(r.HttpContext, h, command, null, "", outcome => Results.Ok(Receipt(outcome)));
    }

    private static async Task<IResult> PostSpot(HttpRequest r, VaultHost h, ServerOptions o)
    {
        var (req, problem) = await JsonBody.ReadAsync<SpotUpdateRequest>(r, o.MaxBodyBytes);
        if (problem is not null) return problem;
        if (req!.Price is not double price) return Problems.BadRequest("price is required");
        var caller = Caller.Of(r.HttpContext)!;
        var command = new UpdateSpot(Caller.Principal(caller), price, req.ObservedAt ?? h.Now, req.Confidence ?? 1.0, req.Reference);
        return await Submit(r.HttpContext, h, command, null, "", outcome => Results.Ok(Receipt(outcome)));
    }

    private static async Task<IResult> PostVol(HttpRequest r, VaultHost h, ServerOptions o)
    {
        var (req, problem) = await JsonBody.ReadAsync<VolUpdateRequest>(r, o.MaxBodyBytes);
        if (problem is not null) return problem;
        if (req!.BaseIv is not double baseIv) return Problems.BadRequest("baseIv is required");
        long? expiry = h.Read(req.Board, static (s, b) => VaultViews.TryResolveBoard(s, b, out var board) ? board.Expiry : (long?)null);
        if (expiry is null) return Problems.NotFound($"board '{req.Board}' is not listed", "unknown-board");
        var skews = (req.Skews ?? []).Select(k => new StrikeSkew(k.Strike, k.Skew)).ToArray();
        var caller = Caller.Of(r.HttpContext)!;
        var command = new UpdateVol(Caller.Principal(caller), expiry.Value, baseIv, skews, req.ObservedAt ?? h.Now, req.Confidence ?? 1.0);
        return await Submit(r.HttpContext, h, command, null, "", outcome => Results.Ok(Receipt(outcome)));
    }

    private static async Task<(Asset Asset, decimal Amount, IResult? Problem)> ReadAmount(HttpRequest r, ServerOptions o)
    {
        var (req, problem) = await JsonBody.ReadAsync<CollateralRequest>(r, o.MaxBodyBytes);
        if (problem is not null) return (default, 0, problem);
        if (!TryParseAsset(req!.Asset, out var asset)) return (default, 0, Problems.BadRequest("asset must be quote or base"));
        if (req.Amount is not decimal amount || amount <= 0 || amount > 1_000_000_000_000m) return (default, 0, Problems.BadRequest("amount must be > 0 and ≤ 1e12"));
        return (asset, amount, null);
    }

    private static bool TryParseAsset(string? text, out Asset asset)
    {
        asset = Asset.Quote;
        if (string.Equals(text, "quote", StringComparison.OrdinalIgnoreCase)) return true;
        asset = Asset.Base;
        return string.Equals(text, "base", StringComparison.OrdinalIgnoreCase);
    }

    internal static CommandReceipt Receipt(CommandOutcome o) => new(o.LastSequence, o.MainEvent!.GetType().Name, o.Status == CommandStatus.Replayed);
}
