using System.Text.Json;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;
using Ballast.Pricing;
using Ballast.Server.Api;
using Ballast.Ledger.Hosting;
using Ballast.Server.Ops;
using Microsoft.Extensions.Hosting;

namespace Ballast.Server.Streaming;

/// <summary>
/// Publishes the vault on the stream and into the Prometheus gauges: a <c>vault</c> status every tick, a
/// <c>quotes</c> board of unit-size bid/ask per series, and each committed trade as <c>trade</c>.
/// </summary>
public sealed class VaultTicker(VaultHost host, StreamHub hub, ServerMetrics metrics, ServerOptions options) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = Api.ApiJson.Responses;

    /// <summary>The last <c>vault</c> message, sent first to new subscribers.</summary>
    public string? Latest { get; private set; }

    public sealed record SeriesQuote(string Series, double? Bid, double? Ask, double Vol);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        host.Committed += OnCommitted;
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, options.StreamIntervalMilliseconds)));
            int tick = 0;
            do
            {
                if (host.Fault is not null) continue;
                var status = host.Read((host.Now, host.Head), static (s, a) => VaultViews.Status(s, a.Now, a.Head, null));
                metrics.Observe(status);
                Latest = $"event: vault\ndata: {JsonSerializer.Serialize(status, Json)}\n\n";
                hub.Publish("vault", status);
                if (tick++ % 2 == 0 && hub.SubscriberCount > 0) hub.Publish("quotes", host.Read(host.Now, static (s, now) => Quotes(s, now)));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            host.Committed -= OnCommitted;
        }
    }

    private static IReadOnlyList<SeriesQuote> Quotes(Engine.State.VaultState s, long now)
    {
        var list = new List<SeriesQuote>();
        if (s.Market is null) return list;
        foreach (var b in s.BoardsByExpiry())
        {
            foreach (var k in b.Strikes)
            {
                foreach (var type in new[] { OptionType.Call, OptionType.Put })
                {
                    var id = new SeriesId(b.Expiry, k.Strike, type);
                    var ask = Engine.Vault.Quote(s, id, TradeDirection.Buy, 1, now);
                    var bid = Engine.Vault.Quote(s, id, TradeDirection.Sell, 1, now);
                    list.Add(new SeriesQuote(id.Name(s.Market.Underlying), bid.IsQuoted ? (double)bid.Quote.Payment : null, ask.IsQuoted ? (double)ask.Quote.Payment : null, k.Vol));
                }
            }
        }

        return list;
    }

    private void OnCommitted(CommittedBatch batch)
    {
        string? underlying = null;
        foreach (var (seq, e) in batch.Events)
        {
            if (e is not TradeExecuted t) continue;
            underlying ??= host.Read(static s => s.Market?.Underlying ?? "");
            hub.Publish("trade", VaultViews.Trade(underlying, seq, t));
        }
    }
}
