namespace Ballast.Cluster.Contracts;

/// <summary>How a submitted command ended (mirrors the ledger host's <c>CommandStatus</c>).</summary>
[GenerateSerializer]
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReplyStatus>))]
public enum ReplyStatus
{
    /// <summary>Decided, durable in the ledger, applied.</summary>
    Accepted,
    /// <summary>The engine refused it; nothing changed.</summary>
    Rejected,
    /// <summary>A retry of an accepted command (same idempotency key): answered from the ledger.</summary>
    Replayed,
    /// <summary>The idempotency key was used before for a different command.</summary>
    KeyReused,
    /// <summary>The ledger refused the append (e.g. this activation was fenced by a newer writer); the grain deactivates and the next call recovers.</summary>
    Unavailable,
}

/// <summary>The answer to <see cref="IVaultGrain.Submit"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="FirstSequence">Ledger sequence of the command's first event (0 when none).</param>
/// <param name="LastSequence">Ledger sequence of its last event (0 when none).</param>
/// <param name="Reason">The engine's rejection reason name when rejected, else null.</param>
/// <param name="Message">Human explanation for anything but Accepted.</param>
/// <param name="Payment">For a trade: money paid or received (payment asset), else 0.</param>
/// <param name="Fees">For a trade: fees within the payment, else 0.</param>
[GenerateSerializer, Immutable]
public sealed record VaultReply(
    [property: Id(0)] ReplyStatus Status, [property: Id(1)] long FirstSequence, [property: Id(2)] long LastSequence,
    [property: Id(3)] string? Reason, [property: Id(4)] string? Message, [property: Id(5)] decimal Payment, [property: Id(6)] decimal Fees)
{
    /// <summary>True when the command's events are durable (Accepted or Replayed).</summary>
    public bool Succeeded => Status is ReplyStatus.Accepted or ReplyStatus.Replayed;
}
