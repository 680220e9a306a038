using Ballast.Engine;
using Ballast.Engine.Events;

namespace Ballast.Ledger.Hosting;

/// <summary>How <see cref="VaultHost.SubmitAsync"/> ended for one command.</summary>
public enum CommandStatus
{
    /// <summary>Decided, appended durably, applied.</summary>
    Accepted,
    /// <summary>The engine refused it; nothing was written and the state is unchanged.</summary>
    Rejected,
    /// <summary>The idempotency key was seen before with the same request: the original events are returned, nothing new was written.</summary>
    Replayed,
    /// <summary>The idempotency key was seen before with a different request; nothing was written.</summary>
    KeyReused,
    /// <summary>The ledger refused or failed the append (halted store, fenced writer); the host stopped accepting commands.</summary>
    Unavailable,
}

/// <summary>The result of one command: its events (accepted or replayed) or why not.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Events">The command's events in ledger order (empty unless accepted or replayed).</param>
/// <param name="FirstSequence">Ledger sequence of the first event (0 when none).</param>
/// <param name="LastSequence">Ledger sequence of the last event (0 when none).</param>
/// <param name="Rejection">The engine's refusal when rejected.</param>
/// <param name="Message">Human explanation for KeyReused/Unavailable.</param>
public sealed record CommandOutcome(
    CommandStatus Status, IReadOnlyList<Event> Events, long FirstSequence, long LastSequence, Rejection? Rejection = null, string? Message = null)
{
    /// <summary>True for Accepted and Replayed: the command's events are durable.</summary>
    public bool Succeeded => Status is CommandStatus.Accepted or CommandStatus.Replayed;

    /// <summary>The command's own event (the last one).</summary>
    public Event? MainEvent => Events.Count == 0 ? null : Events[^1];

    internal static CommandOutcome Refused(Rejection rejection) => new(CommandStatus.Rejected, [], 0, 0, rejection);

    internal static CommandOutcome Down(string message) => new(CommandStatus.Unavailable, [], 0, 0, null, message);
}

/// <summary>Events that became durable and were applied together, in order (published after the write lock is released).</summary>
/// <param name="Events">Each event with its ledger sequence.</param>
/// <param name="StateVersion">The state's version after the batch.</param>
public sealed record CommittedBatch(IReadOnlyList<(long Sequence, Event Event)> Events, long StateVersion);
