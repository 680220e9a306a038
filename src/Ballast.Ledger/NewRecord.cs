namespace Ballast.Ledger;

/// <summary>
/// One event to append: its type name, its schema version and its serialized payload. The store never looks
/// inside the payload; an <see cref="Codecs.IEventCodec{TEvent}"/> turns engine events into these.
/// </summary>
/// <param name="EventType">Stable type name, e.g. <c>TradeExecuted</c> (1–200 characters).</param>
/// <param name="EventVersion">Schema version of the payload for this type, ≥ 1.</param>
/// <param name="Payload">Serialized event (at most <see cref="MaxPayloadBytes"/> bytes).</param>
public sealed record NewRecord(string EventType, int EventVersion, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Largest payload accepted, in bytes (1 MiB): events are small; state belongs in snapshots.</summary>
    public const int MaxPayloadBytes = 1 << 20;

    /// <summary>Longest event type name, in characters.</summary>
    public const int MaxEventTypeLength = 200;
}
