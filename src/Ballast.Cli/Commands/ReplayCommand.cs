using System.Text.Json;
using Ballast.Ledger;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Postgres;
using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Verification;

namespace Ballast.Cli;

/// <summary>
/// <c>ballast replay --db PATH | --postgres CONN [--vault ID] [--verify] [--json]</c>: rebuilds each vault from the
/// ledger (latest valid snapshot + tail) and prints its state hash and event count; with <c>--verify</c> it also
/// replays every stream from sequence 1 and reports the checksum chain, sequence gaps, snapshot agreement, money
/// conservation and whether the recovered state equals the full replay. A SQLite file is opened read-only.
/// Exit codes: 0 sound, 1 recovery or verification failed, 2 usage error.
/// </summary>
public static class ReplayCommand
{
    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        var args = new CliArgs(argv, "verify", "json");
        string? db = args.Optional("db");
        string? postgres = args.Optional("postgres");
        string? vault = args.Optional("vault");
        bool verify = args.Flag("verify"), json = args.Flag("json");
        args.EnsureAllUsed();
        if ((db is null) == (postgres is null)) throw new CliUsageException("give exactly one of --db PATH or --postgres CONNECTION");
        if (db is not null && !File.Exists(db)) throw new CliUsageException($"--db: no such file '{db}'");
        if (vault is { Length: 0 }) throw new CliUsageException("--vault: empty id");
        return RunAsync(db, postgres, vault, verify, json, stdout, stderr).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string? db, string? postgres, string? vault, bool verify, bool json, TextWriter stdout, TextWriter stderr)
    {
        var opened = await LedgerOpening.OpenReadOnlyAsync(db, postgres, stderr);
        if (opened is null) return CliApp.ExitFailure;
        await using var store = opened;
        var streams = await store.ListStreamsAsync();
        if (vault is not null)
        {
            if (!streams.Contains(vault)) throw new CliUsageException($"--vault: no stream '{vault}' in the ledger ({streams.Count} stream(s))");
            streams = [vault];
        }

        var results = new List<StreamResult>();
        foreach (string stream in streams) results.Add(await ReplayAsync(store, stream, verify));
        bool ok = results.All(r => r.Ok);
        if (json) WriteJson(results, verify, ok, stdout);
        else WriteText(results, verify, ok, stdout);
        return ok ? CliApp.ExitOk : CliApp.ExitFailure;
    }

    private sealed record StreamResult(RecoveredVault Recovered, long Head, string StateHash, VerificationReport? Report, VaultReplayFold? Full)
    {
        public bool RecoveredMatchesFullReplay => Full is null || (Full.Fault is null && Full.State.StateHash() == StateHash);

        public bool Ok => Recovered.IsComplete && (Report is null || (Report.IsSound && Full!.Fault is null && Full.Money.Holds && RecoveredMatchesFullReplay));
    }

    private static async Task<StreamResult> ReplayAsync(IEventStore store, string stream, bool verify)
    {
        var recovered = await VaultRecovery.RecoverAsync(store, stream);
        var head = await store.GetHeadAsync(stream);
        if (!verify) return new StreamResult(recovered, head.Sequence, recovered.State.StateHash(), null, null);
        var full = new VaultReplayFold();
        var report = await LedgerVerifier.VerifyAsync(store, stream, full);
        return new StreamResult(recovered, head.Sequence, recovered.State.StateHash(), report, full);
    }

    private static void WriteText(List<StreamResult> results, bool verify, bool ok, TextWriter stdout)
    {
        foreach (var r in results)
        {
            var v = r.Recovered;
            string start = v.SnapshotSequence is long s ? $"snapshot at {s} + {v.TailEvents} events" : $"{v.TailEvents} events from sequence 1";
            stdout.WriteLine($"stream '{v.StreamId}': {v.LastSequence} events (head {r.Head}), state hash {r.StateHash} ({start})");
            foreach (string d in v.Discarded) stdout.WriteLine("  " + d);
            if (v.Fault is not null) stdout.WriteLine($"  recovery stopped: {v.Fault}");
            if (r.Report is not { } report) continue;
            var full = r.Full!;
            var gaps = report.Problems.Where(p => p.Kind == LedgerFaultKind.SequenceGap).ToList();
            var chain = report.Problems.Where(p => p.Kind != LedgerFaultKind.SequenceGap).ToList();
            stdout.WriteLine($"  checksum chain: {(chain.Count == 0 ? "ok" : $"{chain.Count} problem(s)")}");
            foreach (var p in chain) stdout.WriteLine("    " + p);
            stdout.WriteLine($"  sequence gaps: {(gaps.Count == 0 ? "none" : gaps.Count.ToString())}");
            foreach (var p in gaps) stdout.WriteLine("    " + p);
            stdout.WriteLine($"  snapshots: {report.SnapshotsAgreeing} agree, {report.SnapshotsDisagreeing.Count} disagree" +
                             (report.SnapshotsDisagreeing.Count == 0 ? "" : $" (sequences {string.Join(", ", report.SnapshotsDisagreeing)})"));
            if (full.Fault is not null) stdout.WriteLine($"  full replay stopped: {full.Fault}");
            stdout.WriteLine(full.Money.FirstFailure is { } m
                ? $"  money conservation: FAILED at sequence {m.Sequence}: {m.Message}"
                : $"  money conservation: holds after each of {full.Money.EventsChecked} events");
            stdout.WriteLine($"  recovered state = full replay: {(r.RecoveredMatchesFullReplay ? "yes" : "NO")}");
        }

        stdout.WriteLine(ok ? $"ok: {results.Count} vault(s) replayed{(verify ? " and verified" : "")}" : "FAILED: see above");
    }

    private static void WriteJson(List<StreamResult> results, bool verify, bool ok, TextWriter stdout)
    {
        var vaults = results.Select(r => new Dictionary<string, object?>
        {
            ["vault"] = r.Recovered.StreamId,
            ["events"] = r.Recovered.LastSequence,
            ["head"] = r.Head,
            ["stateHash"] = r.StateHash,
            ["snapshotSequence"] = r.Recovered.SnapshotSequence,
            ["tailEvents"] = r.Recovered.TailEvents,
            ["discardedSnapshots"] = r.Recovered.Discarded,
            ["recoveryFault"] = r.Recovered.Fault?.ToString(),
            ["verify"] = r.Report is not { } report ? null : new Dictionary<string, object?>
            {
                ["chainOk"] = report.Problems.All(p => p.Kind == LedgerFaultKind.SequenceGap),
                ["problems"] = report.Problems.Select(p => p.ToString()).ToList(),
                ["sequenceGaps"] = report.Problems.Count(p => p.Kind == LedgerFaultKind.SequenceGap),
                ["snapshotsAgreeing"] = report.SnapshotsAgreeing,
                ["snapshotsDisagreeing"] = report.SnapshotsDisagreeing,
                ["replayFault"] = r.Full!.Fault?.ToString(),
                ["moneyConserved"] = r.Full.Money.Holds,
                ["moneyFailure"] = r.Full.Money.FirstFailure is { } m
                    ? new Dictionary<string, object?> { ["sequence"] = m.Sequence, ["eventType"] = m.EventType, ["asset"] = m.Asset.ToString(), ["message"] = m.Message }
                    : null,
                ["fullReplayStateHash"] = r.Full.Fault is null ? r.Full.State.StateHash() : null,
                ["recoveredMatchesFullReplay"] = r.RecoveredMatchesFullReplay,
            },
            ["ok"] = r.Ok,
        }).ToList();
        var document = new Dictionary<string, object?> { ["ok"] = ok, ["verified"] = verify, ["vaults"] = vaults };
        stdout.WriteLine(JsonSerializer.Serialize(document));
    }
}
