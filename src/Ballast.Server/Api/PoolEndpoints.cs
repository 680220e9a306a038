using System.Globalization;
using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Ledger;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Hosting;
using Ballast.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ballast.Server.Api;

/// <summary>
/// The liquidity pool under /v1/pool (issue 5). Status (NAV, tranche share prices, utilisation, queues, breakers) is
/// public; an LP key deposits, withdraws and cancels for its own account (engine role LiquidityProvider); an admin
/// key opens the pool; a keeper key processes the queues that are due, and an admin key does so as Lyra's guardian.
/// </summary>
public static class PoolEndpoints
{
    /// <summary>Adds the pool endpoints to the /v1 group.</summary>
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/pool", (VaultHost h) => Results.Ok(h.Read(h.Now, static (s, now) => PoolStatusView.Of(PoolStatus.Of(s, now))))).WithTags("liquidity");
        v1.MapGet("/pool/report", Report).WithTags("liquidity");
        v1.MapGet("/pool/lps/{account}", (string account, VaultHost h) => Results.Ok(h.Read((account, h.Now), static (s, a) => LpView.Of(s, a.account, a.Now))))
            .RequireRoles(ApiRole.Lp, ApiRole.Admin).RequireOwnAccount("account", adminMayRead: true).WithTags("liquidity");
        v1.MapPost("/pool/lps/{account}/deposits", (string account, HttpRequest r, VaultHost h, ServerOptions o) => Request(account, r, h, o, deposit: true))
            .RequireRoles(ApiRole.Lp).RequireOwnAccount("account", adminMayRead: false).WithTags("liquidity");
        v1.MapPost("/pool/lps/{account}/withdrawals", (string account, HttpRequest r, VaultHost h, ServerOptions o) => Request(account, r, h, o, deposit: false))
            .RequireRoles(ApiRole.Lp).RequireOwnAccount("account", adminMayRead: false).WithTags("liquidity");
        v1.MapDelete("/pool/lps/{account}/requests/{id:long}", Cancel)
            .RequireRoles(ApiRole.Lp).RequireOwnAccount("account", adminMayRead: false).WithTags("liquidity");
        v1.MapPost("/pool/process", Process).RequireRoles(ApiRole.Keeper, ApiRole.Admin).WithTags("liquidity");
        v1.MapPost("/pool/open", Open).RequireRoles(ApiRole.Admin).WithTags("liquidity");
    }

    private static Principal Lp(ApiKey key) => new(new AccountId(key.Account), Role.LiquidityProvider);

    private static async Task<IResult> Request(string account, HttpRequest r, VaultHost h, ServerOptions o, bool deposit)
    {
        var caller = Caller.Of(r.HttpContext)!;
        var (key, keyProblem) = V1Endpoints.IdempotencyKey(r, caller);
        if (keyProblem is not null) return keyProblem;
        var (req, problem) = await JsonBody.ReadAsync<LpRequest>(r, o.MaxBodyBytes);
        if (problem is not null) return problem;
        if (string.IsNullOrEmpty(req!.Tranche)) return Problems.BadRequest("tranche is required");
        if (req.Amount is not decimal amount) return Problems.BadRequest(deposit ? "amount (quote) is required" : "amount (shares) is required");
        bool instant = req.Instant ?? false;
        Command command = deposit
            ? new RequestLpDeposit(Lp(caller), req.Tranche, amount, instant)
            : new RequestLpWithdrawal(Lp(caller), req.Tranche, amount, instant);
        string fingerprint = IdempotencyKeys.Fingerprint(FormattableString.Invariant($"pool-{(deposit ? "deposit" : "withdraw")}|{account}|{req.Tranche}|{amount}|{instant}"));
        return await V1Endpoints.Submit(r.HttpContext, h, command, key, fingerprint,
            outcome => Results.Ok(new { receipt = V1Endpoints.Receipt(outcome), requestId = RequestIdOf(outcome.MainEvent), lp = h.Read((account, h.Now), static (s, a) => LpView.Of(s, a.account, a.Now)) }));
    }

    private static async Task<IResult> Cancel(string account, long id, HttpContext ctx, VaultHost h)
    {
        var caller = Caller.Of(ctx)!;
        return await V1Endpoints.Submit(ctx, h, new CancelLpRequest(Lp(caller), id), null, "",
            outcome => Results.Ok(new { receipt = V1Endpoints.Receipt(outcome), lp = h.Read((account, h.Now), static (s, a) => LpView.Of(s, a.account, a.Now)) }));
    }

    private static async Task<IResult> Process(HttpContext ctx, VaultHost h)
    {
        var caller = Caller.Of(ctx)!;
        int limit = 100;
        if (ctx.Request.Query["limit"] is { Count: > 0 } text && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            return Problems.BadRequest("query parameter 'limit' must be a positive integer");
        // A keeper key processes what is due (engine role Keeper); the admin key acts as Lyra's guardian: it also
        // processes, past the guardian delay, what a breaker or a stale cache holds.
        return await V1Endpoints.Submit(ctx, h, new ProcessLpQueues(Caller.Principal(caller), limit), null, "",
            outcome => Results.Ok(new { receipt = V1Endpoints.Receipt(outcome), pool = h.Read(h.Now, static (s, now) => PoolStatusView.Of(PoolStatus.Of(s, now))) }));
    }

    private static async Task<IResult> Open(HttpRequest r, VaultHost h, ServerOptions o)
    {
        var (req, problem) = await JsonBody.ReadAsync<OpenPoolRequest>(r, o.MaxBodyBytes);
        if (problem is not null) return problem;
        if (req!.Tranches is not { Count: > 0 } tranches) return Problems.BadRequest("tranches are required");
        if (string.IsNullOrEmpty(req.SeedOwner)) return Problems.BadRequest("seedOwner is required");
        var d = PoolParameters.Default;
        var parameters = d with
        {
            DepositDelay = req.DepositDelay ?? d.DepositDelay,
            WithdrawalDelay = req.WithdrawalDelay ?? d.WithdrawalDelay,
            WithdrawalFee = req.WithdrawalFee ?? d.WithdrawalFee,
            GuardianDelay = req.GuardianDelay ?? d.GuardianDelay,
            InstantMode = req.InstantMode ?? d.InstantMode,
        };
        var configs = tranches.Select(t => new TrancheConfig(t.Name ?? "", t.Priority, t.TargetApr, t.InitialSharePrice ?? 1m)).ToArray();
        var caller = Caller.Of(r.HttpContext)!;
        var command = new OpenPool(Caller.Principal(caller), configs, parameters, new AccountId(req.SeedOwner));
        return await V1Endpoints.Submit(r.HttpContext, h, command, null, "",
            outcome => Results.Ok(new { receipt = V1Endpoints.Receipt(outcome), pool = h.Read(h.Now, static (s, now) => PoolStatusView.Of(PoolStatus.Of(s, now))) }));
    }

    /// <summary>The LP report (ballast vault report): the host's ledger replayed from sequence 1, valued now.</summary>
    private static async Task<IResult> Report(VaultHost h, IEventStore store, CancellationToken cancellationToken)
    {
        var (report, events, fault) = await PoolReportReplay.BuildAsync(store, h.StreamId, h.Now, verify: false, cancellationToken);
        return fault is not null
            ? Problems.Of(StatusCodes.Status500InternalServerError, "Ledger unreadable", fault.Message, "ledger-fault")
            : Results.Ok(new { events, report });
    }

    private static long? RequestIdOf(Engine.Events.Event? e) => e switch
    {
        DepositRequested d => d.RequestId,
        WithdrawalRequested w => w.RequestId,
        _ => null,
    };
}

/// <summary>An LP deposit (amount in quote) or withdrawal (amount in shares) into a tranche, queued unless instant.</summary>
public sealed record LpRequest(string? Tranche, decimal? Amount, bool? Instant);

/// <summary>One tranche of an <see cref="OpenPoolRequest"/>.</summary>
public sealed record TrancheRequest(string? Name, int Priority, decimal? TargetApr, decimal? InitialSharePrice);

/// <summary>Opens the pool: tranches, the owner of the NAV already in the vault, and optional overrides of Lyra's defaults (seconds, ratio).</summary>
public sealed record OpenPoolRequest(IReadOnlyList<TrancheRequest>? Tranches, string? SeedOwner, long? DepositDelay, long? WithdrawalDelay,
    decimal? WithdrawalFee, long? GuardianDelay, bool? InstantMode);

/// <summary>The pool as JSON (breaker kinds as names).</summary>
public sealed record PoolStatusView(bool Open, long Time, decimal Nav, decimal Deficit, bool Insolvent, string? NavProblem, decimal FreeLiquidity,
    decimal BurnableLiquidity, decimal Utilisation, decimal QueuedDeposits, decimal ReservedForQueuedWithdrawals, bool GreekCacheFresh,
    IReadOnlyList<PoolStatus.TrancheLine> Tranches, IReadOnlyList<PoolBreakerView> Breakers, IReadOnlyList<PoolStatus.RequestLine> Queue)
{
    /// <summary>The view of an engine <see cref="PoolStatus"/>.</summary>
    public static PoolStatusView Of(PoolStatus s) => new(s.IsOpen, s.Time, s.Nav, s.Deficit, s.IsInsolvent, s.NavProblem, s.FreeLiquidity, s.BurnableLiquidity,
        s.Utilisation, s.QueuedDeposits, s.ReservedForQueuedWithdrawals, s.IsGreekCacheFresh, s.Tranches,
        [.. s.Breakers.Select(b => new PoolBreakerView(b.Kind.ToString(), b.ActiveUntil, b.IsActive))], s.Queue);
}

/// <summary>One circuit breaker.</summary>
public sealed record PoolBreakerView(string Kind, long? ActiveUntil, bool Active);

/// <summary>One LP's shares per tranche (with their value at today's price) and its queued requests.</summary>
public sealed record LpView(string Account, IReadOnlyList<LpHoldingView> Holdings, IReadOnlyList<PoolStatus.RequestLine> Queue)
{
    /// <summary>The LP's view at <paramref name="now"/>.</summary>
    public static LpView Of(Engine.State.VaultState s, string account, long now)
    {
        var status = PoolStatus.Of(s, now);
        var id = new AccountId(account);
        var holdings = s.Pool is { } pool
            ? status.Tranches.Select(t => new LpHoldingView(t.Name, pool.SharesOf(id, t.Name), t.SharePrice, pool.SharesOf(id, t.Name) * t.SharePrice)).ToArray()
            : [];
        return new LpView(account, holdings, [.. status.Queue.Where(q => q.Account == account)]);
    }
}

/// <summary>Shares of one tranche and their value at the current share price (quote, before any withdrawal fee).</summary>
public sealed record LpHoldingView(string Tranche, decimal Shares, decimal SharePrice, decimal Value);
