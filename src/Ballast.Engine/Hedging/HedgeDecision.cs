namespace Ballast.Engine.Hedging;

/// <summary>
/// A policy's answer: the hedge it aims for and the signed order that moves the current hedge there
/// (0 = hold). Quantities are units of underlying; model values (double), converted to a decimal order quantity
/// by <see cref="OrderQuantity"/>.
/// </summary>
/// <param name="TargetHedge">Hedge position the policy wants after the order, units of underlying.</param>
/// <param name="OrderSize">Signed order, units of underlying (buy &gt; 0); 0 when holding or rejected.</param>
/// <param name="Reason">Why the policy traded or held.</param>
/// <param name="Error">Input rejection, or <see cref="HedgeInputError.None"/>.</param>
/// <param name="Message">Human-readable reason for a rejection; empty otherwise.</param>
public readonly record struct HedgeDecision(double TargetHedge, double OrderSize, HedgeDecisionReason Reason,
    HedgeInputError Error, string Message)
{
    /// <summary>True when the policy wants to place an order.</summary>
    public bool ShouldTrade => Error == HedgeInputError.None && OrderSize != 0;

    /// <summary>
    /// The order as a decimal quantity rounded toward zero to a multiple of <paramref name="lotSize"/> (never
    /// trades more than the policy asked for, so a cap on <see cref="OrderSize"/> also holds for the order).
    /// </summary>
    /// <param name="lotSize">Venue lot size, units of underlying, &gt; 0.</param>
    public decimal OrderQuantity(decimal lotSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lotSize);
        if (!ShouldTrade) return 0m;
        // |OrderSize| is bounded by caps well inside decimal's range; clamp anyway so a bug cannot overflow.
        double clamped = Math.Clamp(OrderSize, -7.9e27, 7.9e27);
        return decimal.Truncate((decimal)clamped / lotSize) * lotSize;
    }

    internal static HedgeDecision Hold(double target, HedgeDecisionReason reason) => new(target, 0, reason, HedgeInputError.None, "");

    internal static HedgeDecision Trade(double target, double order, HedgeDecisionReason reason) => new(target, order, reason, HedgeInputError.None, "");

    internal static HedgeDecision Reject(HedgeInputError error, string message) => new(0, 0, HedgeDecisionReason.InvalidInput, error, message);
}
