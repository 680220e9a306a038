using Ballast.Cluster.Contracts;
using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;
using Ballast.Ledger.Hosting;
using Ballast.Pricing;

namespace Ballast.Cluster.Grains;

/// <summary>
/// Maps wire commands to engine commands (and back for replies) at the grain boundary, so the engine's types need no
/// Orleans attributes. The role is implied by the wire command; authentication is the caller's (server's) job.
/// </summary>
public static class CommandMapper
{
    /// <summary>The engine series for a wire series.</summary>
    public static SeriesId ToSeries(SeriesRef series) =>
        new(series.Expiry, series.Strike, series.IsCall ? OptionType.Call : OptionType.Put);

    /// <summary>The engine commands for one wire command (the default set-up is several) at <paramref name="now"/> (Unix seconds).</summary>
    public static IReadOnlyList<Command> ToEngine(VaultCommand command, long now) => command switch
    {
        OpenDefaultVault => DefaultVault.Commands(now),
        PlaceTrade t => [new Trade(new Principal(new AccountId(t.Account), Role.Trader), ToSeries(t.Series),
            t.Buy ? TradeDirection.Buy : TradeDirection.Sell, t.Size, t.LimitPrice)],
        PostSpot s => [new UpdateSpot(new Principal(new AccountId(s.Oracle), Role.Oracle), s.Spot, s.ObservedAt)],
        DepositQuoteCapital d => [new DepositCapital(new Principal(new AccountId(d.Admin), Role.Admin), new AccountId(d.Provider), Asset.Quote, d.Amount)],
        DepositTraderCollateral c => [new DepositCollateral(new Principal(new AccountId(c.Account), Role.Trader), Asset.Quote, c.Amount)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "no engine mapping for this wire command"),
    };

    /// <summary>
    /// The account a wire command acts for: idempotency keys are scoped to it (<see cref="IdempotencyKeys.Scope"/>), so
    /// two accounts never collide and a re-activated host recognises keys it finds in the ledger.
    /// </summary>
    public static string Actor(VaultCommand command) => command switch
    {
        PlaceTrade t => t.Account,
        PostSpot s => s.Oracle,
        DepositQuoteCapital d => d.Admin,
        DepositTraderCollateral c => c.Account,
        _ => "bootstrap",
    };

    /// <summary>A stable fingerprint of the wire command, so a reused idempotency key with a different command is refused.</summary>
    public static string Fingerprint(VaultCommand command) => IdempotencyKeys.Fingerprint(
        (command with { IdempotencyKey = null }).ToString());

    /// <summary>The wire reply for a host outcome.</summary>
    public static VaultReply ToReply(CommandOutcome outcome)
    {
        var status = outcome.Status switch
        {
            CommandStatus.Accepted => ReplyStatus.Accepted,
            CommandStatus.Rejected => ReplyStatus.Rejected,
            CommandStatus.Replayed => ReplyStatus.Replayed,
            CommandStatus.KeyReused => ReplyStatus.KeyReused,
            _ => ReplyStatus.Unavailable,
        };
        decimal payment = 0, fees = 0;
        if (outcome.MainEvent is Engine.Events.TradeExecuted trade)
        {
            payment = trade.Payment;
            fees = trade.Fees;
        }

        return new VaultReply(status, outcome.FirstSequence, outcome.LastSequence, outcome.Rejection?.Reason.ToString(),
            outcome.Rejection?.Message ?? outcome.Message, payment, fees);
    }
}
