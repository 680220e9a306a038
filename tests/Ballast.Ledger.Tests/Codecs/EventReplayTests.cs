using System.Text;
using Ballast.Ledger.Codecs;
using Ballast.Ledger.Sqlite;
using Ballast.Ledger.Tests.Support;

namespace Ballast.Ledger.Tests.Codecs;

/// <summary>Replay through the codec seam stops at an event a newer build wrote, naming it.</summary>
public sealed class EventReplayTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private sealed class TextCodec : IEventCodec<string>
    {
        public EncodedEvent Encode(string e) => new("Note", 2, Encoding.UTF8.GetBytes(e));
        public int? CurrentVersion(string eventType) => eventType == "Note" ? 2 : null;
        public bool TryDecode(string eventType, ReadOnlySpan<byte> payload, out string? e) { e = Encoding.UTF8.GetString(payload); return true; }
    }

    private sealed class ShoutV1 : IEventUpcaster
    {
        public string EventType => "Note";
        public int FromVersion => 1;
        public byte[] Upcast(ReadOnlySpan<byte> payload) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(payload).ToUpperInvariant());
    }

    [Fact]
    public async Task Replay_upcasts_old_events_and_stops_with_a_clear_error_at_an_unknown_newer_version()
    {
        var opened = await SqliteEventStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_dir.Path, "l.db")));
        await using var store = opened.RequireStore();
        await store.AppendAsync("vault-1", 0, [new("Note", 1, "old"u8.ToArray()), new TextCodec().Encode("current").ToNewRecord(), new("Note", 3, "future"u8.ToArray()), new("Note", 2, "after"u8.ToArray())], "cmd-1");

        var seen = new List<string>();
        var outcome = await EventReplay.ReplayAsync(store, "vault-1", 1, new EventDecoder<string>(new TextCodec(), [new ShoutV1()]), (_, e) => seen.Add(e));

        Assert.Equal(["OLD", "current"], seen);
        Assert.Equal((2L, 2L), (outcome.Applied, outcome.LastSequence));
        Assert.Equal((LedgerFaultKind.UnknownEventVersion, 3L), (outcome.Fault!.Kind, outcome.Fault.Sequence));
        Assert.Contains("Note v3", outcome.Fault.Message);
    }

    public void Dispose() => _dir.Dispose();
}
