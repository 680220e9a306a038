using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Tests.Support;

namespace Ballast.Ledger.Tests.Engine;

/// <summary>A fresh SQLite ledger in a temp directory.</summary>
public sealed class LedgerFixture : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();

    public string Path => System.IO.Path.Combine(_dir.Path, "vault.db");

    public IEventStore Store { get; private set; } = null!;

    public static async Task<LedgerFixture> OpenAsync()
    {
        var f = new LedgerFixture();
        await f.ReopenAsync();
        return f;
    }

    public async Task ReopenAsync()
    {
        if (Store is not null) await Store.DisposeAsync();
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(Path), new EventStoreOptions { Clock = new ManualClock(ManualClock.Epoch) });
        Store = opened.RequireStore();
    }

    public async ValueTask DisposeAsync()
    {
        if (Store is not null) await Store.DisposeAsync();
        _dir.Dispose();
    }
}
