using Ballast.Server.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Prometheus;

namespace Ballast.Server.Ops;

/// <summary>Prometheus series of the vault (request rates and latencies come from prometheus-net's HTTP middleware).</summary>
public sealed class ServerMetrics
{
    public Counter Quotes { get; } = Metrics.CreateCounter("ballast_quotes_total", "Quotes computed.");

    public Counter Trades { get; } = Metrics.CreateCounter("ballast_trades_total", "Trade requests by outcome.", "outcome");

    public Gauge Nav { get; } = Metrics.CreateGauge("ballast_vault_nav", "Vault NAV in quote units.");

    public Gauge Spot { get; } = Metrics.CreateGauge("ballast_vault_spot", "Oracle spot.");

    public Gauge Greek { get; } = Metrics.CreateGauge("ballast_vault_greek", "Vault net Greeks (vault side).", "greek");

    public Gauge BoardGreek { get; } = Metrics.CreateGauge("ballast_board_greek", "Per-board net Greeks (vault side).", "board", "greek");

    public Gauge Breaker { get; } = Metrics.CreateGauge("ballast_breaker_active", "1 while a breaker is active.", "breaker");

    public Gauge LedgerHead { get; } = Metrics.CreateGauge("ballast_ledger_head", "Sequence of the last durable event.");

    public void CountTrade(IResult result)
    {
        string outcome = result switch
        {
            IStatusCodeHttpResult { StatusCode: int code } when code >= 400 => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "filled",
        };
        Trades.WithLabels(outcome).Inc();
    }

    public void Observe(VaultStatusView status)
    {
        Nav.Set(status.Nav);
        Spot.Set(status.Spot);
        LedgerHead.Set(status.LedgerHead);
        SetGreeks(Greek, status.Greeks);
        foreach (var b in status.Boards)
        {
            BoardGreek.WithLabels(b.Board, "delta").Set(b.Greeks.Delta);
            BoardGreek.WithLabels(b.Board, "gamma").Set(b.Greeks.Gamma);
            BoardGreek.WithLabels(b.Board, "vega").Set(b.Greeks.Vega);
        }

        foreach (var br in status.Breakers) Breaker.WithLabels(br.Name).Set(br.Active ? 1 : 0);
    }

    private static void SetGreeks(Gauge g, GreeksView v)
    {
        g.WithLabels("delta").Set(v.Delta);
        g.WithLabels("gamma").Set(v.Gamma);
        g.WithLabels("vega").Set(v.Vega);
        g.WithLabels("standard_vega").Set(v.StandardVega);
        g.WithLabels("theta").Set(v.Theta);
        g.WithLabels("value").Set(v.Value);
    }
}
