using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Tests.Support;

namespace Ballast.Ledger.Tests.Sqlite;

/// <summary>The SQLite writer inserts a batch's records and commands 64 rows per statement plus a row-by-row remainder.</summary>
public sealed class SqliteChunkedInsertTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public async Task Every_record_and_command_of_a_batch_is_stored_whatever_its_size(int appenders)
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "chunks.db");
        var store = (await SqliteEventStore.OpenAsync(new SqliteStoreOptions(path))).RequireStore();
        await using (store)
        {
            // Concurrent single-record appends share batches; one big append puts 130 records in one command.
            var results = await Task.WhenAll(Enumerable.Range(0, appenders).Select(a => store.AppendAsync($"s{a}", 0, [Records.Trade(a)], "k")));
            Assert.All(results, r => Assert.Equal(AppendOutcome.Appended, r.Outcome));
            var big = await store.AppendAsync("big", 0, Enumerable.Range(0, 130).Select(i => Records.Trade(i)).ToArray(), "k-big");
            Assert.Equal((1L, 130L), (big.FirstSequence, big.LastSequence));

            for (int a = 0; a < appenders; a++)
            {
                var read = new List<LedgerRecord>();
                await foreach (var r in store.ReadAsync($"s{a}")) read.Add(r);
                Assert.Equal(Records.Trade(a).Payload.ToArray(), Assert.Single(read).Payload.ToArray());
                // The command row is there: the same key again is a duplicate, not a second record.
                Assert.Equal(AppendOutcome.DuplicateCommand, (await store.AppendAsync($"s{a}", 1, [Records.Trade(a)], "k")).Outcome);
            }

            long n = 0;
            await foreach (var r in store.ReadAsync("big")) Assert.Equal(Records.Trade((int)n++).Payload.ToArray(), r.Payload.ToArray());
            Assert.Equal(130, n);
        }
    }
}
