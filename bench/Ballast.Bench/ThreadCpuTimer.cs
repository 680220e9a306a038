using System.Runtime.InteropServices;

namespace Ballast.Bench;

/// <summary>
/// Per-option cost in CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID), which, unlike the wall
/// clock BenchmarkDotNet reads, does not count the time the thread waits while other processes use the core.
/// Used beside the BenchmarkDotNet table on a shared machine; it still includes cache and TLB pollution
/// from the other processes, so it is an upper bound of the unshared cost.
/// </summary>
public static class ThreadCpuTimer
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    private static long NowNanoseconds()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out TimeSpec t) != 0) throw new InvalidOperationException("clock_gettime failed");
        return t.Seconds * 1_000_000_000L + t.Nanoseconds;
    }

    /// <summary>
    /// Runs <paramref name="invoke"/> (which does <paramref name="operationsPerInvoke"/> operations) for warm-up, then
    /// <paramref name="rounds"/> rounds of enough invocations to take about 50 ms of CPU; returns the median
    /// CPU nanoseconds per operation over the rounds.
    /// </summary>
    public static double MedianNanosecondsPerOperation(Action invoke, int operationsPerInvoke, int rounds = 15)
    {
        long start = NowNanoseconds();
        int calls = 0;
        while (NowNanoseconds() - start < 300_000_000L || calls < 30)
        {
            invoke();
            calls++;
        }

        double perCall = (NowNanoseconds() - start) / (double)calls;
        int callsPerRound = Math.Max(1, (int)(50_000_000 / perCall));
        var perOperation = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            long t0 = NowNanoseconds();
            for (int i = 0; i < callsPerRound; i++) invoke();
            perOperation[r] = (NowNanoseconds() - t0) / (double)callsPerRound / operationsPerInvoke;
        }

        Array.Sort(perOperation);
        return perOperation[rounds / 2];
    }
}
