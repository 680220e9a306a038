using System.Globalization;
using Ballast.Ledger.Sqlite;

namespace Ballast.Ledger.CrashChild;

/// <summary>
/// <c>dotnet Ballast.Ledger.CrashChild.dll DB SEED STREAMS</c>: opens (and so recovers) the ledger, then appends
/// synthetic trades to STREAMS streams concurrently, as fast as it can, forever. After each append returns
/// durable it prints <c>ack STREAM SEQUENCE</c>; start-up repairs print <c>repair …</c>. Exit codes: 3 an append
/// was refused, 4 start-up failed. The parent ends it with SIGKILL.
/// </summary>
public static class Program
{
    private static readonly Lock OutputLock = new();

    public static async Task<int> Main(string[] args)
    {
        string db = args[0];
        long seed = long.Parse(args[1], CultureInfo.InvariantCulture);
        int streams = int.Parse(args[2], CultureInfo.InvariantCulture);
        var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };

        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(db));
        foreach (var repair in opened.Repairs) Print(stdout, $"repair {repair.StreamId} {repair.TruncatedSequence}");
        if (opened.Fault is not null)
        {
            Print(stdout, $"fault {opened.Fault}");
            return 4;
        }

        var store = opened.RequireStore();
        var appenders = Enumerable.Range(0, streams).Select(async s =>
        {
            string stream = SyntheticTrades.StreamName(s);
            long head = (await store.GetHeadAsync(stream)).Sequence;
            while (true)
            {
                long next = head + 1;
                var record = new NewRecord(SyntheticTrades.EventType, 1, SyntheticTrades.Payload(seed, s, next));
                var result = await store.AppendAsync(stream, head, [record], SyntheticTrades.CommandKey(s, next));
                if (result.Outcome != AppendOutcome.Appended || result.LastSequence != next)
                {
                    Print(stdout, $"error {stream} {result.Outcome} {result.Message}");
                    return 3;
                }

                Print(stdout, $"ack {stream} {next}");
                head = next;
            }
        }).ToArray();
        return await await Task.WhenAny(appenders);
    }

    private static void Print(StreamWriter stdout, string line)
    {
        lock (OutputLock) stdout.WriteLine(line);
    }
}
