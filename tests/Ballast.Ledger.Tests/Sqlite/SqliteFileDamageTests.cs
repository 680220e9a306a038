using System.Text;
using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Tests.Support;
using Ballast.Ledger.Verification;

namespace Ballast.Ledger.Tests.Sqlite;

/// <summary>
/// Damage done to the database file's bytes, not through SQL: SQLite keeps no page checksums, so only the
/// ledger's own record checksums can notice a changed byte.
/// </summary>
public sealed class SqliteFileDamageTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string DbPath => Path.Combine(_dir.Path, "ledger.db");

    private static NewRecord Marked(int n) => new("TradeExecuted", 1, Encoding.ASCII.GetBytes($"<<record-{n:D4}>>" + new string('x', 120)));

    private async Task WriteAndCloseAsync(int count)
    {
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(DbPath));
        await using var store = opened.RequireStore();
        for (int i = 1; i <= count; i++) await store.AppendAsync("vault-1", i - 1, [Marked(i)], $"cmd-{i}");
        // Closing checkpoints the WAL into the main file, where the test then edits bytes.
    }

    private void FlipByteOfRecord(int n)
    {
        byte[] file = File.ReadAllBytes(DbPath);
        byte[] marker = Encoding.ASCII.GetBytes($"<<record-{n:D4}>>");
        // B-tree pages are rewritten as records arrive, so stale copies may sit in free pages: damage every copy.
        int found = 0;
        for (int at = 0; (at = file.AsSpan(at).IndexOf(marker) is int i and >= 0 ? at + i : -1) >= 0; at += marker.Length, found++)
            file[at + 2] ^= 0x20;
        Assert.True(found > 0, $"marker of record {n} not found in the file");
        File.WriteAllBytes(DbPath, file);
    }

    [Fact]
    public async Task A_torn_last_record_in_the_file_is_truncated_and_reported_on_open()
    {
        await WriteAndCloseAsync(20);
        FlipByteOfRecord(20);
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(DbPath));
        Assert.Null(opened.Fault);
        Assert.Equal(20, Assert.Single(opened.Repairs).TruncatedSequence);
        await using var store = opened.RequireStore();
        var report = await LedgerVerifier.VerifyAsync(store, "vault-1");
        Assert.True(report.IsSound);
        Assert.Equal(19, report.HeadSequence);
    }

    [Fact]
    public async Task A_flipped_byte_in_the_middle_of_the_file_is_detected_and_never_skipped()
    {
        await WriteAndCloseAsync(20);
        FlipByteOfRecord(9);
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(DbPath));
        await using var store = opened.RequireStore();
        var seen = new List<long>();
        var error = await Assert.ThrowsAsync<LedgerCorruptionException>(async () =>
        {
            await foreach (var r in store.ReadAsync("vault-1")) seen.Add(r.Sequence);
        });
        Assert.Equal(9, error.Fault.Sequence);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), seen); // stops at the damage, delivers nothing past it
    }

    public void Dispose() => _dir.Dispose();
}
