namespace Ballast.Ledger;

/// <summary>The last durable position of a stream.</summary>
/// <param name="Sequence">Last sequence (0 for an empty stream).</param>
/// <param name="Checksum">Checksum of that record (32 zero bytes for an empty stream).</param>
/// <param name="WriterEpoch">Highest writer epoch the stream has accepted or granted.</param>
public sealed record StreamHead(long Sequence, byte[] Checksum, long WriterEpoch);

/// <summary>What start-up recovery did to a stream's tail.</summary>
/// <param name="StreamId">Stream repaired.</param>
/// <param name="TruncatedSequence">Sequence of the torn record that was removed.</param>
/// <param name="Message">Human explanation.</param>
public sealed record TornTailRepair(string StreamId, long TruncatedSequence, string Message);

/// <summary>The result of opening a store: the store, or the fault that stopped start-up, plus tail repairs.</summary>
/// <param name="Store">The open store, or null when <paramref name="Fault"/> is set.</param>
/// <param name="Repairs">Torn final records truncated at start-up (report them).</param>
/// <param name="Fault">Why start-up stopped, or null.</param>
public sealed record LedgerOpenResult(IEventStore? Store, IReadOnlyList<TornTailRepair> Repairs, LedgerFault? Fault)
{
    /// <summary>The store; throws when start-up failed (callers that already checked <see cref="Fault"/>).</summary>
    public IEventStore RequireStore() =>
        Store ?? throw new InvalidOperationException($"the ledger did not open: {Fault}");
}
