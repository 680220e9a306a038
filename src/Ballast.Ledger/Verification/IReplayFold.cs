namespace Ballast.Ledger.Verification;

/// <summary>
/// A caller-supplied replay: applies records in order and reports the hash of the state so far. The engine
/// plugs in "decode + Apply + state hash"; <see cref="PayloadDigestFold"/> is a stand-in that needs no engine.
/// </summary>
public interface IReplayFold
{
    /// <summary>Applies the next record.</summary>
    void Apply(LedgerRecord record);

    /// <summary>Hash of the state after every record applied so far.</summary>
    byte[] StateHash();
}
