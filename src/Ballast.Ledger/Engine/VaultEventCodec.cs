using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ballast.Engine.Events;
using Ballast.Ledger.Codecs;

namespace Ballast.Ledger.Engine;

/// <summary>
/// The canonical binding of the engine's events to ledger bytes: UTF-8 JSON written by System.Text.Json through the
/// engine's polymorphic <see cref="Event"/> contract (a <c>"type"</c> discriminator first, then the record's
/// properties), event type = the event class name, schema version 1 for every type today. Byte-compatible with the
/// server's former interim codec (same options, same type names, same version), so ledgers written by
/// either decode with either.
/// </summary>
/// <remarks>
/// JSON rather than a binary format: auditors read it (<c>ballast ledger export</c>), the engine already declares
/// the contract, and a new field is an upcaster away. The set of known types is read once from the
/// <see cref="JsonDerivedTypeAttribute"/>s on <see cref="Event"/>, so an event the engine adds is known here
/// without a second list to keep in step.
/// </remarks>
public sealed class VaultEventCodec : IEventCodec<Event>
{
    /// <summary>Schema version of every engine event type today.</summary>
    public const int Version = 1;

    // JsonSerializerDefaults.General: PascalCase names, exactly what the server codec uses.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    private static readonly FrozenDictionary<string, Type> Known = typeof(Event)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType.Name, a => a.DerivedType, StringComparer.Ordinal);

    /// <summary>The shared instance (stateless, thread-safe).</summary>
    public static VaultEventCodec Instance { get; } = new();

    /// <summary>Every event type name the codec knows, ordered.</summary>
    public static IReadOnlyList<string> KnownEventTypes { get; } = [.. Known.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A decoder over this codec (no upcasters yet: every type is at version 1).</summary>
    public static EventDecoder<Event> CreateDecoder() => new(Instance);

    /// <summary>Serializes an event; an event type the engine did not register on <see cref="Event"/> is a bug and throws.</summary>
    public EncodedEvent Encode(Event @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        string name = @event.GetType().Name;
        if (!Known.ContainsKey(name))
            throw new ArgumentException($"event type {name} is not registered as a [JsonDerivedType] on Ballast.Engine.Events.Event; it cannot be stored", nameof(@event));
        return new EncodedEvent(name, Version, JsonSerializer.SerializeToUtf8Bytes(@event, Options));
    }

    /// <summary>Version 1 for a known engine event type, null otherwise.</summary>
    public int? CurrentVersion(string eventType) => Known.ContainsKey(eventType) ? Version : null;

    /// <summary>Reads a version-1 payload; false when it is not JSON of an engine event or names another type than <paramref name="eventType"/>.</summary>
    public bool TryDecode(string eventType, ReadOnlySpan<byte> payload, out Event? @event)
    {
        @event = null;
        if (!Known.ContainsKey(eventType)) return false;
        if (eventType == nameof(TradeExecuted) && TradeExecutedReader.TryRead(payload, out var trade))
        {
            @event = trade;
            return true;
        }

        try
        {
            var decoded = JsonSerializer.Deserialize<Event>(payload, Options);
            if (decoded is null || decoded.GetType().Name != eventType) return false;
            @event = decoded;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (NotSupportedException)
        {
            // e.g. a payload whose "type" discriminator is missing: the abstract base cannot be created.
            return false;
        }
    }

    /// <summary>
    /// Decodes one record or explains, in one line naming stream, sequence and type, why it cannot be
    /// (unknown type, newer version, malformed payload).
    /// </summary>
    public static DecodeResult<Event> Decode(LedgerRecord record)
    {
        // Current version: decode directly (EventDecoder formats its error context for every record, ~0.3 µs);
        // anything else goes through the decoder for upcasting and its messages.
        if (record.EventVersion == Version && Instance.TryDecode(record.EventType, record.Payload.Span, out var e))
            return new DecodeResult<Event>(e, DecodeError.None, "");
        return SharedDecoder.Decode(record);
    }

    private static readonly EventDecoder<Event> SharedDecoder = CreateDecoder();
}
