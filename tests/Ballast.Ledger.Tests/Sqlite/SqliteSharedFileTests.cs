using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Tests.Support;

namespace Ballast.Ledger.Tests.Sqlite;

/// <summary>The writer remembers stream heads between batches; a commit by another connection must invalidate them.</summary>
public sealed class SqliteSharedFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Two_stores_on_one_file_see_each_others_appends_and_never_reuse_a_sequence()
    {
        string path = Path.Combine(_dir.Path, "shared.db");
        await using var first = (await SqliteEventStore.OpenAsync(new SqliteStoreOptions(path))).RequireStore();
        await using var second = (await SqliteEventStore.OpenAsync(new SqliteStoreOptions(path))).RequireStore();

        Assert.Equal(1, (await first.AppendAsync("vault-1", 0, Records.Trades(1), "a-1")).LastSequence);
        Assert.Equal(2, (await second.AppendAsync("vault-1", 1, Records.Trades(2), "b-1")).LastSequence);

        var stale = await first.AppendAsync("vault-1", 1, Records.Trades(3), "a-2");
        Assert.Equal((AppendOutcome.ConcurrencyConflict, 2L), (stale.Outcome, stale.CurrentSequence));
        Assert.Equal(3, (await first.AppendAsync("vault-1", IEventStore.AnySequence, Records.Trades(3), "a-2")).LastSequence);
        Assert.Null(first.Halt);

        var sequences = new List<long>();
        await foreach (var r in second.ReadAsync("vault-1")) sequences.Add(r.Sequence);
        Assert.Equal([1L, 2L, 3L], sequences);
    }

    public void Dispose() => _dir.Dispose();
}
