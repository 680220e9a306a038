using Ballast.Engine.Events;
using Ballast.Engine.State;
using Ballast.Ledger.Verification;

namespace Ballast.Ledger.Engine;

/// <summary>
/// The engine's replay for <see cref="LedgerVerifier"/>: decode with <see cref="VaultEventCodec"/>, apply to a fresh
/// <see cref="VaultState"/>, check money conservation after every event, hash = the 32 bytes of
/// <see cref="VaultState.StateHash"/>. The first record that does not decode or apply stops the fold (recorded in
/// <see cref="Fault"/>); later records are ignored and the hash becomes empty, so no snapshot can agree after it.
/// </summary>
public sealed class VaultReplayFold : IReplayFold
{
    /// <summary>The state after every record applied so far.</summary>
    public VaultState State { get; } = new();

    /// <summary>Money conservation over the records applied so far.</summary>
    public MoneyConservationCheck Money { get; } = new();

    /// <summary>Events applied.</summary>
    public long Applied { get; private set; }

    /// <summary>Sequence of the last record applied (0 when none).</summary>
    public long LastSequence { get; private set; }

    /// <summary>Why the fold stopped (undecodable, newer version or impossible event), or null.</summary>
    public LedgerFault? Fault { get; private set; }

    /// <summary>Decodes and applies the next record, then checks money.</summary>
    public void Apply(LedgerRecord record)
    {
        if (Fault is not null) return;
        if (!VaultRecovery.TryApply(State, record, out Event? e, out var fault))
        {
            Fault = fault;
            return;
        }

        Money.Observe(record.Sequence, e!, State);
        Applied++;
        LastSequence = record.Sequence;
    }

    /// <summary>The state hash as 32 bytes (empty once the fold stopped).</summary>
    public byte[] StateHash() => Fault is null ? Convert.FromHexString(State.StateHash()) : [];
}
