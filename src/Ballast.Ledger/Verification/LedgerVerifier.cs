using Ballast.Ledger.Storage;

namespace Ballast.Ledger.Verification;

/// <summary>
/// Audits a stream without trusting it: walks every record checking the gap-free sequence and the checksum
/// chain (continuing past a problem so that all are reported), checks the head, and — with a caller-supplied
/// replay — compares each snapshot's state hash with the replayed hash at its sequence.
/// </summary>
public static class LedgerVerifier
{
    /// <summary>Most problems listed per stream (a wholly corrupt log would otherwise list every record).</summary>
    public const int MaxProblems = 100;

    /// <summary>Verifies one stream.</summary>
    /// <param name="store">The store to read.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="replay">A fresh replay to fold records through, or null to skip state/snapshot checks.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static async Task<VerificationReport> VerifyAsync(
        IEventStore store, string streamId, IReplayFold? replay = null, CancellationToken cancellationToken = default)
    {
        var head = await store.GetHeadAsync(streamId, cancellationToken);
        var snapshots = new Dictionary<long, Snapshot>();
        var disagreeing = new List<long>();
        if (replay is not null)
        {
            // Collect every snapshot (refusing each so the store lists them all); damaged ones are disagreements.
            var load = await store.LoadLatestValidSnapshotAsync(streamId, s => { snapshots[s.Sequence] = s; return false; }, cancellationToken);
            foreach (var d in load.Discarded)
            {
                if (d.Reason != SnapshotRejection.RefusedByCaller) disagreeing.Add(d.Sequence);
            }
        }

        var problems = new List<LedgerFault>();
        byte[] previous = RecordChecksum.Genesis.ToArray();
        long expected = 1, count = 0;
        int agreeing = 0;
        await foreach (var r in store.ReadAsync(streamId, 1, verify: false, cancellationToken))
        {
            count++;
            if (r.Sequence != expected)
                Add(problems, new LedgerFault(LedgerFaultKind.SequenceGap,
                    $"stream '{streamId}': sequence {expected} expected, {r.Sequence} found", streamId, expected));
            else if (!RecordChecksum.Verify(previous, r))
                Add(problems, new LedgerFault(LedgerFaultKind.ChecksumMismatch,
                    $"stream '{streamId}', sequence {r.Sequence}: checksum does not match the record and its predecessor", streamId, r.Sequence));
            previous = r.Checksum;
            expected = r.Sequence + 1;
            if (replay is null) continue;
            replay.Apply(r);
            if (snapshots.TryGetValue(r.Sequence, out var snapshot))
            {
                if (snapshot.StateHash.Span.SequenceEqual(replay.StateHash())) agreeing++;
                else disagreeing.Add(r.Sequence);
                snapshots.Remove(r.Sequence);
            }
        }

        if (expected - 1 != head.Sequence)
            Add(problems, new LedgerFault(LedgerFaultKind.HeadMismatch,
                $"stream '{streamId}': head says {head.Sequence} but records end at {expected - 1}", streamId, head.Sequence));
        else if (head.Sequence > 0 && !head.Checksum.AsSpan().SequenceEqual(previous))
            Add(problems, new LedgerFault(LedgerFaultKind.HeadMismatch,
                $"stream '{streamId}': head checksum differs from the last record's", streamId, head.Sequence));
        disagreeing.AddRange(snapshots.Keys); // snapshots for sequences never reached
        disagreeing.Sort();
        return new VerificationReport(streamId, count, head.Sequence, problems, agreeing, disagreeing, replay?.StateHash());
    }

    private static void Add(List<LedgerFault> problems, LedgerFault fault)
    {
        if (problems.Count < MaxProblems) problems.Add(fault);
    }
}
