namespace Ballast.Ledger.Codecs;

/// <summary>Why a record could not be decoded. Replay stops on any of them; none is skipped.</summary>
public enum DecodeError
{
    /// <summary>Decoded.</summary>
    None,

    /// <summary>The codec does not know the event type.</summary>
    UnknownEventType,

    /// <summary>The record's version is newer than the codec's: written by a newer build. Upgrade; never guess.</summary>
    UnknownNewerVersion,

    /// <summary>An old version has no upcaster to the next version.</summary>
    MissingUpcaster,

    /// <summary>The codec could not read the (upcast) payload.</summary>
    MalformedPayload,
}

/// <summary>A decoded event, or the error with a message naming stream, sequence, type and version.</summary>
/// <param name="Event">The event when <paramref name="Error"/> is <see cref="DecodeError.None"/>.</param>
/// <param name="Error">What went wrong.</param>
/// <param name="Message">Human explanation (empty on success).</param>
public readonly record struct DecodeResult<TEvent>(TEvent? Event, DecodeError Error, string Message);

/// <summary>
/// Decodes ledger records through a codec, upcasting old versions step by step and refusing newer ones.
/// </summary>
/// <typeparam name="TEvent">The engine's event base type.</typeparam>
public sealed class EventDecoder<TEvent>
{
    private readonly IEventCodec<TEvent> _codec;
    private readonly Dictionary<(string Type, int From), IEventUpcaster> _upcasters = new();

    /// <summary>Creates a decoder over <paramref name="codec"/> with the given upcasters (at most one per type and version).</summary>
    public EventDecoder(IEventCodec<TEvent> codec, IEnumerable<IEventUpcaster>? upcasters = null)
    {
        _codec = codec;
        foreach (var u in upcasters ?? [])
        {
            if (!_upcasters.TryAdd((u.EventType, u.FromVersion), u))
                throw new ArgumentException($"two upcasters for {u.EventType} v{u.FromVersion}", nameof(upcasters));
        }
    }

    /// <summary>Decodes one record.</summary>
    public DecodeResult<TEvent> Decode(LedgerRecord record)
    {
        string where = $"stream '{record.StreamId}', sequence {record.Sequence}, event {record.EventType} v{record.EventVersion}";
        if (_codec.CurrentVersion(record.EventType) is not int current)
            return new(default, DecodeError.UnknownEventType, $"{where}: unknown event type");
        if (record.EventVersion > current)
            return new(default, DecodeError.UnknownNewerVersion,
                $"{where}: this build knows {record.EventType} only up to v{current}; the ledger was written by a newer build — upgrade before replaying");

        ReadOnlySpan<byte> payload = record.Payload.Span;
        byte[]? upcast = null;
        for (int v = record.EventVersion; v < current; v++)
        {
            if (!_upcasters.TryGetValue((record.EventType, v), out var step))
                return new(default, DecodeError.MissingUpcaster, $"{where}: no upcaster from v{v} to v{v + 1}");
            upcast = step.Upcast(upcast ?? payload);
        }

        return _codec.TryDecode(record.EventType, upcast ?? payload, out var e) && e is not null
            ? new(e, DecodeError.None, "")
            : new(default, DecodeError.MalformedPayload, $"{where}: payload could not be decoded");
    }
}
