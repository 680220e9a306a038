using Ballast.Engine.Events;
using Ballast.Ledger.Codecs;

namespace Ballast.Ledger.Engine;

/// <summary>
/// Upcasts <see cref="TradeExecuted"/> v1 (the engine's JSON) to v2 (<see cref="TradeExecutedBinary"/>): same fields,
/// same values (decimals keep their scale, doubles their bits), so a ledger written before v2 replays to the same
/// state hash. A v1 payload that is not a valid trade upcasts to an empty payload, which v2 refuses as malformed.
/// </summary>
public sealed class TradeExecutedJsonToBinary : IEventUpcaster
{
    /// <inheritdoc />
    public string EventType => nameof(TradeExecuted);

    /// <inheritdoc />
    public int FromVersion => 1;

    /// <inheritdoc />
    public byte[] Upcast(ReadOnlySpan<byte> payload) =>
        VaultEventCodec.TryDecodeJson(EventType, payload, out var e) && e is TradeExecuted t ? TradeExecutedBinary.Encode(t) : [];
}
