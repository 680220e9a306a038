using System.Text.Json;
using Ballast.Engine.Events;
using Ballast.Ledger.Codecs;

namespace Ballast.Server.Hosting;

/// <summary>
/// Adapter between the engine's events and the ledger's bytes: System.Text.Json with the engine's polymorphic
/// <c>type</c> discriminator, one schema version (1) per event type. Lives here until the engine ships its own codec.
/// </summary>
public sealed class EngineEventCodec : IEventCodec<Event>
{
    /// <summary>Schema version of every event type today.</summary>
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static EngineEventCodec Instance { get; } = new();

    public EncodedEvent Encode(Event @event) =>
        new(@event.GetType().Name, Version, JsonSerializer.SerializeToUtf8Bytes(@event, Options));

    public int? CurrentVersion(string eventType) => typeof(Event).Assembly.GetType("Ballast.Engine.Events." + eventType) is { } t && t.IsSubclassOf(typeof(Event)) ? Version : null;

    public bool TryDecode(string eventType, ReadOnlySpan<byte> payload, out Event? @event)
    {
        try
        {
            @event = JsonSerializer.Deserialize<Event>(payload, Options);
            return @event is not null && @event.GetType().Name == eventType;
        }
        catch (JsonException)
        {
            @event = null;
            return false;
        }
    }
}
