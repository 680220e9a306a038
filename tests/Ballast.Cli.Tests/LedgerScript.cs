using Ballast.Engine;
using Ballast.Engine.Commands;
using Ballast.Engine.State;
using Ballast.Ledger.Engine;
using Ballast.Ledger.Sqlite;

namespace Ballast.Cli.Tests;

/// <summary>Writes a scripted vault to a SQLite ledger: each command decided at its time, its events appended as one batch.</summary>
internal static class LedgerScript
{
    public static async Task WriteAsync(string db, string stream, IEnumerable<(long Time, Command Command)> commands)
    {
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(db));
        await using var store = opened.RequireStore();
        var state = new VaultState();
        long sequence = 0;
        int n = 0;
        foreach (var (time, c) in commands)
        {
            var d = Vault.Decide(state, c, time);
            Assert.True(d.IsAccepted, d.ToString());
            var events = d.ToArray();
            await store.AppendAsync(stream, sequence, [.. events.Select(e => VaultEventCodec.Instance.Encode(e).ToNewRecord())], $"cmd-{++n}");
            foreach (var e in events) state.Apply(e);
            sequence += events.Length;
        }
    }
}
