using System.Diagnostics;
using Ballast.Engine.State;
using Ballast.Ledger.CrashChild;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Tests.Support;
using Ballast.Ledger.Verification;
using Xunit.Abstractions;

namespace Ballast.Ledger.Tests.Crash;

/// <summary>
/// Jepsen-style crash test on the SQLite ledger: a child process decides engine trades and appends them as fast as
/// it can, printing every acknowledged sequence; we SIGKILL it at random moments, restart (the child recovers each
/// vault from the ledger), and check that every acknowledged record is present, the chain verifies, money is
/// conserved and the replayed engine state hash equals the reference vault rebuilt in memory from the same
/// deterministic commands. 50 kills in CI; BALLAST_LEDGER_CRASH_KILLS=N for a longer run.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Streams = 4;
    private const long Seed = 20260125;
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Killing_the_writer_at_random_moments_loses_no_acknowledged_record_and_corrupts_nothing()
    {
        int kills = int.TryParse(Environment.GetEnvironmentVariable("BALLAST_LEDGER_CRASH_KILLS"), out int k) && k > 0 ? k : 50;
        string db = Path.Combine(_dir.Path, "crash.db");
        string child = Path.Combine(AppContext.BaseDirectory, "Ballast.Ledger.CrashChild.dll");
        Assert.True(File.Exists(child), $"crash child not built at {child}");
        var random = new Random(7); // the kill schedule is seeded, so a failure can be replayed
        var acked = new long[Streams];
        var reference = new (VaultState State, long Sequence)[Streams];
        for (int s = 0; s < Streams; s++) reference[s] = (new VaultState(), 0);
        long totalAcks = 0, repairs = 0;

        for (int round = 0; round < kills; round++)
        {
            var run = await RunAndKillAsync(child, db, random);
            foreach (var (stream, seq) in run.Acks) acked[stream] = Math.Max(acked[stream], seq);
            totalAcks += run.Acks.Count;
            repairs += run.Repairs;
            Assert.True(run.Errors.Count == 0, $"round {round}: child reported {string.Join("; ", run.Errors)}");
            await CheckLedgerAsync(db, acked, reference, round);
        }

        output.WriteLine($"{kills} SIGKILLs, {totalAcks} acknowledged appends, {repairs} torn tails repaired, heads {string.Join(",", acked)}");
        Assert.True(totalAcks > kills, "the child should have acknowledged appends between kills");
    }

    private static async Task CheckLedgerAsync(string db, long[] acked, (VaultState State, long Sequence)[] reference, int round)
    {
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(db));
        Assert.True(opened.Fault is null, $"round {round}: {opened.Fault}");
        await using var store = opened.RequireStore();
        for (int s = 0; s < Streams; s++)
        {
            string stream = EngineTrades.StreamName(s);
            var replay = new VaultReplayFold();
            var report = await LedgerVerifier.VerifyAsync(store, stream, replay);
            Assert.True(report.IsSound, $"round {round}: {string.Join(" | ", report.Describe())}");
            Assert.True(report.HeadSequence >= acked[s], $"round {round}: {stream} acknowledged up to {acked[s]} but holds {report.HeadSequence}");
            Assert.True(replay.Fault is null, $"round {round}: {replay.Fault}");
            Assert.True(replay.Money.Holds, $"round {round}: {replay.Money.FirstFailure?.Message}");

            // Committed records are never truncated later, so the reference only moves forward: extend it incrementally.
            EngineTrades.Advance(Seed, s, reference[s].State, reference[s].Sequence, report.HeadSequence);
            reference[s].Sequence = report.HeadSequence;
            Assert.Equal(reference[s].State.StateHash(), Convert.ToHexStringLower(report.FinalStateHash!));
        }
    }

    private sealed record Run(List<(int Stream, long Sequence)> Acks, int Repairs, List<string> Errors);

    private async Task<Run> RunAndKillAsync(string child, string db, Random random)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { child, db, Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), Streams.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var run = new Run(new(), 0, new());
        int repairs = 0;
        var firstAcks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int ackTarget = random.Next(1, 40);
        // Most kills land mid-stream (after some acks, plus a random delay); some land during start-up/recovery.
        bool killDuringStartup = random.Next(5) == 0;
        int delayMs = random.Next(0, 25);

        var reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                var parts = line.Split(' ');
                if (parts[0] == "ack")
                {
                    run.Acks.Add((int.Parse(parts[1]["vault-".Length..], System.Globalization.CultureInfo.InvariantCulture), long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
                    if (run.Acks.Count >= ackTarget) firstAcks.TrySetResult();
                }
                else if (parts[0] == "repair") repairs++;
                else run.Errors.Add(line);
            }

            firstAcks.TrySetResult();
        });
        var stderr = process.StandardError.ReadToEndAsync();

        if (killDuringStartup) await Task.Delay(random.Next(50, 250));
        else
        {
            await firstAcks.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(delayMs);
        }

        try { process.Kill(); } // SIGKILL on Unix: no chance to flush or close anything
        catch (InvalidOperationException) { }
        await process.WaitForExitAsync();
        await reader;
        string err = await stderr;
        if (err.Length > 0)
        {
            output.WriteLine($"child stderr: {err}");
            run.Errors.Add("child wrote to stderr (crashed on its own?): " + err.Split('\n')[0]); // a SIGKILL leaves stderr empty
        }
        return run with { Repairs = repairs };
    }

    public void Dispose() => _dir.Dispose();
}
