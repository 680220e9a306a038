using Ballast.Cluster.Contracts;
using Ballast.Cluster.Hosting;
using Ballast.Engine;
using Ballast.Engine.Volatility;
using Ballast.Ledger.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Runtime;

namespace Ballast.Cluster.Grains;

/// <summary>
/// Hosts one vault with the same <see cref="VaultHost"/> the HTTP server uses: on activation it claims the stream's
/// writer epoch and replays the ledger; each command is decided by the engine, appended durably, applied, and only
/// then answered. The grain adds nothing to the engine's rules.
/// </summary>
/// <remarks>
/// Reentrant because the host already serialises commands through its single writer (in arrival order) and lets
/// reads run beside it, so interleaving calls lets the host group-commit a vault's concurrent commands. Fencing:
/// Orleans keeps one activation per key, but during a membership change a second activation can briefly exist; the
/// newer one claims a newer writer epoch, so the ledger refuses every append of the older one (StaleWriter) and the
/// older one deactivates instead of writing. Nothing is written twice.
/// </remarks>
[Reentrant]
[RandomPlacement]
public sealed class VaultGrain(VaultGrainServices services, ILocalSiloDetails silo, ILogger<VaultGrain> logger) : Grain, IVaultGrain
{
    /// <summary>Most often a vault reports changed exposure to the <see cref="RiskAggregatorGrain"/>.</summary>
    public static readonly TimeSpan RiskReportPeriod = TimeSpan.FromMilliseconds(500);

    private VaultHost? _host;
    private long _reportedVersion = -1;

    private VaultHost Host => _host ?? throw new InvalidOperationException("the vault grain is not activated");

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        string id = this.GetPrimaryKeyString();
        var (host, error) = await VaultHost.OpenAsync(services.Store, id, services.Clock, logger, cancellationToken);
        // Infrastructure failure (ledger unreadable or halted): the activation fails and the caller sees the exception.
        _host = host ?? throw new InvalidOperationException($"vault {id} cannot be activated: {error}");
        // Coalesced: a burst of trades costs one report, not one message per trade.
        this.RegisterGrainTimer(ReportRiskAsync, TimeSpan.Zero, RiskReportPeriod);
        logger.LogInformation("Vault {Vault} activated on {Silo} at ledger head {Head}", id, silo.SiloAddress, host.Head);
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_host is { } host) await host.DisposeAsync();
        _host = null;
    }

    /// <inheritdoc />
    public async Task<VaultReply> Submit(VaultCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var host = Host;
        var commands = CommandMapper.ToEngine(command, host.Now);
        string fingerprint = command.IdempotencyKey is null ? "" : CommandMapper.Fingerprint(command);
        string? Key(int i) => command.IdempotencyKey is { } k
            ? IdempotencyKeys.Scope(CommandMapper.Actor(command), commands.Count == 1 ? k : $"{k}/{i}")
            : null;

        // A multi-command set-up starts only if its first command (OpenVault) succeeds, so opening an open vault
        // writes nothing, and a retried set-up is answered from the ledger. The rest is queued in one turn (no await
        // in between) so the host decides it back to back.
        var outcomes = new CommandOutcome[commands.Count];
        outcomes[0] = await host.SubmitAsync(commands[0], Key(0), fingerprint);
        if (commands.Count > 1 && outcomes[0].Succeeded)
        {
            var rest = new Task<CommandOutcome>[commands.Count - 1];
            for (int i = 1; i < commands.Count; i++) rest[i - 1] = host.SubmitAsync(commands[i], Key(i), fingerprint);
            (await Task.WhenAll(rest)).CopyTo(outcomes, 1);
        }

        var reply = Combine(outcomes);
        if (reply.Status == ReplyStatus.Unavailable)
        {
            // Fenced or the ledger halted: stop this activation; the next call re-activates from the ledger.
            logger.LogWarning("Vault {Vault} host stopped ({Message}); deactivating", this.GetPrimaryKeyString(), reply.Message);
            DeactivateOnIdle();
        }

        return reply;
    }

    private async Task ReportRiskAsync(CancellationToken cancellationToken)
    {
        if (_host is not { Fault: null } host) return;
        var exposure = host.Read(this.GetPrimaryKeyString(), static (s, id) =>
            new VaultExposure(id, s.Version, s.Exposure.Delta, s.Exposure.Gamma, s.Exposure.Vega, s.Exposure.StandardVega, s.Exposure.Theta, s.Exposure.Value));
        if (exposure.StateVersion == _reportedVersion) return;
        await GrainFactory.GetGrain<IRiskAggregatorGrain>(RiskAggregatorGrain.GlobalKey).Report(exposure);
        _reportedVersion = exposure.StateVersion;
    }

    private static VaultReply Combine(CommandOutcome[] outcomes)
    {
        if (outcomes.Length == 1) return CommandMapper.ToReply(outcomes[0]);
        // A set-up of several commands: the first failure speaks for it (commands after a failed first one were never
        // sent), else it spans first..last sequence.
        foreach (var o in outcomes)
        {
            if (!o.Succeeded) return CommandMapper.ToReply(o);
        }

        var last = CommandMapper.ToReply(outcomes[^1]);
        return last with { FirstSequence = outcomes[0].FirstSequence };
    }

    /// <inheritdoc />
    public Task<QuoteReply> Quote(SeriesRef series, bool buy, double size)
    {
        ArgumentNullException.ThrowIfNull(series);
        var host = Host;
        var id = CommandMapper.ToSeries(series);
        var direction = buy ? TradeDirection.Buy : TradeDirection.Sell;
        var reply = host.Read((id, direction, size, now: host.Now), static (s, a) =>
        {
            var r = Vault.Quote(s, a.id, a.direction, a.size, a.now);
            if (!r.IsQuoted) return new QuoteReply(false, 0, 0, 0, 0, s.Version, 0, r.Rejection!.Reason.ToString(), r.Rejection.Message);
            var q = r.Quote;
            return new QuoteReply(true, q.Payment, q.Premium, q.Fees, q.Vol, q.StateVersion, q.ExpiresAt, null, null);
        });
        return Task.FromResult(reply);
    }

    /// <inheritdoc />
    public Task<SeriesRef[]> ListedSeries() => Task.FromResult(Host.Read(static s =>
        s.Boards.Values.OrderBy(b => b.Expiry)
            .SelectMany(b => b.Strikes.OrderBy(k => k.Strike).SelectMany(k => new[] { new SeriesRef(b.Expiry, k.Strike, true), new SeriesRef(b.Expiry, k.Strike, false) }))
            .ToArray()));

    /// <inheritdoc />
    public Task<VaultStatus> Status()
    {
        var host = Host;
        string? fault = host.Fault;
        if (fault is not null) return Task.FromResult(new VaultStatus(this.GetPrimaryKeyString(), host.Head, 0, "", silo.SiloAddress.ToString(), fault));
        var (version, hash, head) = host.Read(host, static (s, h) => (s.Version, s.StateHash(), h.Head));
        return Task.FromResult(new VaultStatus(this.GetPrimaryKeyString(), head, version, hash, silo.SiloAddress.ToString(), null));
    }
}
