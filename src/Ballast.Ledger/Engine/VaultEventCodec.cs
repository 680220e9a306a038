using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ballast.Engine.Events;
using Ballast.Ledger.Codecs;

namespace Ballast.Ledger.Engine;

/// <summary>
/// The canonical binding of the engine's events to ledger bytes, event type = the event class name.
/// <see cref="TradeExecuted"/> (~90 % of a ledger) is written at version 2, a fixed binary layout
/// (<see cref="TradeExecutedBinary"/>), because replay speed is bound by decoding it; every other type at version 1,
/// UTF-8 JSON written by System.Text.Json through the engine's polymorphic <see cref="Event"/> contract (a
/// <c>"type"</c> discriminator first, then the record's properties). TradeExecuted v1 (JSON, in every ledger
/// written before v2) still decodes: directly on the fast path, and through the v1→v2 upcaster
/// (<see cref="TradeExecutedJsonToBinary"/>) for <see cref="EventDecoder{TEvent}"/>.
/// </summary>
/// <remarks>
/// JSON for the rest: auditors read it, the engine already declares the contract, and a new field is an upcaster
/// away; auditors see binary trades as the same JSON (<see cref="ToAuditJson"/>, used by <c>ballast ledger export</c>). The set of known types is read once from the
/// <see cref="JsonDerivedTypeAttribute"/>s on <see cref="Event"/>, so an event the engine adds is known here
/// without a second list to keep in step.
/// </remarks>
public sealed class VaultEventCodec : IEventCodec<Event>
{
    /// <summary>Schema version of every engine event type except <see cref="TradeExecuted"/>.</summary>
    public const int Version = 1;

    /// <summary>Schema version of <see cref="TradeExecuted"/>: 2 = binary (<see cref="TradeExecutedBinary"/>); 1 = JSON.</summary>
    public const int TradeExecutedVersion = 2;

    // JsonSerializerDefaults.General: PascalCase names, exactly what the server codec uses.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    private static readonly FrozenDictionary<string, Type> Known = typeof(Event)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType.Name, a => a.DerivedType, StringComparer.Ordinal);

    /// <summary>The shared instance (stateless, thread-safe).</summary>
    public static VaultEventCodec Instance { get; } = new();

    /// <summary>Every event type name the codec knows, ordered.</summary>
    public static IReadOnlyList<string> KnownEventTypes { get; } = [.. Known.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A decoder over this codec with its upcasters (TradeExecuted v1 JSON → v2 binary).</summary>
    public static EventDecoder<Event> CreateDecoder() => new(Instance, [new TradeExecutedJsonToBinary()]);

    /// <summary>Serializes an event; an event type the engine did not register on <see cref="Event"/> is a bug and throws.</summary>
    public EncodedEvent Encode(Event @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        string name = @event.GetType().Name;
        if (!Known.ContainsKey(name))
            throw new ArgumentException($"event type {name} is not registered as a [JsonDerivedType] on Ballast.Engine.Events.Event; it cannot be stored", nameof(@event));
        if (@event is TradeExecuted trade) return new EncodedEvent(name, TradeExecutedVersion, TradeExecutedBinary.Encode(trade));
        return new EncodedEvent(name, Version, JsonSerializer.SerializeToUtf8Bytes(@event, Options));
    }

    /// <summary>The event as the engine's JSON (what version 1 stores), for auditors: binary trades become readable.</summary>
    public static byte[] ToAuditJson(Event @event) => JsonSerializer.SerializeToUtf8Bytes(@event, Options);

    /// <summary>The current version of a known engine event type (2 for TradeExecuted, 1 otherwise), null otherwise.</summary>
    public int? CurrentVersion(string eventType) =>
        !Known.ContainsKey(eventType) ? null : eventType == nameof(TradeExecuted) ? TradeExecutedVersion : Version;

    /// <summary>Reads a payload at the type's current version; false when it is not an engine event of <paramref name="eventType"/> in that format.</summary>
    public bool TryDecode(string eventType, ReadOnlySpan<byte> payload, out Event? @event)
    {
        @event = null;
        if (!Known.ContainsKey(eventType)) return false;
        if (eventType == nameof(TradeExecuted))
        {
            bool ok = TradeExecutedBinary.TryDecode(payload, out var binary);
            @event = binary;
            return ok;
        }

        return TryDecodeJson(eventType, payload, out @event);
    }

    /// <summary>Reads a JSON (version 1) payload of any engine event type.</summary>
    internal static bool TryDecodeJson(string eventType, ReadOnlySpan<byte> payload, out Event? @event)
    {
        @event = null;
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
        // a v1 (JSON) trade is read as JSON without the upcaster's round trip through bytes; anything else goes
        // through the decoder for upcasting and its messages.
        if (record.EventVersion == Instance.CurrentVersion(record.EventType) && Instance.TryDecode(record.EventType, record.Payload.Span, out var e))
            return new DecodeResult<Event>(e, DecodeError.None, "");
        if (record.EventVersion == 1 && record.EventType == nameof(TradeExecuted) && TryDecodeJson(record.EventType, record.Payload.Span, out e))
            return new DecodeResult<Event>(e, DecodeError.None, "");
        return SharedDecoder.Decode(record);
    }

    private static readonly EventDecoder<Event> SharedDecoder = CreateDecoder();
}
