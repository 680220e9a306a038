using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Tests.Support;

namespace Ballast.Ledger.Tests.Sqlite;

/// <summary>A full disk, made real with SQLite's page cap: writes fail with SQLITE_FULL as they would on a full volume.</summary>
public sealed class SqliteDiskFullTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string DbPath => Path.Combine(_dir.Path, "ledger.db");

    [Fact]
    public async Task A_full_disk_halts_the_store_which_then_refuses_every_append_and_loses_nothing_acknowledged()
    {
        await using (var _ = (await SqliteEventStore.OpenAsync(new SqliteStoreOptions(DbPath))).RequireStore()) { }
        long pages = new FileInfo(DbPath).Length / 4096;

        var acknowledged = new List<long>();
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(DbPath) { MaxPageCount = pages + 4 });
        await using (var store = opened.RequireStore())
        {
            AppendResult result = default;
            for (int i = 0; i < 10_000; i++)
            {
                result = await store.AppendAsync("vault-1", acknowledged.Count, [Records.Trade(i)], $"cmd-{i}");
                if (result.Outcome != AppendOutcome.Appended) break;
                acknowledged.Add(result.LastSequence);
            }

            Assert.Equal(AppendOutcome.StoreHalted, result.Outcome);
            Assert.Contains("full", result.Message, StringComparison.OrdinalIgnoreCase);
            Assert.NotEmpty(acknowledged);
            Assert.Equal(AppendOutcome.StoreHalted, (await store.AppendAsync("vault-1", acknowledged.Count, [Records.Trade(0)], "after-halt")).Outcome);
        }

        await using var reopened = (await SqliteEventStore.OpenAsync(new SqliteStoreOptions(DbPath))).RequireStore();
        var stored = new List<long>();
        await foreach (var r in reopened.ReadAsync("vault-1")) stored.Add(r.Sequence);
        Assert.Equal(acknowledged, stored);
    }

    public void Dispose() => _dir.Dispose();
}
