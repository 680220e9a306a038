namespace Ballast.Ledger.Verification;

/// <summary>What <see cref="LedgerVerifier"/> found in one stream.</summary>
/// <param name="StreamId">Stream verified.</param>
/// <param name="RecordsChecked">Records read.</param>
/// <param name="HeadSequence">The stream's recorded head.</param>
/// <param name="Problems">Every chain, gap and head problem (empty when the log is sound), in sequence order.</param>
/// <param name="SnapshotsAgreeing">Snapshots whose state hash equals the replayed hash at their sequence.</param>
/// <param name="SnapshotsDisagreeing">Snapshots that are damaged or disagree with replay (these must be discarded), by sequence.</param>
/// <param name="FinalStateHash">Replayed state hash after the last record, or null when no replay was supplied.</param>
public sealed record VerificationReport(
    string StreamId,
    long RecordsChecked,
    long HeadSequence,
    IReadOnlyList<LedgerFault> Problems,
    int SnapshotsAgreeing,
    IReadOnlyList<long> SnapshotsDisagreeing,
    byte[]? FinalStateHash)
{
    /// <summary>True when the chain, the sequence and every snapshot check out.</summary>
    public bool IsSound => Problems.Count == 0 && SnapshotsDisagreeing.Count == 0;

    /// <summary>One line per finding, for operators.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"stream '{StreamId}': {RecordsChecked} records, head {HeadSequence}, " +
                     $"chain {(Problems.Count == 0 ? "ok" : $"{Problems.Count} problem(s)")}, " +
                     $"snapshots {SnapshotsAgreeing} agree / {SnapshotsDisagreeing.Count} disagree" +
                     (FinalStateHash is null ? "" : $", state hash {Convert.ToHexStringLower(FinalStateHash)}");
        foreach (var p in Problems) yield return "  " + p;
        foreach (long s in SnapshotsDisagreeing) yield return $"  snapshot at sequence {s} disagrees with replay (or is damaged): discard it";
    }
}
