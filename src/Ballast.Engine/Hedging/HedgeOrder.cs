namespace Ballast.Engine.Hedging;

/// <summary>An order sent to a hedge venue.</summary>
/// <param name="ClientOrderId">Caller-chosen id, unique per venue; makes retries idempotent for real adapters.</param>
/// <param name="Quantity">Signed quantity, units of underlying (buy &gt; 0), non-zero.</param>
/// <param name="Style">Taker or maker.</param>
public sealed record HedgeOrder(string ClientOrderId, decimal Quantity, OrderStyle Style = OrderStyle.Taker);
