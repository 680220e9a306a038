using System.Text.Json;
using System.Threading.Channels;

namespace Ballast.Server.Streaming;

/// <summary>
/// Fan-out of server-sent events: every subscriber has a small bounded queue that drops its oldest message when a
/// client reads too slowly, so a stuck browser never slows the vault.
/// </summary>
public sealed class StreamHub
{
    private readonly object _gate = new();
    private readonly List<Channel<string>> _subscribers = [];
    private static readonly JsonSerializerOptions Json = Api.ApiJson.Responses;

    public int SubscriberCount
    {
        get { lock (_gate) return _subscribers.Count; }
    }

    public ChannelReader<string> Subscribe(CancellationToken until)
    {
        var ch = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate) _subscribers.Add(ch);
        until.Register(() =>
        {
            lock (_gate) _subscribers.Remove(ch);
            ch.Writer.TryComplete();
        });
        return ch.Reader;
    }

    /// <summary>Publishes one SSE message (<c>event: NAME</c>, JSON data).</summary>
    public void Publish<T>(string eventName, T data)
    {
        Channel<string>[] targets;
        lock (_gate)
        {
            if (_subscribers.Count == 0) return;
            targets = [.. _subscribers];
        }

        string message = $"event: {eventName}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n";
        foreach (var t in targets) t.Writer.TryWrite(message);
    }
}
