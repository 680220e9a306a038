using System.Globalization;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Sqlite;

namespace Ballast.Ledger.CrashChild;

/// <summary>
/// <c>dotnet Ballast.Ledger.CrashChild.dll DB SEED STREAMS</c>: opens (and so recovers) the ledger, then appends
/// engine commands (mostly trades, <see cref="EngineTrades"/>) to STREAMS vaults concurrently, as fast as it can, forever. After each append returns
/// durable it prints <c>ack STREAM SEQUENCE</c>; start-up repairs print <c>repair …</c>. Each vault is recovered
/// with <see cref="VaultRecovery"/> before it continues. Exit codes: 3 an append was refused, 4 start-up failed. The parent ends it with SIGKILL.
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
            string stream = EngineTrades.StreamName(s);
            var recovered = await VaultRecovery.RecoverAsync(store, stream);
            if (recovered.Fault is not null)
            {
                Print(stdout, $"fault {recovered.Fault}");
                return 4;
            }

            var state = recovered.State;
            long head = recovered.LastSequence;
            while (true)
            {
                var decision = EngineTrades.DecideNext(seed, s, state, head + 1);
                if (!decision.IsAccepted)
                {
                    Print(stdout, $"error {stream} rejected {decision.Rejection}");
                    return 3;
                }

                var records = decision.ToArray().Select(e => VaultEventCodec.Instance.Encode(e).ToNewRecord()).ToList();
                var result = await store.AppendAsync(stream, head, records, EngineTrades.CommandKey(s, head + 1));
                long next = head + records.Count;
                if (result.Outcome != AppendOutcome.Appended || result.LastSequence != next)
                {
                    Print(stdout, $"error {stream} {result.Outcome} {result.Message}");
                    return 3;
                }

                state.Apply(decision);
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
