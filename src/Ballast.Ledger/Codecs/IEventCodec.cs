namespace Ballast.Ledger.Codecs;

/// <summary>
/// The seam between the engine's events and the ledger's bytes. A codec writes each event as a stable type
/// name, the current version of that type's schema, and a payload; it reads back only current versions
/// (older ones are brought up to date first by <see cref="IEventUpcaster"/>s, see <see cref="EventDecoder{TEvent}"/>).
/// </summary>
/// <typeparam name="TEvent">The engine's event base type.</typeparam>
public interface IEventCodec<TEvent>
{
    /// <summary>Serializes an event.</summary>
    EncodedEvent Encode(TEvent @event);

    /// <summary>The current schema version of a type, or null when the type is unknown.</summary>
    int? CurrentVersion(string eventType);

    /// <summary>Deserializes a payload written at the type's current version; false when malformed.</summary>
    bool TryDecode(string eventType, ReadOnlySpan<byte> payload, out TEvent? @event);
}

/// <summary>An event as the ledger stores it.</summary>
/// <param name="EventType">Stable type name.</param>
/// <param name="EventVersion">Schema version of <paramref name="Payload"/>.</param>
/// <param name="Payload">Serialized event.</param>
public sealed record EncodedEvent(string EventType, int EventVersion, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The record to append.</summary>
    public NewRecord ToNewRecord() => new(EventType, EventVersion, Payload);
}

/// <summary>
/// Rewrites a payload of <see cref="EventType"/> from <see cref="FromVersion"/> to <c>FromVersion + 1</c>
/// (e.g. adds a field with its default). Chains of upcasters take any old payload to the current version,
/// so the engine only ever decodes the current shape.
/// </summary>
public interface IEventUpcaster
{
    /// <summary>Type the upcaster applies to.</summary>
    string EventType { get; }

    /// <summary>Version it reads; it writes <c>FromVersion + 1</c>.</summary>
    int FromVersion { get; }

    /// <summary>The payload rewritten one version up.</summary>
    byte[] Upcast(ReadOnlySpan<byte> payload);
}
