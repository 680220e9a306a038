using Ballast.Engine.Pool;
using Ballast.Ledger.Codecs;

namespace Ballast.Ledger.Engine;

/// <summary>
/// The LP report of a vault stream (issue 5), read from the whole ledger: every record from sequence 1 is decoded and
/// fed to a <see cref="PoolReportBuilder"/> (snapshots hold no history, so none is used). The CLI's
/// <c>ballast vault report</c> and the server's <c>GET /v1/pool/report</c> both call it.
/// </summary>
public static class PoolReportReplay
{
    /// <summary>Replays <paramref name="streamId"/> and reports at <paramref name="now"/> (or the last event's time when null or earlier).</summary>
    /// <param name="store">The ledger.</param>
    /// <param name="streamId">The vault's stream.</param>
    /// <param name="now">Report time, Unix seconds, or null for the last event's time.</param>
    /// <param name="verify">Check the checksum chain while reading (the CLI does; a live host already did at start-up).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The report and the number of records read, or the fault that stopped the replay.</returns>
    public static async Task<(PoolReportSummary? Report, long Events, LedgerFault? Fault)> BuildAsync(
        IEventStore store, string streamId, long? now, bool verify = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var builder = new PoolReportBuilder();
        long last = 0;
        try
        {
            await foreach (var record in store.ReadAsync(streamId, 1, verify, cancellationToken))
            {
                var decoded = VaultEventCodec.Decode(record);
                if (decoded.Error != DecodeError.None)
                    return (null, last, new LedgerFault(LedgerFaultKind.UndecodableEvent, decoded.Message, streamId, record.Sequence));
                try
                {
                    builder.Apply(decoded.Event!);
                }
                catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or NullReferenceException)
                {
                    return (null, last, new LedgerFault(LedgerFaultKind.UndecodableEvent,
                        $"stream '{streamId}', sequence {record.Sequence}: {record.EventType} cannot be applied ({ex.Message})", streamId, record.Sequence));
                }

                last = record.Sequence;
            }
        }
        catch (LedgerCorruptionException e)
        {
            return (null, last, e.Fault);
        }

        long at = Math.Max(now ?? long.MinValue, builder.State.LastEventTime);
        return (builder.Build(at), last, null);
    }
}
